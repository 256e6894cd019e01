package de.kontor.agent;

import de.kontor.agent.Inventory.ContainerInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Containers come from the Docker Engine API over its Unix socket; here an emulator answers on one. */
class DockerClientTest {

    @TempDir
    Path dir;

    @Test
    void containersAreReadOverTheUnixSocketWithCpuFromTheChangeBetweenTwoReadings() throws Exception {
        Path socket = dir.resolve("docker.sock");
        try (DockerEngineEmulator engine = new DockerEngineEmulator(socket)) {
            DockerClient docker = new DockerClient(socket);

            List<ContainerInfo> first = docker.containers();
            List<ContainerInfo> second = docker.containers();

            assertThat(first).extracting(ContainerInfo::name).containsExactly("web", "backup");
            assertThat(first.getFirst().cpu())
                    .as("no earlier reading to compare with")
                    .isNull();
            ContainerInfo web = second.getFirst();
            double expectedCpu = 100.0
                    * DockerEngineEmulator.CONTAINER_STEP
                    / DockerEngineEmulator.SYSTEM_STEP
                    * DockerEngineEmulator.CPUS;
            assertThat(web.cpu()).isEqualTo(expectedCpu);
            assertThat(web.id()).isEqualTo(DockerEngineEmulator.WEB_ID.substring(0, 12));
            assertThat(web.image()).isEqualTo("nginx:1.25");
            assertThat(web.state()).isEqualTo("running");
            assertThat(web.memoryBytes())
                    .isEqualTo(DockerEngineEmulator.MEMORY_USAGE - DockerEngineEmulator.INACTIVE_FILE);
            assertThat(web.memory()).isEqualTo(19.53);
            ContainerInfo backup = second.get(1);
            assertThat(backup.state()).isEqualTo("exited");
            assertThat(backup.status()).isEqualTo("Exited (1) 2 hours ago");
            assertThat(backup.cpu()).isNull();
            assertThat(engine.requests())
                    .contains(
                            "GET /containers/json?all=true HTTP/1.1",
                            "GET /containers/" + DockerEngineEmulator.WEB_ID
                                    + "/stats?stream=false&one-shot=true HTTP/1.1")
                    .noneMatch(r -> r.contains(DockerEngineEmulator.BACKUP_ID + "/stats"));
        }
    }

    @Test
    void withoutASocketThereAreNoContainersRatherThanAnEmptyList() {
        assertThat(new DockerClient(dir.resolve("missing.sock")).containers()).isNull();
    }

    @Test
    void theInventoryCarriesTheContainersOfTheConfiguredSocket() throws Exception {
        Path socket = dir.resolve("engine.sock");
        try (DockerEngineEmulator engine = new DockerEngineEmulator(socket)) {
            InventoryCollector inventory =
                    new InventoryCollector(HostPaths.local(), socket, Map.of("PATH", dir.toString()), 5);
            Inventory result = inventory.collect(1_800_000_000L);
            assertThat(result.containers()).extracting(ContainerInfo::name).containsExactly("web", "backup");
            assertThat(result.failedUnits()).as("no systemctl on this PATH").isNull();
            assertThat(result.processes()).hasSizeLessThanOrEqualTo(5).isNotEmpty();
            assertThat(result.facts().cpuThreads())
                    .isEqualTo(Runtime.getRuntime().availableProcessors());
        }
    }
}
