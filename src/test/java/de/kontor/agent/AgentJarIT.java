package de.kontor.agent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged agent as an operator runs it: {@code java -jar target/kontor-agent.jar --print} with the JVM
 * running this test, in its own process. Run by failsafe after {@code package} built the jar.
 */
class AgentJarIT {

    private static final long MAX_BYTES = 15L * 1024 * 1024;

    private static Path jar() {
        return Path.of(System.getProperty("kontor.agent.jar", "target/kontor-agent.jar"));
    }

    @Test
    void printModeWritesOneSampleAndTheFactsAsJson() throws Exception {
        JsonNode json = print();

        JsonNode values = json.path("sample").path("values");
        assertThat(values.path(MetricNames.CPU).asDouble(-1)).isBetween(0.0, 100.0);
        assertThat(values.path(MetricNames.MEMORY).asDouble(-1)).isBetween(0.0, 100.0);
        assertThat(json.path("sample").path("at").asLong()).isPositive();
        JsonNode facts = json.path("inventory").path("facts");
        assertThat(facts.path("cpuThreads").asInt())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(facts.path("kernel").asString())
                .isEqualTo(
                        Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip());
        assertThat(facts.path("memoryBytes").asLong()).isPositive();
        assertThat(facts.path("hostname").asString()).isNotBlank();
    }

    @Test
    void withAHostRootTheHostsThermalZonesCountAndMountsOutsideItAreLeftOut(@TempDir Path host) throws Exception {
        Files.createSymbolicLink(host.resolve("proc"), Path.of("/proc"));
        Path zone = Files.createDirectories(host.resolve("sys/class/thermal/thermal_zone0"));
        Files.writeString(zone.resolve("type"), "soc-thermal\n");
        Files.writeString(zone.resolve("temp"), "51250\n");

        JsonNode json = print("--host-root", host.toString(), "--docker-socket", "none");

        JsonNode values = json.path("sample").path("values");
        assertThat(values.path(MetricNames.TEMPERATURE + "soc-thermal").asDouble())
                .isEqualTo(51.25);
        assertThat(values.path(MetricNames.MEMORY).asDouble(-1)).isBetween(0.0, 100.0);
        List<String> names = new ArrayList<>();
        values.properties().forEach(e -> names.add(e.getKey()));
        assertThat(names)
                .as("every mount of this machine lies outside the host root")
                .noneMatch(n -> n.startsWith(MetricNames.DISK_USED) || n.startsWith(MetricNames.DISK_FREE));
    }

    private static JsonNode print(String... options) throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx64m", "-jar", jar().toString(), "--print"));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(text).isZero();
        return JsonMapper.builder().build().readTree(text);
    }

    @Test
    void theJarIsSmallAndHoldsNoSpring() throws IOException {
        assertThat(Files.size(jar())).isLessThanOrEqualTo(MAX_BYTES);
        List<String> names = new ArrayList<>();
        try (JarFile file = new JarFile(jar().toFile())) {
            file.stream().map(JarEntry::getName).forEach(names::add);
        }
        assertThat(names).contains("de/kontor/agent/AgentMain.class", "oshi/SystemInfo.class");
        assertThat(names).noneMatch(n -> n.startsWith("org/springframework/"));
        assertThat(names)
                .as("only the agent of Kontor's own classes")
                .noneMatch(
                        n -> n.endsWith(".class") && n.startsWith("de/kontor/") && !n.startsWith("de/kontor/agent/"));
        assertThat(names).noneMatch(n -> n.startsWith("com/vaadin/"));
    }
}
