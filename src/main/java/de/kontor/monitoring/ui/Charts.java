package de.kontor.monitoring.ui;

import de.kontor.base.ui.SvgCharts;
import de.kontor.monitoring.MonitoringModel.Series;
import de.kontor.monitoring.ReportModel;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/** What the monitoring views' charts share: time labels under the axis and series as chart points. */
final class Charts {

    private Charts() {}

    /** Five labels from start to end: times of day for up to a day and a half, else dates with times. */
    static List<String> timeLabels(Instant start, Instant end, ZoneId zone, Locale locale) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern(
                        Duration.between(start, end).toHours() > 36 ? "dd.MM. HH:mm" : "HH:mm", locale)
                .withZone(zone);
        List<String> labels = new ArrayList<>();
        long from = start.getEpochSecond();
        long span = end.getEpochSecond() - from;
        for (int i = 0; i <= 4; i++) {
            labels.add(format.format(Instant.ofEpochSecond(from + span * i / 4)));
        }
        return labels;
    }

    /** Y-axis labels: "50 %", "1.5 MB/s", "0.75". */
    static DoubleFunction<String> axisLabel(String metric, Locale locale) {
        if (ReportModel.percent(metric)) {
            return v -> Math.round(v) + " %";
        }
        if (ReportModel.bytes(metric)) {
            return v -> ReportModel.format(metric, v, locale);
        }
        return v -> v == Math.rint(v) ? Long.toString((long) v) : String.format(locale, "%.2f", v);
    }

    static List<SvgCharts.Point> points(Series series) {
        return series.points().stream()
                .map(p -> new SvgCharts.Point(p.at(), p.value()))
                .toList();
    }
}
