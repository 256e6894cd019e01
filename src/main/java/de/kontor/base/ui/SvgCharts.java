package de.kontor.base.ui;

import com.vaadin.flow.component.Html;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;
import java.util.function.ToDoubleFunction;

/**
 * Small charts drawn on the server as SVG (no client-side chart library). Colours come from the Lumo
 * theme, so they follow light and dark mode.
 */
public final class SvgCharts {

    /** One bar: its label on the x axis (may be empty) and its value. */
    public record Bar(String label, double value) {}

    /** One point of a line: x in any unit (e.g. epoch seconds), y the value. */
    public record Point(double x, double y) {}

    /** A named line among several in one chart; its colour is {@code PALETTE[index % size]}. */
    public record Line(String label, List<Point> points) {}

    /**
     * Line colours, distinguishable in light and dark mode and on paper (PDF reports use the same ones, so
     * a node has the same colour on screen and in print).
     */
    public static final List<String> PALETTE =
            List.of("#1a73e8", "#e8590c", "#2f9e44", "#ae3ec9", "#f08c00", "#1098ad", "#d6336c", "#5c7cfa");

    private SvgCharts() {}

    /** Vertical bars; every {@code labelEvery}-th label is written under its bar. */
    public static Html barChart(String title, List<Bar> bars, int labelEvery, String unit) {
        int width = 640;
        int height = 220;
        int left = 44;
        int bottom = 28;
        int top = 12;
        double max = bars.stream().mapToDouble(Bar::value).max().orElse(0);
        double scaleMax = niceMax(max);
        int plotHeight = height - bottom - top;
        int plotWidth = width - left - 8;
        StringBuilder svg = open(title, width, height);
        axes(svg, left, top, plotWidth, plotHeight, scaleMax, unit);
        if (!bars.isEmpty()) {
            double slot = (double) plotWidth / bars.size();
            double barWidth = Math.max(1, slot * 0.7);
            for (int i = 0; i < bars.size(); i++) {
                Bar bar = bars.get(i);
                double h = scaleMax == 0 ? 0 : bar.value() / scaleMax * plotHeight;
                double x = left + i * slot + (slot - barWidth) / 2;
                double y = top + plotHeight - h;
                svg.append(String.format(
                        Locale.ROOT,
                        "<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' rx='2' fill='var(--lumo-primary-color)'>"
                                + "<title>%s: %s</title></rect>",
                        x,
                        y,
                        barWidth,
                        h,
                        escape(bar.label()),
                        format(bar.value())));
                if (labelEvery > 0 && i % labelEvery == 0 && !bar.label().isEmpty()) {
                    svg.append(String.format(
                            Locale.ROOT,
                            "<text x='%.1f' y='%d' font-size='10' text-anchor='middle' fill='var(--lumo-secondary-text-color)'>%s</text>",
                            x + barWidth / 2,
                            height - 10,
                            escape(bar.label())));
                }
            }
        }
        return close(svg);
    }

    /** A line over time; {@code xLabels} are written at evenly spaced positions under the axis. */
    public static Html lineChart(String title, List<Point> points, List<String> xLabels, String unit) {
        int width = 640;
        int height = 220;
        int left = 44;
        int bottom = 28;
        int top = 12;
        int plotHeight = height - bottom - top;
        int plotWidth = width - left - 8;
        double max = points.stream().mapToDouble(Point::y).max().orElse(0);
        double scaleMax = niceMax(max);
        StringBuilder svg = open(title, width, height);
        axes(svg, left, top, plotWidth, plotHeight, scaleMax, unit);
        if (points.size() > 1) {
            double minX = points.getFirst().x();
            double maxX = points.getLast().x();
            double spanX = Math.max(1e-9, maxX - minX);
            StringBuilder path = new StringBuilder();
            for (Point p : points) {
                double x = left + (p.x() - minX) / spanX * plotWidth;
                double y = top + plotHeight - (scaleMax == 0 ? 0 : p.y() / scaleMax * plotHeight);
                path.append(path.isEmpty() ? "M" : "L").append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            svg.append("<path d='")
                    .append(path)
                    .append(
                            "' fill='none' stroke='var(--lumo-primary-color)' stroke-width='2' stroke-linejoin='round'/>");
        }
        for (int i = 0; i < xLabels.size(); i++) {
            double x = left + (xLabels.size() == 1 ? 0 : (double) i / (xLabels.size() - 1) * plotWidth);
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x='%.1f' y='%d' font-size='10' text-anchor='middle' fill='var(--lumo-secondary-text-color)'>%s</text>",
                    x,
                    height - 10,
                    escape(xLabels.get(i))));
        }
        return close(svg);
    }

    /**
     * Several lines over the x range {@code minX}–{@code maxX} (e.g. epoch seconds), a legend when there
     * is more than one line, y-axis labels written by {@code yLabel}. {@code yMax} fixes the scale (100 for percentages); null picks a round
     * maximum above the highest value. A line breaks where its data has a gap (no point for more than
     * five times its usual spacing), so an outage shows as a gap rather than a straight line across it.
     */
    public static Html lineChart(
            String title,
            List<Line> lines,
            double minX,
            double maxX,
            List<String> xLabels,
            DoubleFunction<String> yLabel,
            @Nullable Double yMax) {
        int width = 640;
        int legendRows = lines.size() > 1 ? (lines.size() + 3) / 4 : 0;
        int height = 230 + legendRows * 18;
        int left = 66;
        int bottom = 30 + legendRows * 18;
        int top = 12;
        int plotHeight = height - bottom - top;
        int plotWidth = width - left - 8;
        double max = lines.stream()
                .flatMap(l -> l.points().stream())
                .mapToDouble(Point::y)
                .max()
                .orElse(0);
        double scaleMax = yMax != null ? yMax : niceMax(max);
        double spanX = Math.max(1e-9, maxX - minX);
        StringBuilder svg = open(title, width, height);
        for (int i = 0; i <= 4; i++) {
            double y = top + plotHeight - plotHeight * i / 4.0;
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1='%d' y1='%.1f' x2='%d' y2='%.1f' stroke='var(--lumo-contrast-10pct)'/>"
                            + "<text x='%d' y='%.1f' font-size='12' text-anchor='end' "
                            + "fill='var(--lumo-secondary-text-color)'>%s</text>",
                    left,
                    y,
                    left + plotWidth,
                    y,
                    left - 6,
                    y + 4,
                    escape(yLabel.apply(scaleMax * i / 4.0))));
        }
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            String path = path(
                    line.points(),
                    p -> left + (p.x() - minX) / spanX * plotWidth,
                    p -> top + plotHeight - Math.min(1, scaleMax == 0 ? 0 : p.y() / scaleMax) * plotHeight);
            svg.append("<path d='")
                    .append(path)
                    .append("' fill='none' stroke='")
                    .append(PALETTE.get(i % PALETTE.size()))
                    .append("' stroke-width='1.8' stroke-linejoin='round'><title>")
                    .append(escape(line.label()))
                    .append("</title></path>");
        }
        for (int i = 0; i < xLabels.size(); i++) {
            double x = left + (xLabels.size() == 1 ? 0 : (double) i / (xLabels.size() - 1) * plotWidth);
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x='%.1f' y='%d' font-size='12' text-anchor='%s' fill='var(--lumo-secondary-text-color)'>%s</text>",
                    x,
                    top + plotHeight + 18,
                    i == 0 ? "start" : i == xLabels.size() - 1 ? "end" : "middle",
                    escape(xLabels.get(i))));
        }
        if (legendRows > 0) {
            for (int i = 0; i < lines.size(); i++) {
                double x = left + (i % 4) * (plotWidth / 4.0);
                int y = top + plotHeight + 38 + (i / 4) * 18;
                svg.append(String.format(
                        Locale.ROOT,
                        "<rect x='%.1f' y='%d' width='12' height='4' fill='%s'/>"
                                + "<text x='%.1f' y='%d' font-size='12' fill='var(--lumo-body-text-color)'>%s</text>",
                        x,
                        y - 4,
                        PALETTE.get(i % PALETTE.size()),
                        x + 16,
                        y,
                        escape(lines.get(i).label())));
            }
        }
        return close(svg);
    }

    /** A small line without axes for a tile; {@code yMax} fixes the scale. */
    public static Html sparkline(String title, List<Point> points, double minX, double maxX, double yMax) {
        int width = 200;
        int height = 40;
        double spanX = Math.max(1e-9, maxX - minX);
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 %d %d' role='img' class='kontor-sparkline' "
                        + "preserveAspectRatio='none' style='width:100%%;height:%dpx'><title>%s</title>",
                width,
                height,
                height,
                escape(title)));
        svg.append(String.format(
                Locale.ROOT,
                "<line x1='0' y1='%d' x2='%d' y2='%d' stroke='var(--lumo-contrast-10pct)'/>",
                height - 1,
                width,
                height - 1));
        String path = path(
                points,
                p -> (p.x() - minX) / spanX * width,
                p -> height - 2 - Math.min(1, p.y() / Math.max(1e-9, yMax)) * (height - 4));
        svg.append("<path d='")
                .append(path)
                .append("' fill='none' stroke='var(--lumo-primary-color)' stroke-width='1.5' "
                        + "vector-effect='non-scaling-stroke'/>");
        svg.append("</svg>");
        return new Html("<div class='kontor-sparkline-box'>" + svg + "</div>");
    }

    /**
     * A half-circle gauge for a percentage: green below {@code warn}, amber below {@code alarm}, red
     * above; "–" without a value.
     */
    public static Html gauge(String label, @Nullable Double percent, double warn, double alarm) {
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 100 66' role='img' class='kontor-gauge' "
                        + "style='width:100%%;height:auto'><title>%s</title>",
                escape(label)));
        svg.append("<path d='M10,52 A40,40 0 0 1 90,52' fill='none' stroke='var(--lumo-contrast-10pct)' "
                + "stroke-width='9' stroke-linecap='round'/>");
        if (percent != null) {
            double v = Math.max(0, Math.min(100, percent));
            double angle = Math.PI * (1 - v / 100);
            String colour = v >= alarm
                    ? "var(--lumo-error-color)"
                    : v >= warn ? "var(--lumo-warning-color, #f08c00)" : "var(--lumo-success-color)";
            if (v > 0.5) {
                svg.append(String.format(
                        Locale.ROOT,
                        "<path d='M10,52 A40,40 0 0 1 %.2f,%.2f' fill='none' stroke='%s' stroke-width='9' "
                                + "stroke-linecap='round'/>",
                        50 + 40 * Math.cos(angle),
                        52 - 40 * Math.sin(angle),
                        colour));
            }
        }
        svg.append(String.format(
                Locale.ROOT,
                "<text x='50' y='50' font-size='16' font-weight='600' text-anchor='middle' "
                        + "fill='var(--lumo-body-text-color)'>%s</text>"
                        + "<text x='50' y='64' font-size='10' text-anchor='middle' "
                        + "fill='var(--lumo-secondary-text-color)'>%s</text>",
                percent == null ? "–" : Math.round(percent) + " %",
                escape(label)));
        svg.append("</svg>");
        return new Html("<div class='kontor-gauge-box'>" + svg + "</div>");
    }

    /** An SVG path through the points, broken (a new "M") where the data has a gap. */
    private static String path(List<Point> points, ToDoubleFunction<Point> x, ToDoubleFunction<Point> y) {
        double gap = gap(points);
        StringBuilder path = new StringBuilder();
        @Nullable Point previous = null;
        for (Point p : points) {
            boolean jump = previous == null || p.x() - previous.x() > gap;
            path.append(jump ? "M" : "L")
                    .append(String.format(Locale.ROOT, "%.1f,%.1f ", x.applyAsDouble(p), y.applyAsDouble(p)));
            previous = p;
        }
        return path.toString().strip();
    }

    /** Five times the median spacing of the points: more than that between two points is a gap. */
    static double gap(List<Point> points) {
        if (points.size() < 3) {
            return Double.MAX_VALUE;
        }
        List<Double> deltas = new ArrayList<>(points.size());
        for (int i = 1; i < points.size(); i++) {
            deltas.add(points.get(i).x() - points.get(i - 1).x());
        }
        double[] sorted = deltas.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return Math.max(1e-9, sorted[sorted.length / 2]) * 5;
    }

    private static StringBuilder open(String title, int width, int height) {
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 %d %d' role='img' class='kontor-chart' "
                        + "style='width:100%%;max-width:%dpx;height:auto'><title>%s</title>",
                width,
                height,
                width,
                escape(title)));
        return svg;
    }

    /**
     * The chart inside a {@code div}: Vaadin's {@code Html} turns its root element's attributes into
     * lower-case DOM attributes, and SVG ignores {@code viewbox}, so the chart would not scale. The
     * browser's own parser, which sets the inner HTML, keeps {@code viewBox} as SVG needs it.
     */
    private static Html close(StringBuilder svg) {
        svg.append("</svg>");
        return new Html("<div class='kontor-chart-box'>" + svg + "</div>");
    }

    private static void axes(
            StringBuilder svg, int left, int top, int plotWidth, int plotHeight, double scaleMax, String unit) {
        for (int i = 0; i <= 4; i++) {
            double y = top + plotHeight - plotHeight * i / 4.0;
            svg.append(String.format(
                    Locale.ROOT,
                    "<line x1='%d' y1='%.1f' x2='%d' y2='%.1f' stroke='var(--lumo-contrast-10pct)'/>",
                    left,
                    y,
                    left + plotWidth,
                    y));
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x='%d' y='%.1f' font-size='10' text-anchor='end' fill='var(--lumo-secondary-text-color)'>%s</text>",
                    left - 6,
                    y + 3,
                    escape(format(scaleMax * i / 4.0) + (i == 4 && !unit.isEmpty() ? " " + unit : ""))));
        }
    }

    /** A round maximum for the y axis: 1, 2, 2.5 or 5 times a power of ten. */
    public static double niceMax(double max) {
        if (max <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(max)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * power >= max) {
                return step * power;
            }
        }
        return 10 * power;
    }

    private static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;");
    }
}
