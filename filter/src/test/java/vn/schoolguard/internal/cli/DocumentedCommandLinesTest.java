package vn.schoolguard.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import picocli.CommandLine;

/** Every {@code java -jar schoolguard.jar ...} line of the README and the guides parses: a renamed flag breaks the build. */
class DocumentedCommandLinesTest {

    private static final Pattern COMMAND = Pattern.compile("java -jar (?:\\S*/)?schoolguard(?:-javax)?\\.jar\\b");

    record Example(String file, int line, String text) {
        List<String> args() {
            return words(text);
        }

        @Override
        public String toString() {
            return file + ":" + line + ": " + text;
        }
    }

    static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("docs/en"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no project root with README.md and docs/en above " + Path.of("").toAbsolutePath());
    }

    static List<Example> examples() throws IOException {
        Path root = root();
        List<Path> files = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> docs = Files.walk(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        List<Example> found = new ArrayList<>();
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                int first = i;
                StringBuilder line = new StringBuilder(lines.get(i));
                // Shell continuation lines belong to the command.
                while (line.toString().endsWith("\\") && i + 1 < lines.size()) {
                    line.setLength(line.length() - 1);
                    line.append(' ').append(lines.get(++i).strip());
                }
                Matcher m = COMMAND.matcher(line);
                while (m.find()) {
                    boolean inline = m.start() > 0 && line.charAt(m.start() - 1) == '`';
                    String rest = line.substring(m.end());
                    if (inline && rest.indexOf('`') >= 0) {
                        rest = rest.substring(0, rest.indexOf('`'));
                    }
                    // What the shell does with the output is not the command's business.
                    rest = rest.split("\\s(?:<|>|\\||;|&&)\\s|\\s[<>]\\S", 2)[0];
                    found.add(new Example(root.relativize(file).toString(), first + 1, rest.strip()));
                }
            }
        }
        return found;
    }

    /** Splits like a POSIX shell would for these simple lines: spaces, single and double quotes. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (char c : text.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    @Test
    void everyDocumentedCommandLineParses() throws IOException {
        List<Example> examples = examples();
        assertThat(examples).as("command lines found in README.md and docs/").hasSizeGreaterThan(20);
        List<String> broken = new ArrayList<>();
        for (Example example : examples) {
            CommandLine cli = new CommandLine(new SchoolGuardCli(), SchoolGuardCli.factory(CliContext.system()));
            try {
                CommandLine.ParseResult parsed = cli.parseArgs(example.args().toArray(new String[0]));
                if (!parsed.hasSubcommand()) {
                    broken.add(example + " (names no command)");
                }
            } catch (CommandLine.ParameterException e) {
                broken.add(example + " → " + e.getMessage());
            }
        }
        assertThat(broken).as("documented command lines that the command line rejects").isEmpty();
    }

    @Test
    void theReadmeShowsUsersAddAndTheGuidesShowVerifyInBothLanguages() throws IOException {
        List<Example> examples = examples();
        assertThat(examples).anySatisfy(e -> {
            assertThat(e.file()).isEqualTo("README.md");
            assertThat(e.text()).startsWith("users add thu.ha --roles moderator --data-dir");
        });
        for (String lang : List.of("en", "vi")) {
            assertThat(examples).anySatisfy(e -> {
                assertThat(e.file()).isEqualTo(Path.of("docs", lang, "investigator-guide.md").toString());
                assertThat(e.text()).startsWith("iplog verify");
            });
            assertThat(examples).anySatisfy(e -> {
                assertThat(e.file()).isEqualTo(Path.of("docs", lang, "install.md").toString());
                assertThat(e.text()).contains("--password-env");
            });
        }
    }

    @Test
    void theExtractorCutsInlineCodeContinuationsAndRedirections() {
        assertThat(words("score --rules 'my rules.pack'")).containsExactly("score", "--rules", "my rules.pack");
        assertThat("score < in.jsonl > out.jsonl".split("\\s(?:<|>|\\||;|&&)\\s|\\s[<>]\\S", 2)[0]).isEqualTo("score");
    }
}
