package de.kontor.monitoring.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import de.kontor.KaribuTest;
import de.kontor.TestTotp;
import de.kontor.agent.Agent;
import de.kontor.agent.DockerEngineEmulator;
import de.kontor.monitoring.MonitoringModel.IssuedNodeToken;
import de.kontor.monitoring.MonitoringModel.NewNode;
import de.kontor.monitoring.MonitoringService;
import de.kontor.monitoring.TestAgents;
import de.kontor.security.Role;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The node page's containers and files tabs, driving a real agent (containers against the Docker emulator). */
class NodeContainersAndFilesViewTest extends KaribuTest {

    @Autowired
    MonitoringService monitoring;

    @TempDir
    Path dir;

    private @Nullable Agent agent;
    private @Nullable DockerEngineEmulator docker;

    @AfterEach
    void stop() throws Exception {
        if (agent != null) {
            agent.close();
        }
        if (docker != null) {
            docker.close();
        }
    }

    private IssuedNodeToken startAgent(String allow, @Nullable Path socket) {
        loginAsAdmin();
        IssuedNodeToken node = monitoring.addNode(new NewNode(unique("ops-cf"), List.of()));
        Map<String, String> env = new HashMap<>(System.getenv());
        agent = TestAgents.startWithOperations(
                monitoring,
                URI.create(baseUrl()),
                node.nodeId(),
                node.token(),
                allow,
                dir.resolve("state"),
                env,
                config -> config.withInventory(Duration.ofMinutes(1), socket, env));
        return node;
    }

    private String adminWithSecondFactor() {
        login(unique("ops-cf-admin"), Role.ADMIN);
        String secret = TestTotp.enrolCurrentUser(users, clock);
        clock.advance(Duration.ofMinutes(11));
        return secret;
    }

    private void confirm(String reason, String secret) {
        type(_get(TextField.class, s -> s.withId("ops-reason")), reason);
        _click(_get(Button.class, s -> s.withId("ops-run")));
        type(_get(TextField.class, s -> s.withId("step-up-code")), TestTotp.next(secret, clock));
        _click(_get(Button.class, s -> s.withId("step-up-confirm")));
    }

    @Test
    void anAdminEditsATextFileInsideTheAllowedRoot() throws Exception {
        Path root = Files.createDirectories(dir.resolve("srv"));
        Path conf = Files.writeString(root.resolve("app.conf"), "port=80\n");
        IssuedNodeToken node = startAgent("files:" + root, null);
        String secret = adminWithSecondFactor();
        navigate("monitoring/node/" + node.nodeId());

        type(_get(TextField.class, s -> s.withId("ops-files-folder")), root.toString());
        _click(_get(Button.class, s -> s.withId("ops-files-open")));
        Grid<?> grid = _get(Grid.class, s -> s.withId("ops-files-grid"));
        assertThat(GridKt._size(grid)).isEqualTo(1);
        Component cell = GridKt._getCellComponent(grid, 0, "actions");
        _click(_get(cell, Button.class, s -> s.withId("ops-file-edit-app.conf")));

        TextArea content = _get(TextArea.class, s -> s.withId("ops-file-content"));
        assertThat(content.getValue()).isEqualTo("port=80\n");
        type(content, "port=8080\n");
        _click(_get(Button.class, s -> s.withId("ops-file-save")));
        confirm("move to 8080", secret);

        await().atMost(Duration.ofSeconds(15))
                .until(() -> Files.readString(conf).equals("port=8080\n"));
    }

    @Test
    void anEmptyFolderIsAFieldErrorNotARequest() {
        Path root = dir.resolve("empty");
        IssuedNodeToken node = startAgent("files:" + root, null);
        login(unique("ops-cf-admin"), Role.ADMIN);
        navigate("monitoring/node/" + node.nodeId());

        _click(_get(Button.class, s -> s.withId("ops-files-open")));

        assertThat(_get(TextField.class, s -> s.withId("ops-files-folder")).isInvalid())
                .isTrue();
    }

    @Test
    void anAdminListsContainersAndStopsOneWithAReason() throws Exception {
        DockerEngineEmulator engine = new DockerEngineEmulator(dir.resolve("docker.sock"));
        docker = engine;
        IssuedNodeToken node = startAgent("containers", dir.resolve("docker.sock"));
        String secret = adminWithSecondFactor();
        navigate("monitoring/node/" + node.nodeId());

        _click(_get(Button.class, s -> s.withId("ops-containers-load")));
        Grid<?> grid = _get(Grid.class, s -> s.withId("ops-containers-grid"));
        assertThat(GridKt._size(grid)).isEqualTo(2);
        int web = GridKt._getFormattedRow(grid, 0).getFirst().equals("web") ? 0 : 1;
        Component cell = GridKt._getCellComponent(grid, web, "actions");
        _click(_get(cell, Button.class, s -> s.withId("ops-container-stop-web")));
        confirm("maintenance", secret);

        await().atMost(Duration.ofSeconds(15))
                .until(() -> engine.requests().stream().anyMatch(r -> r.startsWith("POST") && r.contains("/stop")));
        assertThat(engine.state(DockerEngineEmulator.WEB_ID)).isNotEqualTo("running");
    }

    @Test
    void aContainersLogIsShownFollowedWithoutRepeatsAndDownloadable() throws Exception {
        DockerEngineEmulator engine = new DockerEngineEmulator(dir.resolve("docker.sock"));
        docker = engine;
        Instant start = Instant.parse("2026-12-01T08:00:00.123456789Z");
        engine.writeLog(start, "GET / 200");
        engine.writeLog(start.plusSeconds(1), "GET /about 200");
        IssuedNodeToken node = startAgent("containers", dir.resolve("docker.sock"));
        loginAsAdmin();
        navigate("monitoring/node/" + node.nodeId());

        _click(_get(Button.class, s -> s.withId("ops-containers-load")));
        Grid<?> grid = _get(Grid.class, s -> s.withId("ops-containers-grid"));
        int web = GridKt._getFormattedRow(grid, 0).getFirst().equals("web") ? 0 : 1;
        _click(_get(
                GridKt._getCellComponent(grid, web, "actions"), Button.class, s -> s.withId("ops-container-logs-web")));

        Pre output = _get(Pre.class, s -> s.withId("ops-logs-output"));
        assertThat(output.getText()).isEqualTo("GET / 200\nGET /about 200");
        _get(Anchor.class, s -> s.withId("ops-logs-export"));

        _get(Checkbox.class, s -> s.withId("ops-logs-follow")).setValue(true);
        engine.writeLog(start.plusSeconds(2), "GET /new 404");
        ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), true));
        assertThat(output.getText()).isEqualTo("GET / 200\nGET /about 200\nGET /new 404");
        assertThat(engine.requests())
                .anyMatch(r ->
                        r.contains("/logs?") && r.contains("since=" + (start.getEpochSecond() + 1) + ".123456790"));
        _get(Checkbox.class, s -> s.withId("ops-logs-follow")).setValue(false);
    }
}
