package de.kontor.build;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code ./mvnw} finds a JDK 21+ on its own when the default java is older, and stops with one clear
 * line when there is none. A fake {@code java} 17 on the PATH plays the old default.
 */
class MavenWrapperTest {

    Path fakeBin;
    Path work;

    @BeforeEach
    void fakeOldJava() throws IOException {
        work = Files.createTempDirectory("mvnw-test-");
        fakeBin = Files.createDirectories(work.resolve("bin"));
        script(fakeBin.resolve("java"), """
                #!/bin/sh
                echo '    java.specification.version = 17' >&2
                echo 'openjdk version "17.0.15"' >&2
                """);
    }

    @Test
    void withoutAnyJdk21ItStopsWithOneLineSayingWhatToInstall() throws Exception {
        Result result = runWrapper(work.resolve("no-jdks").toString() + "/*");

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.output().strip().lines()).hasSize(1);
        assertThat(result.output())
                .contains("Kontor needs a JDK 21 or newer")
                .contains("found 17")
                .contains("install");
        assertThat(result.output()).doesNotContain("Exception").doesNotContain("at org.");
    }

    @Test
    void picksAnInstalledJdk21OrNewerWithoutJavaHome() throws Exception {
        Path realJdk = Path.of(System.getProperty("java.home"));
        assertThat(Runtime.version().feature()).isGreaterThanOrEqualTo(21);

        Result result = runWrapper(realJdk.toString());

        assertThat(result.exit()).as(result.output()).isZero();
        assertThat(result.output())
                .contains("Apache Maven 3.9")
                .contains("Java version: " + Runtime.version().feature());
    }

    private record Result(int exit, String output) {}

    private Result runWrapper(String jdkDirs) throws Exception {
        ProcessBuilder builder =
                new ProcessBuilder("sh", Path.of("mvnw").toAbsolutePath().toString(), "-v");
        builder.redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.remove("JAVA_HOME");
        env.put("PATH", fakeBin + ":/usr/bin:/bin");
        env.put("KONTOR_JDK_DIRS", jdkDirs);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static void script(Path file, String content) throws IOException {
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
