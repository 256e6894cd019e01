package de.kontor.monitoring.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import de.kontor.base.ui.SvgCharts;
import de.kontor.base.ui.ViewHeader;
import de.kontor.monitoring.MonitoringModel.NodeSummary;
import de.kontor.monitoring.MonitoringService;
import de.kontor.monitoring.ReportModel;
import de.kontor.monitoring.ReportModel.ChartRange;
import jakarta.annotation.security.RolesAllowed;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** One metric of several nodes in one chart, over a range counted back from now. */
@Route("monitoring/compare")
@RolesAllowed({"ADMIN", "VIEWER"})
class CompareView extends Div implements HasDynamicTitle {

    private final MonitoringService monitoring;
    private final ZoneId zone;
    private final Clock clock;
    private final MultiSelectComboBox<NodeSummary> nodes = new MultiSelectComboBox<>();
    private final ComboBox<String> metric = new ComboBox<>();
    private final Select<ChartRange> range = new Select<>();
    private final Div chart = new Div();

    CompareView(MonitoringService monitoring, ZoneId zone, Clock clock, DashboardBroadcaster broadcaster) {
        this.monitoring = monitoring;
        this.zone = zone;
        this.clock = clock;
        addClassName("kontor-view");
        setId("compare-view");
        add(new ViewHeader(new Paragraph(getTranslation("monitoring.dashboard.compareHint"))));

        List<NodeSummary> all = monitoring.nodes();
        nodes.setId("compare-nodes");
        nodes.setLabel(getTranslation("monitoring.dashboard.compareNodes"));
        nodes.setItems(all);
        nodes.setItemLabelGenerator(NodeSummary::name);
        nodes.setWidth("28rem");
        metric.setId("compare-metric");
        metric.setLabel(getTranslation("monitoring.dashboard.compareMetric"));
        metric.setItems(metrics(all));
        metric.setItemLabelGenerator(this::metricLabel);
        metric.setValue("cpu");
        range.setId("compare-range");
        range.setLabel(getTranslation("monitoring.node.range"));
        range.setItems(ChartRange.values());
        range.setItemLabelGenerator(r -> getTranslation("monitoring.node.range." + r.name()));
        range.setValue(ChartRange.HOUR);
        HorizontalLayout controls = new HorizontalLayout(nodes, metric, range);
        controls.setAlignItems(FlexComponent.Alignment.BASELINE);
        controls.setWrap(true);
        chart.setId("compare-chart-box");
        add(controls, chart);
        nodes.addValueChangeListener(e -> refresh());
        metric.addValueChangeListener(e -> refresh());
        range.addValueChangeListener(e -> refresh());
        broadcaster.whileAttached(this, this::refresh);
    }

    /** The headline metrics, then every per-device metric the nodes report (e.g. disk:/var). */
    private List<String> metrics(List<NodeSummary> all) {
        List<String> metrics = new ArrayList<>(ReportModel.HEADLINE_METRICS);
        Set<String> more = new TreeSet<>();
        for (NodeSummary n : all) {
            if (n.lastSeenAt() != null) {
                monitoring.node(n.id()).latest().keySet().stream()
                        .filter(k -> k.contains(":") || k.startsWith("load") || k.equals("swap"))
                        .forEach(more::add);
            }
        }
        more.removeAll(metrics);
        metrics.addAll(more);
        return metrics;
    }

    private String metricLabel(String name) {
        return ReportModel.HEADLINE_METRICS.contains(name) ? getTranslation("monitoring.report.metric." + name) : name;
    }

    void refresh() {
        chart.removeAll();
        String chosen = metric.getValue();
        if (nodes.getValue().isEmpty() || chosen == null || range.getValue() == null) {
            return;
        }
        Instant end = clock.instant();
        Instant start = end.minus(range.getValue().length());
        List<SvgCharts.Line> lines = nodes.getValue().stream()
                .sorted(Comparator.comparing(NodeSummary::name))
                .map(n -> new SvgCharts.Line(n.name(), Charts.points(monitoring.chart(n.id(), chosen, start, end))))
                .toList();
        var svg = SvgCharts.lineChart(
                metricLabel(chosen),
                lines,
                start.getEpochSecond(),
                end.getEpochSecond(),
                Charts.timeLabels(start, end, zone, getLocale()),
                Charts.axisLabel(chosen, getLocale()),
                ReportModel.percent(chosen) ? 100.0 : null);
        svg.setId("compare-chart");
        chart.add(svg);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("monitoring.dashboard.compareTitle");
    }
}
