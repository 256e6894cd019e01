package de.kontor.monitoring.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import de.kontor.agent.Inventory;
import de.kontor.agent.Inventory.ContainerInfo;
import de.kontor.agent.Inventory.FailedUnit;
import de.kontor.agent.Inventory.PortInfo;
import de.kontor.agent.Inventory.ProcessInfo;
import de.kontor.base.ui.Badges;
import de.kontor.base.ui.Formats;
import de.kontor.base.ui.Grids;
import de.kontor.base.ui.NarrowLayout;
import de.kontor.base.ui.SvgCharts;
import de.kontor.base.ui.ViewHeader;
import de.kontor.monitoring.MonitoringModel.NodeDetail;
import de.kontor.monitoring.MonitoringModel.NodeSummary;
import de.kontor.monitoring.MonitoringModel.Series;
import de.kontor.monitoring.MonitoringService;
import de.kontor.monitoring.ReportModel;
import de.kontor.monitoring.ReportModel.ChartRange;
import de.kontor.security.UserService;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One node: charts of its headline metrics for a chosen range (1 h … 30 days, or from/to), and from the
 * agent's newest inventory its system facts, busiest processes, containers, listening ports, failed
 * services, storage and cron jobs; below, the server operations the node allows ({@link OperationsPanel}). Ranges counted back
 * from now follow the node's reports by server push.
 */
@Route("monitoring/node")
@RolesAllowed({"ADMIN", "VIEWER"})
class NodeView extends Div implements HasUrlParameter<Long>, HasDynamicTitle {

    private static final String WIDE_ONLY = "kontor-wide-only";

    static final String CUSTOM = "CUSTOM";

    private final MonitoringService monitoring;
    private final ZoneId zone;
    private final Clock clock;
    private final H2 title = new H2();
    private final Div status = new Div();
    private final Select<String> range = new Select<>();
    private final DateTimePicker from = new DateTimePicker();
    private final DateTimePicker to = new DateTimePicker();
    private final Div charts = new Div();
    private final Div inventory = new Div();
    private final OperationsPanel operations;
    private long nodeId;
    private String name = "";

    NodeView(
            MonitoringService monitoring,
            ZoneId zone,
            Clock clock,
            DashboardBroadcaster broadcaster,
            UserService users,
            JsonMapper json) {
        this.monitoring = monitoring;
        this.operations = new OperationsPanel(monitoring, users, json);
        this.zone = zone;
        this.clock = clock;
        addClassName("kontor-view");
        setId("node-view");
        title.setId("node-title");
        status.addClassName("kontor-node-status");
        Button dashboard = new Button(
                getTranslation("monitoring.dashboard.menu"),
                VaadinIcon.DASHBOARD.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(DashboardView.class)));
        Button report = new Button(
                getTranslation("monitoring.dashboard.report"),
                VaadinIcon.FILE_TEXT_O.create(),
                e -> new ReportDialog(monitoring, zone, clock, List.of(nodeId)).open());
        report.setId("node-report");
        add(new ViewHeader(title, status).actions(dashboard, report));

        range.setId("node-range");
        range.setLabel(getTranslation("monitoring.node.range"));
        List<String> ranges = new ArrayList<>();
        for (ChartRange r : ChartRange.values()) {
            ranges.add(r.name());
        }
        ranges.add(CUSTOM);
        range.setItems(ranges);
        range.setItemLabelGenerator(r -> getTranslation("monitoring.node.range." + r));
        range.setValue(ChartRange.HOUR.name());
        from.setId("node-from");
        from.setLabel(getTranslation("monitoring.node.from"));
        to.setId("node-to");
        to.setLabel(getTranslation("monitoring.node.to"));
        Button show = new Button(getTranslation("monitoring.node.show"), e -> showCustom());
        show.setId("node-show");
        show.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout custom = new HorizontalLayout(from, to, show);
        custom.setAlignItems(FlexComponent.Alignment.BASELINE);
        custom.setVisible(false);
        range.addValueChangeListener(e -> {
            boolean isCustom = CUSTOM.equals(e.getValue());
            custom.setVisible(isCustom);
            if (isCustom) {
                LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), zone);
                if (from.getValue() == null) {
                    from.setValue(now.minusDays(1).withSecond(0).withNano(0));
                    to.setValue(now.withSecond(0).withNano(0));
                }
            } else {
                refreshCharts();
            }
        });
        HorizontalLayout controls = new HorizontalLayout(range, custom);
        controls.setAlignItems(FlexComponent.Alignment.BASELINE);
        controls.setWrap(true);

        charts.setId("node-charts");
        charts.addClassName("kontor-node-charts");
        inventory.setId("node-inventory");
        inventory.addClassName("kontor-node-inventory");
        add(controls, charts, inventory, operations);
        broadcaster.whileAttached(this, this::refreshLive);
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        nodeId = id;
        refreshHeader();
        refreshCharts();
        refreshInventory();
        operations.show(id, name);
    }

    /** What server push refreshes: all but a custom range, which stays as chosen. */
    void refreshLive() {
        if (nodeId == 0) {
            return;
        }
        refreshHeader();
        if (!CUSTOM.equals(range.getValue())) {
            refreshCharts();
        }
        refreshInventory();
    }

    private void refreshHeader() {
        NodeDetail detail = monitoring.node(nodeId);
        NodeSummary s = detail.summary();
        name = s.name();
        title.setText(s.name());
        status.removeAll();
        Badges.Tone tone = switch (s.status()) {
            case ONLINE -> Badges.Tone.SUCCESS;
            case UNREACHABLE -> Badges.Tone.ERROR;
            case PENDING -> Badges.Tone.NEUTRAL;
        };
        status.add(Badges.of(getTranslation("monitoring.status." + s.status().name()), tone));
        Integer score = s.health().score();
        if (score != null) {
            String reasons = s.health().reasons().stream()
                    .map(r -> getTranslation(
                            "monitoring.health." + r.code(),
                            r.value() == null ? "" : String.format(getLocale(), "%.0f", r.value())))
                    .collect(Collectors.joining(", "));
            Span health = new Span(
                    getTranslation("monitoring.dashboard.health", score) + (reasons.isEmpty() ? "" : " – " + reasons));
            health.setId("node-health");
            health.addClassName("kontor-muted");
            status.add(health);
        }
    }

    private void showCustom() {
        LocalDateTime start = from.getValue();
        LocalDateTime end = to.getValue();
        from.setInvalid(start == null);
        if (start == null || end == null || !start.isBefore(end)) {
            to.setErrorMessage(getTranslation("monitoring.series.rangeEmpty"));
            to.setInvalid(true);
            return;
        }
        to.setInvalid(false);
        drawCharts(start.atZone(zone).toInstant(), end.atZone(zone).toInstant());
    }

    private void refreshCharts() {
        String value = range.getValue();
        if (value == null || CUSTOM.equals(value)) {
            return;
        }
        Instant end = clock.instant();
        drawCharts(end.minus(ChartRange.valueOf(value).length()), end);
    }

    private void drawCharts(Instant start, Instant end) {
        charts.removeAll();
        List<String> labels = Charts.timeLabels(start, end, zone, getLocale());
        for (String metric : List.of("cpu", "memory", "disk", "load1")) {
            charts.add(chart(
                    metric,
                    getTranslation("monitoring.report.metric." + metric),
                    List.of(line(metric, name, start, end)),
                    start,
                    end,
                    labels));
        }
        charts.add(chart(
                "network",
                getTranslation("monitoring.node.chart.network"),
                List.of(
                        line("net.rx", getTranslation("monitoring.node.chart.received"), start, end),
                        line("net.tx", getTranslation("monitoring.node.chart.sent"), start, end)),
                start,
                end,
                labels));
    }

    private SvgCharts.Line line(String metric, String label, Instant start, Instant end) {
        Series series = monitoring.chart(nodeId, metric, start, end);
        return new SvgCharts.Line(label, Charts.points(series));
    }

    private Component chart(
            String id, String heading, List<SvgCharts.Line> lines, Instant start, Instant end, List<String> labels) {
        String metric = id.equals("network") ? "net.rx" : id;
        var chart = SvgCharts.lineChart(
                heading,
                lines,
                start.getEpochSecond(),
                end.getEpochSecond(),
                labels,
                Charts.axisLabel(metric, getLocale()),
                ReportModel.percent(metric) ? 100.0 : null);
        chart.setId("node-chart-" + id);
        H3 h = new H3(heading);
        Div box = new Div(h, chart);
        box.addClassName("kontor-node-chart");
        return box;
    }

    private void refreshInventory() {
        inventory.removeAll();
        Optional<Inventory> found = monitoring.inventory(nodeId);
        if (found.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("monitoring.node.noInventory"));
            none.setId("node-no-inventory");
            inventory.add(none);
            return;
        }
        Inventory inv = found.get();
        inventory.add(new H3(getTranslation("monitoring.node.facts")), facts(inv));
        inventory.add(new H3(getTranslation("monitoring.node.processes")), processes(inv.processes()));
        inventory.add(new H3(getTranslation("monitoring.node.containers")), containers(inv.containers()));
        inventory.add(new H3(getTranslation("monitoring.node.ports")), ports(inv.ports()));
        inventory.add(new H3(getTranslation("monitoring.node.failedUnits")), failedUnits(inv.failedUnits()));
        inventory.add(new H3(getTranslation("monitoring.storage.title")), new StorageSection(inv.storage()));
    }

    private Component facts(Inventory inv) {
        Inventory.Facts f = inv.facts();
        Div facts = new Div();
        facts.setId("node-facts");
        facts.addClassName("kontor-facts");
        fact(facts, "hostname", f.hostname());
        fact(facts, "os", f.os());
        fact(facts, "kernel", f.kernel());
        fact(facts, "architecture", f.architecture());
        fact(
                facts,
                "cpu",
                f.cpuModel() + " – " + getTranslation("monitoring.node.fact.cores", f.cpuCores(), f.cpuThreads()));
        fact(facts, "memory", ReportModel.bytes(f.memoryBytes(), getLocale()));
        fact(facts, "swap", ReportModel.bytes(f.swapBytes(), getLocale()));
        if (f.bootTime() > 0) {
            fact(facts, "booted", Formats.dateTime(Instant.ofEpochSecond(f.bootTime()), zone));
        }
        fact(
                facts,
                "disks",
                f.disks().stream()
                        .map(d ->
                                d.name() + " " + d.model() + " (" + ReportModel.bytes(d.sizeBytes(), getLocale()) + ")")
                        .collect(Collectors.joining(", ")));
        fact(
                facts,
                "filesystems",
                f.filesystems().stream()
                        .map(fs -> fs.mount() + " " + fs.type() + " (" + ReportModel.bytes(fs.sizeBytes(), getLocale())
                                + ")")
                        .collect(Collectors.joining(", ")));
        if (inv.at() > 0) {
            fact(facts, "inventoryAt", Formats.dateTime(Instant.ofEpochSecond(inv.at()), zone));
        }
        return facts;
    }

    private void fact(Div facts, String key, @Nullable String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        Span label = new Span(getTranslation("monitoring.node.fact." + key));
        label.addClassName("kontor-fact-label");
        Span text = new Span(value);
        text.addClassName("kontor-fact-value");
        facts.add(label, text);
    }

    private Grid<ProcessInfo> processes(List<ProcessInfo> processes) {
        Grid<ProcessInfo> grid = grid("node-processes");
        wideOnly(grid.addColumn(ProcessInfo::pid)
                .setHeader(getTranslation("monitoring.node.column.pid"))
                .setAutoWidth(true));
        wideOnly(grid.addColumn(ProcessInfo::user)
                .setHeader(getTranslation("monitoring.node.column.user"))
                .setAutoWidth(true));
        grid.addColumn(p -> String.format(getLocale(), "%.1f %%", p.cpu()))
                .setHeader(getTranslation("monitoring.node.column.cpu"))
                .setAutoWidth(true);
        grid.addColumn(p -> String.format(getLocale(), "%.1f %%", p.memory()))
                .setHeader(getTranslation("monitoring.node.column.memory"))
                .setAutoWidth(true);
        grid.addColumn(ProcessInfo::command)
                .setHeader(getTranslation("monitoring.node.column.command"))
                .setFlexGrow(1);
        grid.setItems(processes);
        Grids.counted(grid, getTranslation("monitoring.node.processes.empty"));
        return grid;
    }

    private Component containers(@Nullable List<ContainerInfo> containers) {
        if (containers == null || containers.isEmpty()) {
            Paragraph none = new Paragraph(
                    getTranslation(containers == null ? "monitoring.node.noDocker" : "monitoring.node.noContainers"));
            none.setId("node-containers-none");
            none.addClassName("kontor-muted");
            return none;
        }
        Grid<ContainerInfo> grid = grid("node-containers");
        grid.addColumn(ContainerInfo::name)
                .setHeader(getTranslation("monitoring.node.column.name"))
                .setAutoWidth(true);
        wideOnly(grid.addColumn(ContainerInfo::image)
                .setHeader(getTranslation("monitoring.node.column.image"))
                .setAutoWidth(true));
        grid.addColumn(c -> c.state() + (c.status().isBlank() ? "" : " – " + c.status()))
                .setHeader(getTranslation("monitoring.node.column.state"))
                .setAutoWidth(true);
        wideOnly(grid.addColumn(c -> c.cpu() == null ? "–" : String.format(getLocale(), "%.1f %%", c.cpu()))
                .setHeader(getTranslation("monitoring.node.column.cpu"))
                .setAutoWidth(true));
        grid.addColumn(c -> c.memoryBytes() == null ? "–" : ReportModel.bytes(c.memoryBytes(), getLocale()))
                .setHeader(getTranslation("monitoring.node.column.memory"))
                .setAutoWidth(true);
        grid.setItems(containers);
        Grids.counted(grid, getTranslation("monitoring.node.containers.empty"));
        return grid;
    }

    private Grid<PortInfo> ports(List<PortInfo> ports) {
        Grid<PortInfo> grid = grid("node-ports");
        grid.addColumn(PortInfo::protocol)
                .setHeader(getTranslation("monitoring.node.column.protocol"))
                .setAutoWidth(true);
        wideOnly(grid.addColumn(PortInfo::address)
                .setHeader(getTranslation("monitoring.node.column.address"))
                .setAutoWidth(true));
        grid.addColumn(PortInfo::port)
                .setHeader(getTranslation("monitoring.node.column.port"))
                .setAutoWidth(true);
        grid.addColumn(p -> p.pid() == 0 ? p.process() : p.process() + " (" + p.pid() + ")")
                .setHeader(getTranslation("monitoring.node.column.process"))
                .setFlexGrow(1);
        grid.setItems(ports);
        Grids.counted(grid, getTranslation("monitoring.node.ports.empty"));
        return grid;
    }

    private Component failedUnits(@Nullable List<FailedUnit> units) {
        if (units == null || units.isEmpty()) {
            Paragraph none = new Paragraph(
                    getTranslation(units == null ? "monitoring.node.noSystemd" : "monitoring.node.noFailedUnits"));
            none.setId("node-failed-units-none");
            none.addClassName("kontor-muted");
            return none;
        }
        Grid<FailedUnit> grid = grid("node-failed-units");
        grid.addColumn(FailedUnit::unit)
                .setHeader(getTranslation("monitoring.node.column.unit"))
                .setAutoWidth(true);
        grid.addColumn(u -> u.active() + " / " + u.sub())
                .setHeader(getTranslation("monitoring.node.column.state"))
                .setAutoWidth(true);
        wideOnly(grid.addColumn(FailedUnit::description)
                .setHeader(getTranslation("monitoring.node.column.description"))
                .setFlexGrow(1));
        grid.setItems(units);
        Grids.counted(grid, getTranslation("monitoring.node.units.empty"));
        return grid;
    }

    /**
     * A compact grid as tall as its rows, for the inventory's lists (also the storage section's). On a phone its
     * {@link #wideOnly} columns are hidden, so the rest fits the screen instead of scrolling sideways.
     */
    static <T> Grid<T> grid(String id) {
        Grid<T> grid = new Grid<>();
        grid.setId(id);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        NarrowLayout.whileAttached(
                grid,
                narrow -> grid.getColumns().stream()
                        .filter(c -> ComponentUtil.getData(c, WIDE_ONLY) != null)
                        .forEach(c -> c.setVisible(!narrow)));
        return grid;
    }

    /** Marks a column of an inventory grid as detail a phone leaves out. */
    static <T> Grid.Column<T> wideOnly(Grid.Column<T> column) {
        ComponentUtil.setData(column, WIDE_ONLY, Boolean.TRUE);
        return column;
    }

    @Override
    public String getPageTitle() {
        return name.isEmpty() ? getTranslation("menu.monitoring") : name;
    }
}
