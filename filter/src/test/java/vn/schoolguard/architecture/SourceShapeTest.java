package vn.schoolguard.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Size limits that keep every main class readable in one sitting: types, methods and records. */
class SourceShapeTest {

    static final int MAX_TYPE_LINES = 350;
    static final int MAX_METHOD_LINES = 60;
    static final int MAX_RECORD_COMPONENTS = 12;

    private static final Path MAIN = Path.of("src/main/java");
    private static final List<Parsed> SOURCES = new ArrayList<>();

    private record Parsed(Path file, CompilationUnit unit) {
        String name() {
            return MAIN.relativize(file).toString();
        }
    }

    @BeforeAll
    static void parseMainSources() throws IOException {
        StaticJavaParser.getParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17);
        try (Stream<Path> files = Files.walk(MAIN)) {
            files.filter(file -> file.toString().endsWith(".java")).sorted().forEach(file -> {
                try {
                    SOURCES.add(new Parsed(file, StaticJavaParser.parse(Files.readString(file, StandardCharsets.UTF_8))));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        assertThat(SOURCES).as("main sources under " + MAIN.toAbsolutePath()).hasSizeGreaterThan(100);
    }

    @Test
    void noTopLevelTypeIsLongerThanTheLimit() {
        List<String> offenders = new ArrayList<>();
        for (Parsed source : SOURCES) {
            for (TypeDeclaration<?> type : source.unit().getTypes()) {
                int lines = lines(type);
                if (lines > MAX_TYPE_LINES) {
                    offenders.add(source.name() + " " + type.getNameAsString() + ": " + lines + " lines");
                }
            }
        }
        assertThat(offenders).as("types over " + MAX_TYPE_LINES + " lines").isEmpty();
    }

    @Test
    void noMethodOrConstructorIsLongerThanTheLimit() {
        List<String> offenders = new ArrayList<>();
        for (Parsed source : SOURCES) {
            for (CallableDeclaration<?> callable : source.unit().findAll(CallableDeclaration.class)) {
                int lines = lines(callable);
                if (lines > MAX_METHOD_LINES) {
                    offenders.add(source.name() + " " + callable.getNameAsString() + ": " + lines + " lines");
                }
            }
        }
        assertThat(offenders).as("methods over " + MAX_METHOD_LINES + " lines").isEmpty();
    }

    @Test
    void noRecordHasMoreComponentsThanTheLimit() {
        List<String> offenders = new ArrayList<>();
        for (Parsed source : SOURCES) {
            for (RecordDeclaration record : source.unit().findAll(RecordDeclaration.class)) {
                int components = record.getParameters().size();
                if (components > MAX_RECORD_COMPONENTS) {
                    offenders.add(source.name() + " " + record.getNameAsString() + ": " + components + " components");
                }
            }
        }
        assertThat(offenders).as("records over " + MAX_RECORD_COMPONENTS + " components").isEmpty();
    }

    private static int lines(Node node) {
        return node.getRange().map(range -> range.end.line - range.begin.line + 1).orElse(0);
    }
}
