package de.kontor.monitoring.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import de.kontor.base.ui.Badges;
import de.kontor.base.ui.Formats;
import de.kontor.base.ui.SvgCharts;
import de.kontor.base.ui.ViewHeader;
import de.kontor.monitoring.MonitoringModel.Health;
import de.kontor.monitoring.MonitoringModel.HealthReason;
import de.kontor.monitoring.MonitoringModel.NodeStatus;
import de.kontor.monitoring.MonitoringModel.NodeSummary;
import de.kontor.monitoring.MonitoringModel.Point;
import de.kontor.monitoring.MonitoringService;
import jakarta.annotation.security.RolesAllowed;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Every node as a tile: status, CPU / RAM / disk gauges, the last hour's CPU as a sparkline, the health
 * score with its reasons; a tile leads to the node's page. Refreshes itself by server push while open.
 */
@Route("monitoring/dashboard")
@Menu(title = "monitoring.dashboard.menu", order = 599, icon = "vaadin:dashboard")
@RolesAllowed({"ADMIN", "VIEWER"})
class DashboardView extends Div implements HasDynamicTitle {

    private final MonitoringService monitoring;
    private final ZoneId zone;
    private final Clock clock;
    private final Div tiles = new Div();
    private final Paragraph empty = new Paragraph();

    DashboardView(MonitoringService monitoring, ZoneId zone, Clock clock, DashboardBroadcaster broadcaster) {
        this.monitoring = monitoring;
        this.zone = zone;
        this.clock = clock;
        addClassName("kontor-view");
        setId("monitoring-dashboard");
        Paragraph intro = new Paragraph(getTranslation("monitoring.dashboard.intro"));
        intro.addClassName("kontor-muted");
        Button compare = new Button(
                getTranslation("monitoring.dashboard.compare"),
                VaadinIcon.CHART_LINE.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(CompareView.class)));
        compare.setId("dashboard-compare");
        Button report = new Button(
                getTranslation("monitoring.dashboard.report"),
                VaadinIcon.FILE_TEXT_O.create(),
                e -> new ReportDialog(monitoring, zone, clock, List.of()).open());
        report.setId("dashboard-report");
        add(new ViewHeader(intro).actions(compare, report));
        tiles.addClassName("kontor-node-tiles");
        tiles.setId("dashboard-tiles");
        empty.setText(getTranslation("monitoring.dashboard.empty"));
        empty.setId("dashboard-empty");
        add(empty, tiles);
        refresh();
        broadcaster.whileAttached(this, this::refresh);
    }

    void refresh() {
        List<NodeSummary> nodes = monitoring.nodes();
        tiles.removeAll();
        empty.setVisible(nodes.isEmpty());
        Instant now = clock.instant();
        Instant from = now.minus(Duration.ofHours(1));
        Map<Long, List<Point>> sparklines = monitoring.sparklines(
                nodes.stream()
                        .filter(n -> n.status() != NodeStatus.PENDING)
                        .map(NodeSummary::id)
                        .toList(),
                "cpu",
                from,
                now);
        for (NodeSummary node : nodes) {
            tiles.add(tile(node, from, now, sparklines.getOrDefault(node.id(), List.of())));
        }
    }

    private Component tile(NodeSummary n, Instant from, Instant now, List<Point> cpu) {
        Div tile = new Div();
        tile.setId("node-tile-" + n.id());
        tile.addClassName("kontor-node-tile");
        tile.addClassName("kontor-node-tile-" + n.status().name().toLowerCase(Locale.ROOT));

        Anchor name = new Anchor("monitoring/node/" + n.id(), n.name());
        name.addClassName("kontor-node-tile-name");
        Div head = new Div(name, status(n.status()));
        head.addClassName("kontor-node-tile-head");

        Div gauges = new Div(
                SvgCharts.gauge(getTranslation("monitoring.dashboard.cpu"), n.cpu(), 80, 90),
                SvgCharts.gauge(getTranslation("monitoring.dashboard.memory"), n.memory(), 80, 90),
                SvgCharts.gauge(getTranslation("monitoring.dashboard.disk"), n.disk(), 80, 90));
        gauges.addClassName("kontor-node-tile-gauges");

        List<SvgCharts.Point> points =
                cpu.stream().map(p -> new SvgCharts.Point(p.at(), p.value())).toList();
        var sparkline = SvgCharts.sparkline(
                getTranslation("monitoring.dashboard.sparkline"),
                points,
                from.getEpochSecond(),
                now.getEpochSecond(),
                100);
        Span sparkCaption = new Span(getTranslation("monitoring.dashboard.sparkline"));
        sparkCaption.addClassName("kontor-node-tile-caption");

        Div health = health(n.health());
        Span seen = new Span(
                n.lastSeenAt() == null
                        ? getTranslation("monitoring.dashboard.never")
                        : getTranslation("monitoring.dashboard.lastSeen", Formats.dateTime(n.lastSeenAt(), zone)));
        seen.addClassName("kontor-node-tile-caption");
        tile.add(head, gauges, sparkline, sparkCaption, health, seen);
        return tile;
    }

    private Component status(NodeStatus status) {
        Badges.Tone tone = switch (status) {
            case ONLINE -> Badges.Tone.SUCCESS;
            case UNREACHABLE -> Badges.Tone.ERROR;
            case PENDING -> Badges.Tone.NEUTRAL;
        };
        return Badges.of(getTranslation("monitoring.status." + status.name()), tone);
    }

    private Div health(Health health) {
        Integer score = health.score();
        Span value = new Span(
                score == null
                        ? getTranslation("monitoring.dashboard.healthNone")
                        : getTranslation("monitoring.dashboard.health", score));
        value.addClassName("kontor-node-tile-score");
        if (score != null) {
            value.addClassName(score >= 80 ? "ok" : score >= 50 ? "warn" : "bad");
        }
        String reasons = health.reasons().isEmpty()
                ? getTranslation("monitoring.dashboard.healthy")
                : health.reasons().stream().map(this::reason).collect(Collectors.joining(", "));
        Span why = new Span(reasons);
        why.addClassName("kontor-node-tile-reasons");
        Div box = new Div(value, why);
        box.addClassName("kontor-node-tile-health");
        return box;
    }

    private String reason(HealthReason r) {
        return getTranslation(
                "monitoring.health." + r.code(),
                r.value() == null ? "" : String.format(getLocale(), "%.0f", r.value()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("monitoring.dashboard.menu");
    }
}
