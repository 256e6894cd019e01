package de.kontor.license.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import de.kontor.base.ui.Badges;
import de.kontor.base.ui.Formats;
import de.kontor.base.ui.SvgCharts;
import de.kontor.license.LicenseAnomaly;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** What a license's page shows about its use: the anomalies it is flagged for and its usage counters per day. */
final class LicenseInsights {

    private LicenseInsights() {}

    /** One line per broken rule, with what was seen against what is allowed. */
    static Div anomalies(List<LicenseAnomaly> anomalies, ZoneId zone, BiFunction<String, Object[], String> text) {
        Div box = new Div();
        box.setId("license-anomalies");
        if (anomalies.isEmpty()) {
            Span none = new Span(text.apply("license.anomaly.none", new Object[0]));
            none.addClassName("kontor-muted");
            box.add(none);
            return box;
        }
        for (LicenseAnomaly a : anomalies) {
            Div line = new Div(
                    Badges.of(text.apply("license.anomaly." + a.rule().name(), new Object[0]), Badges.Tone.ERROR),
                    new Span(" "
                            + text.apply("license.anomaly.detail." + a.rule().name(), new Object[] {
                                a.observed(), a.threshold(), Formats.dateTime(a.detectedAt(), zone)
                            })));
            line.setId("license-anomaly-" + a.rule().name());
            box.add(line);
        }
        return box;
    }

    /** The highest value of each usage counter per day as lines over the last {@code days} days. */
    static Component usageChart(
            Map<String, Map<LocalDate, Long>> counters, LocalDate today, int days, String title, String emptyText) {
        if (counters.isEmpty()) {
            Paragraph empty = new Paragraph(emptyText);
            empty.addClassName("kontor-muted");
            empty.setId("license-usage-chart");
            return empty;
        }
        LocalDate first = today.minusDays(days - 1L);
        List<SvgCharts.Line> lines = new ArrayList<>();
        counters.forEach((counter, byDay) -> {
            List<SvgCharts.Point> points = new ArrayList<>();
            byDay.forEach((day, value) -> {
                if (!day.isBefore(first) && !day.isAfter(today)) {
                    points.add(new SvgCharts.Point(day.toEpochDay(), value));
                }
            });
            lines.add(new SvgCharts.Line(counter, points));
        });
        DateTimeFormatter label = DateTimeFormatter.ofPattern("d.M.");
        List<String> xLabels = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            xLabels.add(label.format(first.plusDays(Math.round((days - 1) * i / 4.0))));
        }
        var chart = SvgCharts.lineChart(
                title, lines, first.toEpochDay(), today.toEpochDay(), xLabels, v -> String.format("%,.0f", v), null);
        chart.setId("license-usage-chart");
        return chart;
    }
}
