package de.kontor.monitoring.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import de.kontor.KaribuTest;
import de.kontor.agent.Inventory;
import de.kontor.agent.Inventory.ContainerInfo;
import de.kontor.agent.Inventory.Disk;
import de.kontor.agent.Inventory.Facts;
import de.kontor.agent.Inventory.FailedUnit;
import de.kontor.agent.Inventory.Filesystem;
import de.kontor.agent.Inventory.PortInfo;
import de.kontor.agent.Inventory.ProcessInfo;
import de.kontor.agent.Protocol.AgentInfo;
import de.kontor.agent.Protocol.Report;
import de.kontor.agent.Sample;
import de.kontor.agent.StorageFacts;
import de.kontor.agent.StorageFacts.BlockDevice;
import de.kontor.agent.StorageFacts.CronJob;
import de.kontor.agent.StorageFacts.RaidArray;
import de.kontor.agent.StorageFacts.SmartHealth;
import de.kontor.monitoring.MonitoringModel.NewNode;
import de.kontor.monitoring.MonitoringModel.NodeSummary;
import de.kontor.monitoring.MonitoringService;
import de.kontor.security.Role;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DashboardViewsTest extends KaribuTest {

    @Autowired
    MonitoringService monitoring;

    @Autowired
    DashboardBroadcaster broadcaster;

    private long node(String name, double cpu, @Nullable Inventory inventory) {
        long id = monitoring.addNode(new NewNode(name, List.of())).nodeId();
        report(id, cpu, inventory);
        return id;
    }

    private void report(long id, double cpu, @Nullable Inventory inventory) {
        long now = clock.instant().getEpochSecond();
        List<Sample> samples = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            samples.add(new Sample(
                    now - (7 - i) * 15L, Map.of("cpu", cpu, "memory", 61.0, "disk", 93.0, "net.rx", 2000.0)));
        }
        monitoring.report(
                id, new Report(new AgentInfo("1.0", 1, "host", List.of()), clock.millis(), samples, inventory), null);
    }

    private static String svg(Component root) {
        return _find(root, Html.class).stream().map(Html::getInnerHtml).collect(Collectors.joining("\n"));
    }

    private static Inventory inventory() {
        return new Inventory(
                1_700_000_000L,
                new Facts(
                        "pi-werkstatt",
                        "Debian GNU/Linux 12",
                        "6.1.0-rpi7",
                        "aarch64",
                        "Cortex-A76",
                        4,
                        4,
                        8_000_000_000L,
                        0,
                        1_700_000_000L,
                        List.of(new Disk("mmcblk0", "SD64G", 64_000_000_000L)),
                        List.of(new Filesystem("/", "ext4", 60_000_000_000L))),
                List.of(
                        new ProcessInfo(101, "kontor", 12.5, 20.0, "java -jar kontor.jar"),
                        new ProcessInfo(202, "root", 1.0, 0.5, "sshd")),
                List.of(new PortInfo("tcp", "0.0.0.0", 22, 202, "sshd")),
                null,
                List.of(new FailedUnit("backup.service", "loaded", "failed", "failed", "Nightly backup")),
                storage());
    }

    private static StorageFacts storage() {
        return new StorageFacts(
                1_700_000_000L,
                List.of(
                        new BlockDevice("mmcblk0", "disk", 64_000_000_000L, "", "", "SD64G", ""),
                        new BlockDevice("mmcblk0p2", "part", 63_000_000_000L, "ext4", "/", "", "mmcblk0")),
                List.of(),
                List.of(),
                List.of(),
                List.of(new RaidArray("md0", "active", "raid1", List.of("sda1", "sdb1(F)"), "[U_]", true, "")),
                List.of(new SmartHealth("/dev/sda", "WDC WDS500G2B0A", false, "")),
                List.of(new CronJob("/etc/cron.d/backup", "backup", "30 2 * * *", "/usr/local/bin/backup-db")),
                Map.of("lvm", "pvs failed (exit 5): WARNING: Running as a non-root user."));
    }

    @Test
    void theDashboardShowsATilePerNodeWithGaugesSparklineAndHealth() {
        loginAsAdmin();
        String name = unique("tile");
        long id = node(name, 42, null);

        navigate("monitoring/dashboard");

        Div tile = _get(Div.class, s -> s.withId("node-tile-" + id));
        assertThat(_get(tile, Anchor.class).getText()).isEqualTo(name);
        assertThat(_get(tile, Anchor.class).getHref()).isEqualTo("monitoring/node/" + id);
        String svg = svg(tile);
        assertThat(svg).contains("42 %").contains("61 %").contains("93 %").contains("kontor-sparkline");
        assertThat(svg).as("sparkline has a line").containsPattern("<path d=\"M[0-9.]+,[0-9.]+ L");
        assertThat(tile.getElement().getTextRecursively())
                .contains("Online")
                .contains("Health 75")
                .contains("disk 93 % full");
    }

    @Test
    void theDashboardFollowsNewReportsByPush() {
        loginAsAdmin();
        long id = node(unique("push"), 10, null);
        navigate("monitoring/dashboard");
        assertThat(svg(_get(Div.class, s -> s.withId("node-tile-" + id)))).contains("10 %");

        report(id, 95, null);
        broadcaster.flush();
        MockVaadin.clientRoundtrip(false);

        Div tile = _get(Div.class, s -> s.withId("node-tile-" + id));
        assertThat(svg(tile)).contains("95 %");
        assertThat(tile.getElement().getTextRecursively()).contains("CPU 95 %");
    }

    @Test
    void aNodesPageShowsChartsFactsProcessesPortsAndFailedServices() {
        loginAsAdmin();
        String name = unique("page");
        long id = node(name, 33, inventory());

        navigate("monitoring/node/" + id);

        assertThat(_get(H2.class, s -> s.withId("node-title")).getText()).isEqualTo(name);
        for (String chart : List.of("cpu", "memory", "disk", "load1", "network")) {
            assertThat(_find(Html.class, s -> s.withId("node-chart-" + chart)))
                    .as(chart)
                    .hasSize(1);
        }
        assertThat(_get(Html.class, s -> s.withId("node-chart-cpu")).getInnerHtml())
                .containsPattern("<path d=\"M[0-9.]+,[0-9.]+ L");
        assertThat(_get(Div.class, s -> s.withId("node-facts")).getElement().getTextRecursively())
                .contains("Debian GNU/Linux 12", "Cortex-A76", "4 cores, 4 threads", "8.0 GB", "mmcblk0");
        Grid<?> processes = _get(Grid.class, s -> s.withId("node-processes"));
        assertThat(GridKt._size(processes)).isEqualTo(2);
        assertThat(GridKt._getFormattedRow(processes, 0)).contains("101", "kontor", "java -jar kontor.jar");
        assertThat(GridKt._getFormattedRow(_get(Grid.class, s -> s.withId("node-ports")), 0))
                .contains("tcp", "22", "sshd (202)");
        assertThat(GridKt._getFormattedRow(_get(Grid.class, s -> s.withId("node-failed-units")), 0))
                .contains("backup.service", "Nightly backup");
        assertThat(_get(Paragraph.class, s -> s.withId("node-containers-none")).getText())
                .contains("No readable Docker socket");
    }

    @Test
    void aNodesPageShowsStorageRaidSmartAndCronAndWhyAPartIsMissing() {
        loginAsAdmin();
        long id = node(unique("storage"), 20, inventory());

        navigate("monitoring/node/" + id);

        Grid<?> devices = _get(Grid.class, s -> s.withId("storage-devices"));
        assertThat(GridKt._getFormattedRow(devices, 1)).contains("  └ mmcblk0p2", "part", "ext4", "/");
        assertThat(_get(Span.class, s -> s.withId("storage-raid-md0")).getText())
                .isEqualTo("Degraded");
        assertThat(_get(Div.class, s -> s.withId("storage-raid")).getElement().getTextRecursively())
                .contains("sdb1(F)", "[U_]");
        assertThat(_get(Span.class, s -> s.withId("storage-smart-sda")).getText())
                .isEqualTo("Failing");
        assertThat(GridKt._getFormattedRow(_get(Grid.class, s -> s.withId("storage-cron")), 0))
                .contains("30 2 * * *", "backup", "/usr/local/bin/backup-db", "/etc/cron.d/backup");
        assertThat(_get(Paragraph.class, s -> s.withId("storage-unavailable-lvm"))
                        .getText())
                .isEqualTo("Not available: pvs failed (exit 5): WARNING: Running as a non-root user.");
    }

    @Test
    void aNodeWhoseAgentSendsNoStorageFactsSaysSo() {
        loginAsAdmin();
        Inventory old = inventory();
        long id = node(
                unique("old-agent"),
                20,
                new Inventory(
                        old.at(),
                        old.facts(),
                        old.processes(),
                        old.ports(),
                        old.containers(),
                        old.failedUnits(),
                        null));

        navigate("monitoring/node/" + id);

        assertThat(_get(Paragraph.class, s -> s.withId("node-storage-none")).getText())
                .contains("does not report storage facts");
        assertThat(_find(Grid.class, s -> s.withId("storage-devices"))).isEmpty();
    }

    @Test
    void aNodesPageListsTheContainersOfItsInventory() {
        loginAsAdmin();
        Inventory base = inventory();
        Inventory withContainers = new Inventory(
                base.at(),
                base.facts(),
                base.processes(),
                base.ports(),
                List.of(
                        new ContainerInfo("a1b2", "web", "nginx:1.27", "running", "Up 2 hours", 3.5, 52_428_800L, 0.6),
                        new ContainerInfo(
                                "c3d4", "worker", "app:2.1", "exited", "Exited (1) 5 minutes ago", null, null, null)),
                List.of(),
                base.storage());
        long id = node(unique("containers"), 12, withContainers);

        navigate("monitoring/node/" + id);

        Grid<?> containers = _get(Grid.class, s -> s.withId("node-containers"));
        assertThat(GridKt._size(containers)).isEqualTo(2);
        assertThat(GridKt._getFormattedRow(containers, 0))
                .contains("web", "nginx:1.27", "running – Up 2 hours", "3.5 %");
        assertThat(GridKt._getFormattedRow(containers, 1))
                .contains("worker", "app:2.1", "exited – Exited (1) 5 minutes ago", "–");
        assertThat(_find(Paragraph.class, s -> s.withId("node-containers-none")))
                .isEmpty();
    }

    @Test
    void aNodesPageChangesRangeAndRefusesAnEmptyCustomRange() {
        loginAsAdmin();
        long id = node(unique("range"), 20, null);
        navigate("monitoring/node/" + id);
        @SuppressWarnings("unchecked")
        Select<String> range = _get(Select.class, s -> s.withId("node-range"));

        type(range, "WEEK");
        assertThat(_get(Html.class, s -> s.withId("node-chart-cpu")).getInnerHtml())
                .as("dates under the axis for a week")
                .containsPattern("\\d\\d\\.\\d\\d\\. \\d\\d:\\d\\d");
        assertThat(_get(Paragraph.class, s -> s.withId("node-no-inventory")).getText())
                .contains("not sent its inventory");

        type(range, NodeView.CUSTOM);
        DateTimePicker from = _get(DateTimePicker.class, s -> s.withId("node-from"));
        DateTimePicker to = _get(DateTimePicker.class, s -> s.withId("node-to"));
        LocalDateTime start = from.getValue();
        type(to, start.minusHours(1));
        _click(_get(Button.class, s -> s.withId("node-show")));
        assertThat(to.isInvalid()).isTrue();
        assertThat(to.getErrorMessage()).contains("before the end");
    }

    @Test
    void comparisonDrawsOneLinePerChosenNode() {
        loginAsAdmin();
        String a = unique("cmp-a");
        String b = unique("cmp-b");
        long first = node(a, 20, null);
        long second = node(b, 70, null);
        navigate("monitoring/compare");

        @SuppressWarnings("unchecked")
        MultiSelectComboBox<NodeSummary> nodes = _get(MultiSelectComboBox.class, s -> s.withId("compare-nodes"));
        List<NodeSummary> chosen = nodes.getListDataView()
                .getItems()
                .filter(n -> n.id() == first || n.id() == second)
                .toList();
        type(nodes, Set.copyOf(chosen));

        String chart = _get(Html.class, s -> s.withId("compare-chart")).getInnerHtml();
        assertThat(chart).contains(a).contains(b);
        assertThat(chart.split("<path d=\"M", -1)).as("two lines").hasSize(3);
    }

    @Test
    void theReportDialogOffersDownloadsOnlyForAValidChoiceAndTheWeeklyOptIn() {
        login(unique("report-admin"), Role.ADMIN);
        String name = unique("dialog");
        long id = node(name, 20, null);
        navigate("monitoring/dashboard");

        _click(_get(Button.class, s -> s.withId("dashboard-report")));
        ReportDialog dialog = _get(ReportDialog.class);
        Anchor pdf = _get(Anchor.class, s -> s.withId("report-pdf"));
        assertThat(pdf.isEnabled()).as("no node chosen").isFalse();
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<NodeSummary> nodes = _get(MultiSelectComboBox.class, s -> s.withId("report-nodes"));
        assertThat(nodes.isInvalid()).isTrue();

        type(
                nodes,
                Set.of(nodes.getListDataView()
                        .getItems()
                        .filter(n -> n.id() == id)
                        .findFirst()
                        .orElseThrow()));
        assertThat(dialog.ready()).isTrue();
        assertThat(pdf.isEnabled()).isTrue();
        assertThat(_get(Anchor.class, s -> s.withId("report-csv")).getHref()).isNotBlank();
        assertThat(_get(Anchor.class, s -> s.withId("report-xlsx")).getHref()).isNotBlank();

        Checkbox weekly = _get(Checkbox.class, s -> s.withId("report-weekly"));
        assertThat(weekly.getValue()).isFalse();
        assertThat(weekly.getHelperText()).as("the admin has no e-mail address").contains("no e-mail address");
        type(weekly, true);
        assertThat(monitoring.weeklyReportSubscribed()).isTrue();
        type(weekly, false);
        assertThat(monitoring.weeklyReportSubscribed()).isFalse();
    }

    @Test
    void membersCannotOpenTheDashboardNodePagesOrComparison() {
        login(unique("member"), Role.MEMBER);
        assertThatThrownBy(() -> navigate("monitoring/dashboard")).hasMessageContaining("Access is denied");
        assertThatThrownBy(() -> navigate("monitoring/node/1")).hasMessageContaining("Access is denied");
        assertThatThrownBy(() -> navigate("monitoring/compare")).hasMessageContaining("Access is denied");
    }
}
