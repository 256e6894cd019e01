package de.kontor.monitoring;

import org.jspecify.annotations.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** What monitoring reports and charts are made of. */
public final class ReportModel {

    private ReportModel() {}

    /** The metrics every report and every node page shows, in this order. */
    public static final List<String> HEADLINE_METRICS = List.of("cpu", "memory", "disk", "load1", "net.rx", "net.tx");

    /** Whether a metric is a percentage (charts then scale 0–100). */
    public static boolean percent(String metric) {
        return metric.equals("cpu")
                || metric.equals("memory")
                || metric.equals("swap")
                || metric.equals("disk")
                || metric.startsWith("disk:")
                || metric.startsWith("disk.inodes:");
    }

    /** Whether a metric counts bytes (or bytes per second), shown in kB, MB, GB. */
    public static boolean bytes(String metric) {
        return metric.startsWith("net.")
                || metric.startsWith("disk.read")
                || metric.startsWith("disk.write")
                || metric.startsWith("disk.free:");
    }

    /** A metric's value as people read it: "42 %", "1.5 MB/s", "0.73"; "–" without one. */
    public static String format(String metric, @Nullable Double value, Locale locale) {
        if (value == null) {
            return "–";
        }
        if (percent(metric)) {
            return String.format(locale, "%.1f %%", value);
        }
        if (bytes(metric)) {
            String rate = metric.startsWith("disk.free:") ? "" : "/s";
            return bytes(value, locale) + rate;
        }
        return String.format(locale, Math.abs(value) >= 100 ? "%.0f" : "%.2f", value);
    }

    /** Bytes with a decimal unit: 950 B, 1.2 kB, 3.4 MB, 5.6 GB. */
    public static String bytes(double value, Locale locale) {
        String[] units = {"B", "kB", "MB", "GB", "TB"};
        double v = value;
        int unit = 0;
        while (Math.abs(v) >= 1000 && unit < units.length - 1) {
            v /= 1000;
            unit++;
        }
        return String.format(locale, unit == 0 || Math.abs(v) >= 100 ? "%.0f %s" : "%.1f %s", v, units[unit]);
    }

    /** Ranges a chart can show, counted back from now. */
    public enum ChartRange {
        HOUR(Duration.ofHours(1)),
        SIX_HOURS(Duration.ofHours(6)),
        DAY(Duration.ofDays(1)),
        WEEK(Duration.ofDays(7)),
        MONTH(Duration.ofDays(30));

        private final Duration length;

        ChartRange(Duration length) {
            this.length = length;
        }

        public Duration length() {
            return length;
        }
    }

    /**
     * A metric of a node over a report's period.
     *
     * @param avg the mean of all samples
     * @param p95 95 % of the values were at or below this (of the raw samples where the period is kept raw,
     *     else of the per-minute or per-hour averages)
     * @param max the highest sample
     * @param samples how many samples the numbers come from
     */
    public record MetricStats(
            String metric,
            @Nullable Double avg,
            @Nullable Double p95,
            @Nullable Double max,
            long samples) {}

    public record NodeStats(long nodeId, String name, List<MetricStats> metrics) {}

    /** A finished report file. */
    public record ReportFile(String fileName, String contentType, byte[] content) {}

    /** Who may receive the weekly report: an admin who opted in, and where it went last. */
    public record WeeklyReportRun(int sent, int skipped, Instant periodStart, Instant periodEnd) {}
}
