package de.kontor.monitoring;

import de.kontor.HttpClientSupport;
import de.kontor.HttpClientSupport.Response;
import de.kontor.IntegrationTest;
import de.kontor.agent.Agent;
import de.kontor.agent.AgentConfig;
import de.kontor.monitoring.MonitoringTestSupport.CreatedNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import static de.kontor.monitoring.MonitoringTestSupport.adminToken;
import static de.kontor.monitoring.MonitoringTestSupport.createNode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Read-only storage facts end to end: a real agent in this JVM, with lsblk, pvs/vgs/lvs and smartctl as
 * recording stand-ins on its PATH, sends them with its inventory over HTTP; Kontor answers them on
 * {@code GET /api/monitoring/nodes/{id}/facts}. No --allow is needed for them.
 */
class StorageFactsEndToEndTest extends IntegrationTest {

    @TempDir
    Path dir;

    private Agent agent;

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.close();
        }
    }

    private Path bin(String... tools) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        for (String tool : tools) {
            try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/ops-bin/" + tool))) {
                Path target = bin.resolve(tool);
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        return bin;
    }

    private JsonNode factsOnceSent(HttpClientSupport http, String admin, CreatedNode node, String path) {
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("PATH", path);
        agent = new Agent(AgentConfig.of(URI.create(baseUrl()), node.token(), Duration.ofSeconds(1))
                .withInventory(Duration.ofMinutes(1), null, env));
        agent.start();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> !http.get("/api/monitoring/nodes/" + node.id() + "/facts", admin)
                        .json()
                        .path("storage")
                        .isNull());
        Response facts = http.get("/api/monitoring/nodes/" + node.id() + "/facts", admin);
        assertThat(facts.status()).as(facts.body()).isEqualTo(200);
        return facts.json();
    }

    @Test
    void blockDevicesLvmAndSmartTravelFromTheAgentToTheFactsEndpoint() throws Exception {
        HttpClientSupport http = new HttpClientSupport(baseUrl());
        String admin = adminToken(http);
        CreatedNode node = createNode(http, admin, unique("facts"), "storage");
        Response before = http.get("/api/monitoring/nodes/" + node.id() + "/facts", admin);
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.json().path("storage").isNull()).isTrue();
        Path bin = bin("lsblk", "pvs", "vgs", "lvs", "smartctl");

        JsonNode facts = factsOnceSent(http, admin, node, bin + ":/usr/bin:/bin");

        JsonNode storage = facts.get("storage");
        assertThat(facts.get("system").get("hostname").asString()).isNotBlank();
        assertThat(facts.get("collectedAt").asString()).isNotBlank();
        assertThat(storage.get("blockDevices")
                        .valueStream()
                        .map(d -> d.get("name").asString()))
                .contains("sda", "sda2", "md0", "vg0-root", "sdb");
        assertThat(storage.get("volumeGroups").get(0).get("name").asString()).isEqualTo("vg0");
        assertThat(storage.get("logicalVolumes")
                        .valueStream()
                        .map(v -> v.get("name").asString()))
                .containsExactly("root", "var");
        assertThat(storage.get("smart").valueStream().map(s -> s.get("device").asString() + "=" + s.get("passed")))
                .containsExactly("/dev/sda=true", "/dev/sdb=false");
        JsonNode unavailable = storage.get("unavailable");
        assertThat(unavailable.has("blockDevices")).isFalse();
        assertThat(unavailable.has("lvm")).isFalse();
        // this machine's own /proc/mdstat and crontabs: either read or named, never an error
        assertThat(storage.get("raidArrays").size() > 0 || unavailable.has("raid"))
                .isTrue();
        assertThat(storage.get("cronJobs").isArray()).isTrue();
        assertThat(Files.readString(bin.resolve("calls.log")))
                .contains("lsblk --json --bytes")
                .contains("smartctl --json -H -n standby /dev/sdb");
    }

    @Test
    void withoutTheToolsTheFactsSayWhatIsMissing() throws Exception {
        HttpClientSupport http = new HttpClientSupport(baseUrl());
        String admin = adminToken(http);
        CreatedNode node = createNode(http, admin, unique("facts-bare"), "storage");
        Path empty = bin();

        JsonNode storage = factsOnceSent(http, admin, node, empty.toString()).get("storage");

        assertThat(storage.get("unavailable").get("blockDevices").asString()).isEqualTo("lsblk is not installed");
        assertThat(storage.get("unavailable").get("lvm").asString()).isEqualTo("pvs is not installed");
        assertThat(storage.get("unavailable").get("smart").asString()).contains("smartctl is not installed");
        assertThat(storage.get("blockDevices").size()).isZero();
    }

    @Test
    void factsAreForAdminsOnlyAndUnknownNodesAreNotFound() {
        HttpClientSupport http = new HttpClientSupport(baseUrl());
        String admin = adminToken(http);

        assertThat(http.get("/api/monitoring/nodes/987654321/facts", admin).status())
                .isEqualTo(404);
        assertThat(http.get("/api/monitoring/nodes/1/facts", null).status()).isIn(401, 403);
    }
}
