package vn.schoolguard.internal.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import vn.schoolguard.testing.TestSite;

/** Regression: the data directory and everything in it are private to the site's user (700 / 600). */
class DataDirectoryPermissionsTest {

    @TempDir
    Path temp;

    @BeforeEach
    void posixOnly() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file permissions");
    }

    @Test
    void regressionDataDirectoryIsCreated700AndTheDatabaseFiles600() throws Exception {
        Path dataDir = temp.resolve("data");
        try (TestSite site = new TestSite(dataDir, Map.of())) {
            site.postForm("/posts/1/comments", Map.of("author", "An", "content", "Xin chào"));
            assertThat(mode(dataDir)).isEqualTo("rwx------");
            List<Path> files = files(dataDir);
            assertThat(files).extracting(p -> p.getFileName().toString()).contains("schoolguard.mv.db");
            assertThat(files).allSatisfy(f -> assertThat(mode(f)).as(f.toString()).isEqualTo("rw-------"));
        }
    }

    @Test
    void regressionFilesCreatedLaterInTheDataDirectoryBecome600() throws Exception {
        Path dataDir = temp.resolve("data");
        try (TestSite site = new TestSite(dataDir, Map.of())) {
            Path later = Files.writeString(dataDir.resolve("iplog.json"), "{}\n");
            Path sub = Files.createDirectories(dataDir.resolve("logs"));
            Path nested = Files.writeString(sub.resolve("app.log"), "x\n");
            waitFor(() -> mode(later).equals("rw-------") && mode(sub).equals("rwx------") && mode(nested).equals("rw-------"));
            assertThat(mode(later)).isEqualTo("rw-------");
            assertThat(mode(sub)).isEqualTo("rwx------");
            assertThat(mode(nested)).isEqualTo("rw-------");
        }
    }

    @Test
    void regressionAnExistingTooOpenDataDirectoryIsNamedWithItsModeAtStartup() throws Exception {
        Path dataDir = Files.createDirectories(temp.resolve("open"));
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Logger logger = (Logger) LoggerFactory.getLogger("vn.schoolguard.db.DataDirectory");
        ListAppender<ILoggingEvent> events = new ListAppender<>();
        events.start();
        logger.addAppender(events);
        try (TestSite site = new TestSite(dataDir, Map.of())) {
            assertThat(events.list).extracting(ILoggingEvent::getFormattedMessage).anySatisfy(m ->
                    assertThat(m).contains(dataDir.toAbsolutePath().toString()).contains("755").contains("rwxr-xr-x"));
            assertThat(files(dataDir)).allSatisfy(f -> assertThat(mode(f)).as(f.toString()).isEqualTo("rw-------"));
        } finally {
            logger.detachAppender(events);
        }
    }

    static String mode(Path path) {
        try {
            return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 100 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
    }
}
