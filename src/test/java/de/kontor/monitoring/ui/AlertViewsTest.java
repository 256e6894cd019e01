package de.kontor.monitoring.ui;

import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import de.kontor.KaribuTest;
import de.kontor.agent.Protocol.AgentInfo;
import de.kontor.agent.Protocol.Report;
import de.kontor.agent.Sample;
import de.kontor.base.export.ExportFormat;
import de.kontor.base.ui.ExportDialog;
import de.kontor.base.ui.ExportMenu;
import de.kontor.monitoring.AlertModel.Alert;
import de.kontor.monitoring.AlertModel.AlertFilter;
import de.kontor.monitoring.AlertModel.AlertState;
import de.kontor.monitoring.AlertModel.Channel;
import de.kontor.monitoring.AlertModel.ChannelDefinition;
import de.kontor.monitoring.AlertModel.ChannelType;
import de.kontor.monitoring.AlertModel.Delivery;
import de.kontor.monitoring.AlertModel.DeliveryState;
import de.kontor.monitoring.AlertModel.Rule;
import de.kontor.monitoring.AlertModel.RuleDefinition;
import de.kontor.monitoring.AlertModel.Silence;
import de.kontor.monitoring.AlertModel.WebhookFormat;
import de.kontor.monitoring.MonitoringModel.NewNode;
import de.kontor.monitoring.MonitoringService;
import de.kontor.security.Role;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The alert, rule and channel views as an admin uses them, in both languages; members are kept out. */
class AlertViewsTest extends KaribuTest {

    @Autowired
    MonitoringService monitoring;

    @SuppressWarnings("unchecked")
    private static <T> Grid<T> grid(String id) {
        return _get(Grid.class, s -> s.withId(id));
    }

    private static <T> List<T> rows(Grid<T> grid) {
        return IntStream.range(0, GridKt._size(grid))
                .mapToObj(i -> GridKt._get(grid, i))
                .toList();
    }

    private static Button cellButton(Grid<?> grid, int row, String id) {
        Component cell = GridKt._getCellComponent(grid, row, "actions");
        return _get(cell, Button.class, s -> s.withId(id));
    }

    @Test
    void anAdminAddsARuleAndSeesItInTheList() {
        loginAsAdmin();
        navigate("monitoring/rules");
        String name = unique("Swap voll");
        _click(_get(Button.class, s -> s.withId("rule-add")));
        type(_get(TextField.class, s -> s.withId("rule-name")), name);
        @SuppressWarnings("unchecked")
        ComboBox<String> metric = _get(ComboBox.class, s -> s.withId("rule-metric"));
        type(metric, "swap");
        type(_get(NumberField.class, s -> s.withId("rule-threshold")), 70.0);
        _click(_get(Button.class, s -> s.withId("rule-save")));

        Rule rule = rows(this.<Rule>grid("rules-grid")).stream()
                .filter(r -> r.name().equals(name))
                .findFirst()
                .orElseThrow();
        assertThat(rule.metric()).isEqualTo("swap");
        assertThat(rule.threshold()).isEqualTo(70.0);
        int row = rows(this.<Rule>grid("rules-grid")).indexOf(rule);
        assertThat(GridKt._getFormattedRow(grid("rules-grid"), row)).contains("swap > 70 for 5 min", "all nodes");
    }

    @Test
    void aRuleForNodesAndATagAtOnceIsRefusedOnTheField() {
        loginAsAdmin();
        long node =
                monitoring.addNode(new NewNode(unique("form-node"), List.of())).nodeId();
        navigate("monitoring/rules");
        _click(_get(Button.class, s -> s.withId("rule-add")));
        AlertRuleForm form = _get(AlertRuleForm.class, s -> s.withId("rule-form"));
        type(form.name, unique("ambiguous"));
        type(form.metric, "cpu");
        type(form.nodes, Set.of(node));
        type(form.tag, "web");
        _click(form.save);
        assertThat(form.tag.isInvalid()).isTrue();
        assertThat(form.tag.getErrorMessage()).contains("not both");
        assertThat(form.isOpened()).isTrue();
    }

    @Test
    void aChannelIsAddedAndItsTestIsSentFromTheView() throws IOException {
        try (MockWebServer hook = new MockWebServer()) {
            hook.start();
            hook.enqueue(new MockResponse.Builder().code(200).build());
            loginAsAdmin();
            navigate("monitoring/channels");
            String name = unique("ntfy");
            _click(_get(Button.class, s -> s.withId("channel-add")));
            ChannelForm form = _get(ChannelForm.class, s -> s.withId("channel-form"));
            type(form.type, ChannelType.WEBHOOK);
            type(form.format, WebhookFormat.NTFY);
            type(form.name, name);
            type(form.target, hook.url("/alerts-secret").toString());
            _click(form.save);

            Channel channel = rows(this.<Channel>grid("channels-grid")).stream()
                    .filter(c -> c.name().equals(name))
                    .findFirst()
                    .orElseThrow();
            assertThat(channel.targetHint()).doesNotContain("alerts-secret");
            int row = rows(this.<Channel>grid("channels-grid")).indexOf(channel);
            _click(cellButton(grid("channels-grid"), row, "channel-test-" + channel.id()));
            NotificationsKt.expectNotifications("Channel " + name + " saved.", "Test sent to " + name + ".");
            assertThat(hook.getRequestCount()).isEqualTo(1);
        }
    }

    @Test
    void firingAlertsAreListedAcknowledgedAndTheirNodeSilencedInGerman() {
        setUpUi(Locale.GERMAN);
        loginAsAdmin();
        String nodeName = unique("heiss");
        long node = monitoring.addNode(new NewNode(nodeName, List.of())).nodeId();
        monitoring.createAlertRule(new RuleDefinition(
                unique("CPU"), "cpu", ">", 80.0, 0, List.of(node), null, "WARNING", List.of(), true));
        monitoring.report(
                node,
                new Report(
                        new AgentInfo("1.0", 1, "h", List.of()),
                        clock.millis(),
                        List.of(new Sample(clock.instant().getEpochSecond(), Map.of("cpu", 99.0))),
                        null),
                "127.0.0.1");
        monitoring.evaluateAlerts();
        Alert alert = monitoring
                .alerts(new AlertFilter(Set.of(AlertState.FIRING), node, null, null, null), PageRequest.of(0, 5))
                .getContent()
                .getFirst();

        navigate("monitoring/alerts");
        assertThat(_get(Select.class, s -> s.withId("alert-state")).getValue()).isEqualTo("FIRING");
        Grid<Alert> grid = grid("alerts-grid");
        int row = rows(grid).stream().map(Alert::id).toList().indexOf(alert.id());
        assertThat(row).isNotNegative();
        assertThat(GridKt._getFormattedRow(grid, row)).contains(nodeName, "cpu = 99 (> 80)");

        _click(cellButton(grid, row, "alert-ack-" + alert.id()));
        assertThat(monitoring.alert(alert.id()).acknowledgedBy()).isEqualTo(ADMIN);

        _click(cellButton(grid("alerts-grid"), row, "alert-silence-" + alert.id()));
        type(_get(TextField.class, s -> s.withId("silence-reason")), "Kernel-Update");
        _click(_get(Button.class, s -> s.withId("silence-save")));
        assertThat(monitoring.alert(alert.id()).silenced()).isTrue();
        assertThat(rows(this.<Silence>grid("silences-grid")))
                .anyMatch(s -> s.nodeId() == node && "Kernel-Update".equals(s.reason()));
        NotificationsKt.expectNotifications(
                alert.ruleName() + " auf " + nodeName + " bestätigt: keine Erinnerungen mehr.",
                nodeName + " ist stummgeschaltet: seine Alarme benachrichtigen solange niemanden.");
    }

    /** A node whose cpu fires a rule at once, notifying the channel. */
    private Alert firingAlert(String nodeName, List<Long> channels) {
        long node = monitoring.addNode(new NewNode(nodeName, List.of())).nodeId();
        monitoring.createAlertRule(
                new RuleDefinition(unique("CPU"), "cpu", ">", 80.0, 0, List.of(node), null, "WARNING", channels, true));
        monitoring.report(
                node,
                new Report(
                        new AgentInfo("1.0", 1, "h", List.of()),
                        clock.millis(),
                        List.of(new Sample(clock.instant().getEpochSecond(), Map.of("cpu", 99.0))),
                        null),
                "127.0.0.1");
        monitoring.evaluateAlerts();
        return monitoring
                .alerts(new AlertFilter(Set.of(AlertState.FIRING), node, null, null, null), PageRequest.of(0, 5))
                .getContent()
                .getFirst();
    }

    @Test
    void theAlertHistoryIsExportedAsCsvWithTheAlertsRow() throws Exception {
        loginAsAdmin();
        String nodeName = unique("export-node");
        Alert alert = firingAlert(nodeName, List.of());
        navigate("monitoring/alerts");
        type(
                _get(ComboBox.class, s -> s.withId("alert-node")),
                monitoring.nodes().stream()
                        .filter(n -> n.id() == alert.nodeId())
                        .findFirst()
                        .orElseThrow());

        ExportDialog dialog = _get(ExportMenu.class).start(ExportFormat.CSV);
        dialog.result().get(60, TimeUnit.SECONDS);
        MockVaadin.runUIQueue();
        Anchor download = _get(Anchor.class, s -> s.withId("export-download"));
        String csv = new String(DownloadKt._download(download), StandardCharsets.UTF_8);

        List<CSVRecord> records;
        try (var parser = CSVParser.parse(new StringReader(csv.replace("\uFEFF", "")), CSVFormat.RFC4180)) {
            records = parser.getRecords();
        }
        assertThat(records.getFirst().toList()).contains("Rule", "Node");
        assertThat(records).hasSize(2);
        CSVRecord row = records.get(1);
        assertThat(row.get(0)).isEqualTo(String.valueOf(alert.id()));
        assertThat(row.toList()).contains(alert.ruleName(), nodeName, "cpu");
    }

    @Test
    void aDeliveryThatFailedIsShownWithItsStateAndErrorInTheChannelsView() throws IOException {
        try (MockWebServer hook = new MockWebServer()) {
            hook.setDispatcher(new Dispatcher() {
                @Override
                public MockResponse dispatch(RecordedRequest request) {
                    return new MockResponse.Builder().code(503).build();
                }
            });
            hook.start();
            loginAsAdmin();
            String channelName = unique("failing-hook");
            Channel channel = monitoring.createChannel(new ChannelDefinition(
                    "WEBHOOK", channelName, hook.url("/hook").toString(), "GENERIC", null));
            Alert alert = firingAlert(unique("undelivered"), List.of(channel.id()));
            Delivery delivery = monitoring
                    .deliveries(channel.id(), alert.id(), PageRequest.of(0, 5))
                    .getContent()
                    .getFirst();
            assertThat(delivery.state()).isEqualTo(DeliveryState.RETRYING);

            navigate("monitoring/channels");
            Grid<Delivery> grid = grid("deliveries-grid");
            int row = rows(grid).stream().map(Delivery::id).toList().indexOf(delivery.id());
            assertThat(row).isNotNegative();
            assertThat(GridKt._getFormattedRow(grid, row))
                    .contains(channelName, "1")
                    .anyMatch(c -> c.contains("503"));
            Component state = GridKt._getCellComponent(grid, row, "state");
            assertThat(state.getElement().getText()).startsWith("Failed, next try");
        }
    }

    @Test
    void membersCannotOpenTheAlertViews() {
        login(unique("member"), Role.MEMBER);
        for (String route : List.of("monitoring/alerts", "monitoring/rules", "monitoring/channels")) {
            assertThatThrownBy(() -> navigate(route)).as(route).hasMessageContaining("Access is denied");
        }
    }
}
