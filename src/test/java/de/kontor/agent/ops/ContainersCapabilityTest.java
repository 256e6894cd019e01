package de.kontor.agent.ops;

import de.kontor.agent.DockerEngineEmulator;
import de.kontor.agent.ops.ContainersCapability.Container;
import de.kontor.agent.ops.ContainersCapability.Image;
import de.kontor.agent.ops.ContainersCapability.LogLine;
import de.kontor.agent.ops.ContainersCapability.Network;
import de.kontor.agent.ops.ContainersCapability.Stats;
import de.kontor.agent.ops.ContainersCapability.Volume;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static de.kontor.agent.DockerEngineEmulator.BACKUP_ID;
import static de.kontor.agent.DockerEngineEmulator.WEB_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The containers capability against a Docker Engine API emulator on a Unix socket. */
class ContainersCapabilityTest {

    @TempDir
    Path dir;

    private DockerEngineEmulator engine;
    private ContainersCapability containers;

    @BeforeEach
    void startEngine() throws Exception {
        Path socket = dir.resolve("docker.sock");
        engine = new DockerEngineEmulator(socket);
        containers = new ContainersCapability(socket);
    }

    @AfterEach
    void stopEngine() throws Exception {
        engine.close();
    }

    private OperationResult run(String action, String target, Map<String, String> arguments) throws Exception {
        return containers.run(new Operation(action, target, arguments));
    }

    private OperationResult run(String action, String target) throws Exception {
        return run(action, target, Map.of());
    }

    @Test
    void listShowsAllContainersWithShortIdsNamesAndPublishedPorts() throws Exception {
        OperationResult result = run("list", "");

        assertThat(result.succeeded()).isTrue();
        @SuppressWarnings("unchecked")
        List<Container> list = (List<Container>) result.data();
        assertThat(list).extracting(Container::name).containsExactly("web", "backup");
        Container web = list.getFirst();
        assertThat(web.id()).isEqualTo(WEB_ID.substring(0, 12));
        assertThat(web.state()).isEqualTo("running");
        assertThat(web.ports()).containsExactly("80/tcp", "0.0.0.0:8080->80/tcp");
        assertThat(engine.requests()).containsExactly("GET /containers/json?all=true HTTP/1.1");
    }

    @Test
    void lifecycleActionsPostToTheEngineAndChangeTheContainersState() throws Exception {
        assertThat(run("stop", "web", Map.of("timeout", "5")).output()).isEqualTo("Stopped web.");
        assertThat(engine.state(WEB_ID)).isEqualTo("exited");
        assertThat(run("start", "web").output()).isEqualTo("Started web.");
        assertThat(run("pause", "web").output()).isEqualTo("Paused web.");
        assertThat(engine.state(WEB_ID)).isEqualTo("paused");
        assertThat(run("unpause", "web").output()).isEqualTo("Unpaused web.");
        assertThat(run("restart", BACKUP_ID.substring(0, 12)).output())
                .isEqualTo("Restarted " + BACKUP_ID.substring(0, 12) + ".");
        assertThat(engine.state(BACKUP_ID)).isEqualTo("running");

        assertThat(engine.requests())
                .containsExactly(
                        "POST /containers/web/stop?t=5 HTTP/1.1",
                        "POST /containers/web/start HTTP/1.1",
                        "POST /containers/web/pause HTTP/1.1",
                        "POST /containers/web/unpause HTTP/1.1",
                        "POST /containers/" + BACKUP_ID.substring(0, 12) + "/restart?t=10 HTTP/1.1");
    }

    @Test
    void startingARunningContainerSucceedsWithANoteBecauseTheEngineAnswersNotModified() throws Exception {
        OperationResult result = run("start", "web");

        assertThat(result.succeeded()).isTrue();
        assertThat(result.output()).isEqualTo("web is already running: nothing to do.");
        assertThat(run("stop", "backup").output()).isEqualTo("backup is already stopped: nothing to do.");
    }

    @Test
    void anUnknownContainerIsRefusedWithTheEnginesMessage() {
        assertThatThrownBy(() -> run("start", "ghost"))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessage("No such container: ghost");
        assertThatThrownBy(() -> run("logs", "ghost"))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessage("No such container: ghost");
    }

    @Test
    void aConflictTheEngineReportsIsARefusal() {
        assertThatThrownBy(() -> run("pause", "backup"))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessage("Container " + BACKUP_ID + " is not running");
        assertThat(engine.state(BACKUP_ID)).isEqualTo("exited");
    }

    @Test
    void removingARunningContainerNeedsForce() throws Exception {
        assertThatThrownBy(() -> run("remove", "web"))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessageContaining("container is running");
        assertThat(engine.state(WEB_ID)).isEqualTo("running");

        OperationResult removed = run("remove", "web", Map.of("force", "true", "volumes", "true"));

        assertThat(removed.output()).isEqualTo("Removed web and its anonymous volumes.");
        assertThat(engine.state(WEB_ID)).isNull();
        assertThat(engine.requests())
                .containsExactly(
                        "DELETE /containers/web?force=false&v=false HTTP/1.1",
                        "DELETE /containers/web?force=true&v=true HTTP/1.1");
        @SuppressWarnings("unchecked")
        List<Container> left = (List<Container>) run("list", "").data();
        assertThat(left).extracting(Container::name).containsExactly("backup");
    }

    @Test
    void logsAreDemultiplexedIntoStdoutAndStderrLinesEvenWhenALineSpansFrames() throws Exception {
        OperationResult result = run("logs", "web", Map.of("lines", "50", "since", "1764496800.250000000"));

        @SuppressWarnings("unchecked")
        List<LogLine> lines = (List<LogLine>) result.data();
        assertThat(lines)
                .containsExactly(
                        new LogLine("stdout", "192.168.1.5 - - \"GET / HTTP/1.1\" 200 615"),
                        new LogLine("stderr", "2026/11/30 10:00:01 [warn] 29#29: low on workers"),
                        new LogLine("stdout", "192.168.1.6 - - \"GET /über HTTP/1.1\" 404 153"));
        assertThat(result.output())
                .isEqualTo("192.168.1.5 - - \"GET / HTTP/1.1\" 200 615\n"
                        + "2026/11/30 10:00:01 [warn] 29#29: low on workers\n"
                        + "192.168.1.6 - - \"GET /über HTTP/1.1\" 404 153");
        assertThat(engine.requests())
                .containsExactly(
                        "GET /containers/web/logs?stdout=true&stderr=true&tail=50&since=1764496800.250000000 HTTP/1.1");
    }

    @Test
    void aTerminalContainersLogIsReadRawWhenTheEngineSaysSo() {
        byte[] raw = "$ ls\r\nbin  etc\r\n".getBytes(StandardCharsets.UTF_8);

        assertThat(ContainerLogs.parse("application/vnd.docker.raw-stream", raw))
                .containsExactly(new LogLine("stdout", "$ ls"), new LogLine("stdout", "bin  etc"));
        assertThat(ContainerLogs.parse(null, DockerEngineEmulator.LOG_FRAMES))
                .as("an engine before API 1.42 sends no content type; the frame header tells")
                .hasSize(3);
    }

    @Test
    void logLinesOutsideTheLimitAreRefusedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> run("logs", "web", Map.of("lines", "100000")))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessage("'lines' must be a whole number from 1 to 5000, not '100000'.");
        assertThatThrownBy(() -> run("logs", "web", Map.of("since", "1764496800&follow=true")))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessage("'since' must be Unix seconds, with up to nine decimals, not '1764496800&follow=true'.");
        assertThat(engine.requests()).isEmpty();
    }

    @Test
    void statsGiveOneReadingWithCpuFromTheEnginesTwoSamples() throws Exception {
        Stats stats = (Stats) run("stats", "web").data();

        assertThat(stats.name()).isEqualTo("web");
        assertThat(stats.cpu())
                .isEqualTo(100.0
                        * DockerEngineEmulator.CONTAINER_STEP
                        / DockerEngineEmulator.SYSTEM_STEP
                        * DockerEngineEmulator.CPUS);
        assertThat(stats.memoryBytes())
                .isEqualTo(DockerEngineEmulator.MEMORY_USAGE - DockerEngineEmulator.INACTIVE_FILE);
        assertThat(stats.memoryPercent()).isEqualTo(19.53);
        assertThat(stats.networkRx()).isEqualTo(1010);
        assertThat(stats.networkTx()).isEqualTo(2020);
        assertThat(stats.blockRead()).isEqualTo(4096);
        assertThat(stats.blockWrite()).isEqualTo(8192);
        assertThat(stats.pids()).isEqualTo(7);
        assertThat(engine.requests()).containsExactly("GET /containers/web/stats?stream=false HTTP/1.1");
    }

    @Test
    void inspectGivesTheEnginesDescription() throws Exception {
        JsonNode inspected = (JsonNode) run("inspect", "web").data();

        assertThat(inspected.path("Id").asString()).isEqualTo(WEB_ID);
        assertThat(inspected.path("State").path("Pid").asInt()).isEqualTo(4242);
    }

    @Test
    void imagesVolumesAndNetworksAreListed() throws Exception {
        @SuppressWarnings("unchecked")
        List<Image> images = (List<Image>) run("images", "").data();
        @SuppressWarnings("unchecked")
        List<Volume> volumes = (List<Volume>) run("volumes", "").data();
        @SuppressWarnings("unchecked")
        List<Network> networks = (List<Network>) run("networks", "").data();

        assertThat(images).extracting(Image::id).containsExactly("a8758716bb6a", "1234567890ab");
        assertThat(images.getFirst().tags()).containsExactly("nginx:1.25");
        assertThat(images.getFirst().size()).isEqualTo(187_000_000L);
        assertThat(volumes)
                .containsExactly(new Volume(
                        "web-data", "local", "/var/lib/docker/volumes/web-data/_data", "2026-11-01T10:00:00Z"));
        assertThat(networks).extracting(Network::name).containsExactly("bridge", "host");
        assertThat(networks.getFirst().id()).isEqualTo("f2de39df4171");
    }

    @Test
    void targetsThatAreNoContainerNameNeverReachTheEngine() {
        assertThatThrownBy(() -> run("start", "../images/json"))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessage("'../images/json' is not a container name or id.");
        assertThatThrownBy(() -> run("stop", ""))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessage("Which container? Give its name or id.");
        assertThatThrownBy(() -> run("exec", "web"))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessageStartingWith("The containers capability has no action 'exec'");
        assertThat(engine.requests()).isEmpty();
    }

    @Test
    void aMissingSocketIsAClearRefusal() {
        ContainersCapability nowhere = new ContainersCapability(dir.resolve("missing.sock"));

        assertThatThrownBy(() -> nowhere.run(new Operation("list", "", Map.of())))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessageStartingWith("There is no Docker socket at " + dir.resolve("missing.sock"));
    }

    @Test
    void aSocketNobodyListensOnIsAClearRefusal() throws Exception {
        Path stale = dir.resolve("stale.sock");
        try (ServerSocketChannel gone = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            gone.bind(UnixDomainSocketAddress.of(stale));
        }
        ContainersCapability deadEngine = new ContainersCapability(stale);

        assertThatThrownBy(() -> deadEngine.run(new Operation("list", "", Map.of())))
                .isInstanceOf(OperationRefusedException.class)
                .hasMessage("Nothing answers on the Docker socket " + stale + ": is the engine running?");
    }
}
