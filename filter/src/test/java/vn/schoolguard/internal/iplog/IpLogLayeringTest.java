package vn.schoolguard.internal.iplog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The IP log core names no JDBC and no servlet type: storage lives in store, HTTP in the adapters. */
class IpLogLayeringTest {

    private static final Path SOURCES = Path.of("src/main/java/vn/schoolguard/internal/iplog");

    @Test
    void theCoreNamesNoJdbcOrServletType() throws IOException {
        try (Stream<Path> files = Files.list(SOURCES)) {
            List<Path> sources = files.filter(p -> p.toString().endsWith(".java")).toList();
            assertThat(sources).hasSizeGreaterThan(10);
            for (Path source : sources) {
                String text = Files.readString(source);
                assertThat(text).as(source.toString()).doesNotContain("java.sql", "javax.sql", "jakarta.servlet", "javax.servlet");
            }
        }
    }
}
