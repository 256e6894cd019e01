package de.kontor.lead.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import de.kontor.base.ui.DashboardTile;
import de.kontor.base.ui.SvgCharts;
import de.kontor.lead.LeadModel.Stats;
import de.kontor.lead.LeadService;
import jakarta.annotation.security.RolesAllowed;

import java.util.List;
import java.util.Map;

/** Lead statistics as tiles and server-rendered SVG charts. */
@Route("leads/stats")
@RolesAllowed({"ADMIN", "VIEWER"})
class LeadStatsView extends Div implements HasDynamicTitle {

    LeadStatsView(LeadService leads) {
        addClassName("kontor-view");
        setId("lead-stats-view");
        Stats s = leads.stats();
        Div tiles = new Div(
                DashboardTile.numberTile(
                        "lead-stat-total", String.valueOf(s.total()), getTranslation("lead.stats.total")),
                DashboardTile.numberTile(
                        "lead-stat-conversion",
                        s.conversionRate() == null
                                ? "–"
                                : String.format(getLocale(), "%.0f %%", s.conversionRate() * 100),
                        getTranslation("lead.stats.conversion")),
                DashboardTile.numberTile(
                        "lead-stat-open", String.valueOf(s.openTasks()), getTranslation("lead.stats.openTasks")),
                DashboardTile.numberTile(
                        "lead-stat-overdue", String.valueOf(s.overdueTasks()), getTranslation("lead.stats.overdue")));
        tiles.addClassName("kontor-tiles");
        add(tiles);
        add(
                new H3(getTranslation("lead.stats.byStatus")),
                chart(
                        "lead-chart-status",
                        s.byStatus().entrySet().stream()
                                .map(e -> new SvgCharts.Bar(
                                        getTranslation(
                                                "lead.status." + e.getKey().name()),
                                        e.getValue()))
                                .toList()));
        add(
                new H3(getTranslation("lead.stats.perMonth")),
                chart(
                        "lead-chart-months",
                        s.newPerMonth().stream()
                                .map(m -> new SvgCharts.Bar(
                                        m.month().substring(5) + "/" + m.month().substring(2, 4), m.count()))
                                .toList()));
        add(new H3(getTranslation("lead.stats.byTag")), chart("lead-chart-tags", top(s.byTag())));
        add(new H3(getTranslation("lead.stats.bySource")), chart("lead-chart-sources", top(s.bySource())));
        add(new H3(getTranslation("lead.stats.byOwner")), chart("lead-chart-owners", top(s.byOwner())));
    }

    private static List<SvgCharts.Bar> top(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .limit(12)
                .map(e -> new SvgCharts.Bar(e.getKey(), e.getValue()))
                .toList();
    }

    private Component chart(String id, List<SvgCharts.Bar> bars) {
        var chart = SvgCharts.barChart("", bars, 1, "");
        chart.setId(id);
        return chart;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("lead.stats") + " · " + getTranslation("menu.leads");
    }
}
