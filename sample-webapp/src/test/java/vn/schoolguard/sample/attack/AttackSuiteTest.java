package vn.schoolguard.sample.attack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The attack suite: every file under {@code src/test/resources/attacks} runs against its own guarded sample site
 * over real HTTP, case by case (see {@link AttackFile} for the format and {@link AttackRun} for what is checked).
 */
class AttackSuiteTest {

    private static final List<AttackRun> RUNS = new ArrayList<>();

    @TestFactory
    Stream<DynamicNode> attackSuite() throws IOException, URISyntaxException {
        Path folder = Path.of(AttackSuiteTest.class.getResource("/attacks").toURI());
        List<Path> files;
        try (Stream<Path> listing = Files.list(folder)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        }
        return files.stream().map(AttackSuiteTest::container);
    }

    private static DynamicNode container(Path path) {
        AttackFile file;
        try (InputStream in = Files.newInputStream(path)) {
            file = AttackFile.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read attack file " + path, e);
        }
        AttackRun run = new AttackRun(file);
        RUNS.add(run);
        Stream<DynamicNode> cases = IntStream.range(0, file.cases().size()).mapToObj(i -> {
            AttackFile.Case attack = file.cases().get(i);
            return DynamicTest.dynamicTest(attack.id() + " — " + attack.guards(), () -> run.run(i, attack));
        });
        return DynamicContainer.dynamicContainer(path.getFileName() + ": " + file.title(),
                Stream.concat(cases, Stream.of(DynamicTest.dynamicTest("stop the site", run::close))));
    }

    @AfterAll
    static void stopSites() {
        RUNS.forEach(AttackRun::close);
    }
}
