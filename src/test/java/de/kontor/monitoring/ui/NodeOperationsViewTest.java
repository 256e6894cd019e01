package de.kontor.monitoring.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import de.kontor.KaribuTest;
import de.kontor.TestTotp;
import de.kontor.agent.Agent;
import de.kontor.agent.AgentConfig;
import de.kontor.monitoring.MonitoringModel.IssuedNodeToken;
import de.kontor.monitoring.MonitoringModel.NewNode;
import de.kontor.monitoring.MonitoringService;
import de.kontor.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The node page's operations: allowed capabilities, and a process killed with reason and step-up. */
class NodeOperationsViewTest extends KaribuTest {

    @Autowired
    MonitoringService monitoring;

    @TempDir
    Path dir;

    private Agent agent;
    private Process sleep;

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.close();
        }
        if (sleep != null) {
            sleep.destroyForcibly();
        }
    }

    private IssuedNodeToken node() {
        loginAsAdmin();
        return monitoring.addNode(new NewNode(unique("ops-ui"), List.of("ops")));
    }

    @Test
    void aNodeWithoutAllowedCapabilitiesShowsThemGreyedAndNoTabs() {
        IssuedNodeToken node = node();
        navigate("monitoring/node/" + node.nodeId());

        assertThat(_get(Paragraph.class, s -> s.withId("ops-none")).isVisible()).isTrue();
        assertThat(_get(Span.class, s -> s.withId("ops-cap-processes"))
                        .getStyle()
                        .get("opacity"))
                .isEqualTo("0.5");
        assertThat(_find(TabSheet.class, s -> s.withId("ops-tabs"))).isEmpty();
    }

    @Test
    void viewersSeeTheCapabilitiesButNoOperations() {
        IssuedNodeToken node = node();
        login(unique("ops-viewer"), Role.VIEWER);
        navigate("monitoring/node/" + node.nodeId());

        assertThat(_find(Span.class, s -> s.withId("ops-cap-services"))).hasSize(1);
        assertThat(_find(TabSheet.class, s -> s.withId("ops-tabs"))).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAdminKillsAProcessWithAReasonAfterConfirmingTheSecondFactor() throws Exception {
        IssuedNodeToken node = node();
        Map<String, String> env = new HashMap<>(System.getenv());
        agent = new Agent(AgentConfig.of(URI.create(baseUrl()), node.token(), Duration.ofSeconds(1))
                .withOperations("processes", null, dir, env));
        agent.start();
        await().atMost(Duration.ofSeconds(20))
                .until(() -> monitoring.nodeCapabilities(node.nodeId()).allows("processes"));
        sleep = new ProcessBuilder("sleep", "300").start();

        String admin = unique("ops-ui-admin");
        login(admin, Role.ADMIN);
        String secret = TestTotp.enrolCurrentUser(users, clock);
        clock.advance(Duration.ofMinutes(11));
        navigate("monitoring/node/" + node.nodeId());
        assertThat(_get(Span.class, s -> s.withId("ops-cap-processes"))
                        .getStyle()
                        .get("opacity"))
                .isNull();

        _click(_get(Button.class, s -> s.withId("ops-processes-load")));
        type(_get(TextField.class, s -> s.withId("ops-processes-filter")), Long.toString(sleep.pid()));
        Grid<?> grid = _get(Grid.class, s -> s.withId("ops-processes-grid"));
        assertThat(GridKt._size(grid)).isEqualTo(1);
        Component cell = GridKt._getCellComponent(grid, 0, "signals");
        _click(_get(cell, Button.class, s -> s.withId("ops-signal-KILL-" + sleep.pid())));

        _click(_get(Button.class, s -> s.withId("ops-run")));
        assertThat(_get(TextField.class, s -> s.withId("ops-reason")).isInvalid())
                .isTrue();
        type(_get(TextField.class, s -> s.withId("ops-reason")), "runaway sleep");
        _click(_get(Button.class, s -> s.withId("ops-run")));

        type(_get(TextField.class, s -> s.withId("step-up-code")), TestTotp.next(secret, clock));
        _click(_get(Button.class, s -> s.withId("step-up-confirm")));

        assertThat(sleep.waitFor(15, TimeUnit.SECONDS)).isTrue();
        assertThat(_get(Pre.class, s -> s.withId("ops-result")).getText())
                .contains("DONE")
                .contains("Sent KILL to " + sleep.pid());
    }
}
