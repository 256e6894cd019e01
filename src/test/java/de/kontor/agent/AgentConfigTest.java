package de.kontor.agent;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgentConfigTest {

    @Test
    void flagsWinOverTheEnvironment() {
        AgentConfig config = AgentConfig.parse(
                new String[] {"--server", "https://kontor.example/", "--token", "abc", "--interval=30s"},
                Map.of(
                        "KONTOR_AGENT_SERVER", "https://other.example",
                        "KONTOR_AGENT_TOKEN", "xyz",
                        "KONTOR_AGENT_INTERVAL", "5"));
        assertThat(config.server()).isEqualTo(URI.create("https://kontor.example"));
        assertThat(config.token()).isEqualTo("abc");
        assertThat(config.interval()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theEnvironmentAloneIsEnoughAndDefaultsFillTheRest() {
        AgentConfig config = AgentConfig.parse(
                new String[0],
                Map.of(
                        "KONTOR_AGENT_SERVER", "http://10.0.0.5:8080",
                        "KONTOR_AGENT_TOKEN", "t0k",
                        "KONTOR_AGENT_PIN",
                                "sha256/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=, sha256/BBBBBBBBBBBBBBBBBBBBBBBBB="));
        assertThat(config.interval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.buffer()).isEqualTo(Duration.ofHours(6));
        assertThat(config.bufferedSamples()).isEqualTo(6 * 3600 / 15);
        assertThat(config.pins()).hasSize(2);
        assertThat(config.dockerSocket()).isEqualTo(Path.of("/var/run/docker.sock"));
    }

    @Test
    void dockerHostAndHostRootChooseTheSocket() {
        Map<String, String> env = Map.of("KONTOR_AGENT_SERVER", "https://k", "KONTOR_AGENT_TOKEN", "t");
        assertThat(AgentConfig.parse(new String[] {"--host-root", "/host"}, env).dockerSocket())
                .isEqualTo(Path.of("/host/var/run/docker.sock"));
        assertThat(AgentConfig.parse(
                                new String[0],
                                Map.of(
                                        "DOCKER_HOST",
                                        "unix:///run/user/1000/docker.sock",
                                        "KONTOR_AGENT_SERVER",
                                        "https://k",
                                        "KONTOR_AGENT_TOKEN",
                                        "t"))
                        .dockerSocket())
                .isEqualTo(Path.of("/run/user/1000/docker.sock"));
        assertThat(AgentConfig.parse(new String[] {"--docker-socket", "none"}, env)
                        .dockerSocket())
                .isNull();
    }

    @Test
    void missingOrWrongSettingsAreExplained() {
        assertThatThrownBy(() -> AgentConfig.parse(new String[] {"--token", "x"}, Map.of()))
                .hasMessageContaining("--server");
        assertThatThrownBy(() -> AgentConfig.parse(new String[] {"--server", "https://k"}, Map.of()))
                .hasMessageContaining("--token");
        assertThatThrownBy(() -> AgentConfig.parse(
                        new String[] {"--server", "https://k", "--token", "x", "--interval", "soon"}, Map.of()))
                .hasMessageContaining("not a duration");
        assertThatThrownBy(() -> AgentConfig.parse(
                        new String[] {"--server", "https://k", "--token", "x", "--pin", "abc"}, Map.of()))
                .hasMessageContaining("sha256/");
        assertThatThrownBy(() -> AgentConfig.parse(new String[] {"--server", "ftp://k", "--token", "x"}, Map.of()))
                .hasMessageContaining("https://");
        assertThatThrownBy(() -> AgentConfig.parse(new String[] {"--sever", "https://k"}, Map.of()))
                .hasMessageContaining("Unknown argument: --sever");
    }

    @Test
    void allowListsCapabilitiesWithTheirRootsAndNothingIsAllowedWithoutIt() {
        String[] base = {"--server", "https://k", "--token", "x"};
        assertThat(AgentConfig.parse(base, Map.of()).allowed()).isEmpty();

        AgentConfig config = AgentConfig.parse(
                new String[] {
                    "--server",
                    "https://k",
                    "--token",
                    "x",
                    "--allow",
                    "processes,services,containers,logs,ports,files:/srv:/etc/nginx,terminal,updates,users",
                    "--server-key",
                    "MCowBQYDK2VwAyEA",
                    "--state-dir",
                    "/tmp/agent-state"
                },
                Map.of());
        assertThat(config.allowed().keySet())
                .containsExactly(
                        "processes",
                        "services",
                        "containers",
                        "logs",
                        "ports",
                        "files",
                        "terminal",
                        "updates",
                        "users");
        assertThat(config.roots("files")).containsExactly(Path.of("/srv"), Path.of("/etc/nginx"));
        assertThat(config.roots("logs")).isEmpty();
        assertThat(config.allows("terminal")).isTrue();
        assertThat(config.serverKey()).isEqualTo("MCowBQYDK2VwAyEA");
        assertThat(config.stateDir()).isEqualTo(Path.of("/tmp/agent-state"));
        assertThat(AgentConfig.parse(base, Map.of("KONTOR_AGENT_ALLOW", "logs:/var/log:/srv/app/log"))
                        .roots("logs"))
                .containsExactly(Path.of("/var/log"), Path.of("/srv/app/log"));
    }

    @Test
    void wrongAllowListsAreExplained() {
        assertThatThrownBy(() -> AgentConfig.allow("processes,shell")).hasMessageContaining("unknown capability shell");
        assertThatThrownBy(() -> AgentConfig.allow("files")).hasMessageContaining("files needs its roots");
        assertThatThrownBy(() -> AgentConfig.allow("files:srv")).hasMessageContaining("absolute");
    }
}
