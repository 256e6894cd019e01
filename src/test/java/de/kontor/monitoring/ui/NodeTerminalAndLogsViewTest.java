package de.kontor.monitoring.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.textfield.TextField;
import de.kontor.KaribuTest;
import de.kontor.agent.Agent;
import de.kontor.monitoring.MonitoringModel.IssuedNodeToken;
import de.kontor.monitoring.MonitoringModel.NewNode;
import de.kontor.monitoring.MonitoringService;
import de.kontor.monitoring.TestAgents;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The node page's terminal tab (only where the node allows it) and logs that follow a file live. */
class NodeTerminalAndLogsViewTest extends KaribuTest {

    @Autowired
    MonitoringService monitoring;

    @TempDir
    Path dir;

    private Agent agent;

    @AfterEach
    void stop() {
        if (agent != null) {
            agent.close();
        }
    }

    private Tab tab(String label) {
        return _find(Tab.class).stream()
                .filter(t -> label.equals(t.getLabel()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void theTerminalTabIsDisabledWhereTheNodeDoesNotAllowItAndFollowedLogsGetTheNewLines() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("log"));
        Path app = Files.writeString(logs.resolve("app.log"), "first line\nsecond line\n");
        loginAsAdmin();
        IssuedNodeToken node = monitoring.addNode(new NewNode(unique("logs-ui"), List.of("ops")));
        agent = TestAgents.startWithOperations(
                monitoring,
                URI.create(baseUrl()),
                node.nodeId(),
                node.token(),
                "logs:" + logs,
                Files.createDirectories(dir.resolve("state")),
                new HashMap<>(System.getenv()));

        navigate("monitoring/node/" + node.nodeId());
        assertThat(tab("Terminal").isEnabled()).isFalse();
        assertThat(tab("Logs").isEnabled()).isTrue();

        type(_get(TextField.class, s -> s.withId("ops-logs-file")), app.toString());
        _click(_get(Button.class, s -> s.withId("ops-logs-show")));
        Pre output = _get(Pre.class, s -> s.withId("ops-logs-output"));
        assertThat(output.getText()).isEqualTo("first line\nsecond line");

        _get(Checkbox.class, s -> s.withId("ops-logs-follow")).setValue(true);
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(LogsTab.FOLLOW_MILLIS);
        Files.writeString(app, "third line\nfourth ", StandardOpenOption.APPEND);
        poll();
        assertThat(output.getText()).isEqualTo("first line\nsecond line\nthird line");
        Files.writeString(app, "line\n", StandardOpenOption.APPEND);
        await().pollInSameThread().atMost(Duration.ofSeconds(20)).until(() -> {
            poll();
            return output.getText().endsWith("third line\nfourth line");
        });

        _get(Checkbox.class, s -> s.withId("ops-logs-follow")).setValue(false);
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
    }

    private static void poll() {
        ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), true));
    }
}
