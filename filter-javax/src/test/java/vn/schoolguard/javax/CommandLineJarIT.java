package vn.schoolguard.javax;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

// The README's account commands, run as an admin runs them: a new JVM on each built JAR, standard input a pipe.
class CommandLineJarIT {

    @TempDir
    Path dataDir;

    record Result(int code, String out, String err) {
    }

    static Path jar(String which) {
        Path jar = Path.of(which.equals("javax")
                ? System.getProperty("javax.jar", "target/schoolguard-javax.jar")
                : System.getProperty("dropin.jar", "../filter/target/schoolguard.jar"));
        assertThat(jar).as("the %s JAR (run mvn verify on filter and filter-javax)", which).isRegularFile();
        return jar;
    }

    static Result run(Path jar, String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("cli-out", ".txt");
        Path err = Files.createTempFile("cli-err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    @ParameterizedTest
    @ValueSource(strings = {"jakarta", "javax"})
    void readmeUsersAddRunsAsWrittenWithThePasswordOnStandardInput(String which) throws Exception {
        Path jar = jar(which);
        String dir = dataDir.toString();
        Result add = run(jar, "Hoa-phuong-2026\n", "users", "add", "thu.ha", "--roles", "moderator", "--data-dir", dir);
        assertThat(add.code()).as(add.err()).isZero();
        assertThat(add.out()).contains("account 'thu.ha' of site default saved with roles moderator");
        assertThat(add.err()).contains("no terminal; reading the password from the first line of standard input");
        assertThat(run(jar, "", "users", "list", "--data-dir", dir).out()).contains("thu.ha");

        Result shortPassword = run(jar, "1234567\n", "users", "passwd", "thu.ha", "--data-dir", dir);
        assertThat(shortPassword.code()).isEqualTo(2);
        assertThat(shortPassword.err()).contains("needs at least 8 characters, this one has 7");

        Result verify = run(jar, "", "iplog", "verify", "--data-dir", dir);
        assertThat(verify.code()).as(verify.err()).isZero();
        assertThat(verify.out()).contains("no IP-log entries in " + dataDir.toAbsolutePath().resolve("schoolguard.mv.db"));
    }
}
