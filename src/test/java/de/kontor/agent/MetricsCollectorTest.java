package de.kontor.agent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the collector reads from a host root given with {@code --host-root}. OSHI's own paths are set once
 * per process, so these checks stay on the parts that read the host root themselves.
 */
class MetricsCollectorTest {

    @TempDir
    Path host;

    private void zone(int number, String type, String temp) throws IOException {
        Path zone = Files.createDirectories(host.resolve("sys/class/thermal/thermal_zone" + number));
        Files.writeString(zone.resolve("type"), type + "\n");
        if (temp != null) {
            Files.writeString(zone.resolve("temp"), temp + "\n");
        }
    }

    @Test
    void thermalZonesOfTheHostRootBecomeTemperaturesNamedAfterTheirType() throws IOException {
        zone(0, "cpu-thermal", "48312");
        zone(1, "gpu-thermal", null);
        zone(2, "broken-sensor", "-273000");
        Files.createDirectories(host.resolve("sys/class/thermal/cooling_device0"));

        assertThat(MetricsCollector.thermalZones(new HostPaths(host.toString())))
                .containsExactlyEntriesOf(Map.of(MetricNames.TEMPERATURE + "cpu-thermal", 48.31));
    }

    @Test
    void aHostWithoutThermalZonesHasNoZoneTemperatures() throws IOException {
        Files.createDirectories(host.resolve("sys/class"));
        assertThat(MetricsCollector.thermalZones(new HostPaths(host.toString())))
                .isEmpty();
    }

    @Test
    void mountsUnderTheHostRootAreReportedAsTheHostSeesThemAndOthersAreLeftOut() {
        HostPaths paths = new HostPaths("/host/");

        assertThat(paths.root()).isEqualTo("/host");
        assertThat(paths.proc()).isEqualTo(Path.of("/host/proc"));
        assertThat(paths.sys()).isEqualTo(Path.of("/host/sys"));
        assertThat(paths.mountOnHost("/host/var")).isEqualTo("/var");
        assertThat(paths.mountOnHost("/host/var/lib/docker")).isEqualTo("/var/lib/docker");
        assertThat(paths.mountOnHost("/host")).isEqualTo("/");
        assertThat(paths.mountOnHost("/")).isNull();
        assertThat(paths.mountOnHost("/etc/hosts")).isNull();
        assertThat(paths.mountOnHost("/hostile")).isNull();
    }

    @Test
    void withoutAHostRootEveryMountIsTheAgentsOwn() {
        HostPaths paths = HostPaths.local();

        assertThat(paths.proc()).isEqualTo(Path.of("/proc"));
        assertThat(paths.mountOnHost("/var")).isEqualTo("/var");
        assertThat(paths.mountOnHost("/")).isEqualTo("/");
    }
}
