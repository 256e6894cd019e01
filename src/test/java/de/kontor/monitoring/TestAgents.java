package de.kontor.monitoring;

import de.kontor.agent.Agent;
import de.kontor.agent.AgentConfig;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

import static org.awaitility.Awaitility.await;

/**
 * In-process agents for the tests of server operations: the real agent, talking to Kontor over HTTP, with the
 * capabilities a node's owner allows, and the recording stand-ins of system tools ({@code src/test/resources/
 * ops-bin}) on its PATH.
 */
public final class TestAgents {

    private TestAgents() {}

    /**
     * Starts an agent for the node that allows {@code allow} (e.g. {@code "logs:/var/log,services"}) and returns
     * once Kontor lists the first of them as allowed; the caller closes it.
     */
    public static Agent startWithOperations(
            MonitoringService monitoring,
            URI server,
            long nodeId,
            String token,
            String allow,
            Path state,
            Map<String, String> environment) {
        return startWithOperations(monitoring, server, nodeId, token, allow, state, environment, c -> c);
    }

    /** As above, with more set on the agent's configuration (e.g. its inventory). */
    public static Agent startWithOperations(
            MonitoringService monitoring,
            URI server,
            long nodeId,
            String token,
            String allow,
            Path state,
            Map<String, String> environment,
            UnaryOperator<AgentConfig> more) {
        Agent agent = new Agent(more.apply(
                AgentConfig.of(server, token, Duration.ofSeconds(1)).withOperations(allow, null, state, environment)));
        agent.start();
        String first = allow.split("[:,]")[0];
        try {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> monitoring.nodeCapabilities(nodeId).allows(first));
        } catch (RuntimeException e) {
            agent.close();
            throw e;
        }
        return agent;
    }

    /** This JVM's environment with {@code bin} first on the PATH. */
    public static Map<String, String> environmentWith(Path bin) {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.put("PATH", bin + ":/usr/bin:/bin");
        return environment;
    }

    /** Copies the recording stand-ins of {@code tools} into {@code bin}, executable. */
    public static Path recordingTools(Path bin, List<String> tools) throws IOException {
        Files.createDirectories(bin);
        for (String tool : tools) {
            try (InputStream in = Objects.requireNonNull(TestAgents.class.getResourceAsStream("/ops-bin/" + tool))) {
                Path target = bin.resolve(tool);
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        return bin;
    }
}
