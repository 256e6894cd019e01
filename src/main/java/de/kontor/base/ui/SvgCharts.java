package de.kontor.base.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
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
 *
 * <p>A chart takes the whole width it is given, at a fixed height: the plot is an SVG stretched to the
 * width (bars and lines keep their stroke), while the axis labels are plain text beside and below it, so
 * they stay readable on a phone and on a wide screen. Counts get whole-number ticks (0, 5, 10 — never
 * 12.5); a chart with nothing to show says so instead of drawing empty axes.
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

    /** The y axis: its ticks from 0 to {@link #max} in steps of {@link #step}. */
    record Scale(double max, double step) {
        List<Double> ticks() {
            List<Double> ticks = new ArrayList<>();
            for (int i = 0; i * step <= max + step / 1000; i++) {
                ticks.add(i * step);
            }
            return ticks;
        }
    }

    /** The plot's coordinate system: the SVG is stretched to the available width, this is its height. */
    private static final int PLOT_WIDTH = 1000;

    private static final int PLOT_HEIGHT = 180;

    private SvgCharts() {}

    /**
     * Vertical bars; every {@code labelEvery}-th label is written under its bar. Whole-number values (counts)
     * get whole-number ticks. When all bars are 0 (or there are none), {@code emptyText} is shown instead.
     */
    public static Html barChart(String title, List<Bar> bars, int labelEvery, String unit, @Nullable String emptyText) {
        if (bars.stream().allMatch(b -> b.value() == 0)) {
            return empty(title, emptyText);
        }
        boolean counts = bars.stream().allMatch(b -> b.value() == Math.rint(b.value()));
        Scale scale = scale(bars.stream().mapToDouble(Bar::value).max().orElse(0), counts);
        StringBuilder plot = new StringBuilder();
        grid(plot, scale);
        double slot = (double) PLOT_WIDTH / bars.size();
        double barWidth = Math.max(1, slot * 0.7);
        List<String> xLabels = new ArrayList<>();
        List<Double> xPositions = new ArrayList<>();
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double h = bar.value() / scale.max() * PLOT_HEIGHT;
            double x = i * slot + (slot - barWidth) / 2;
            plot.append(String.format(
                    Locale.ROOT,
                    "<rect x='%.1f' y='%.1f' width='%.1f' height='%.1f' fill='var(--lumo-primary-color)'>"
                            + "<title>%s: %s</title></rect>",
                    x,
                    PLOT_HEIGHT - h,
                    barWidth,
                    h,
                    escape(bar.label()),
                    format(bar.value())));
            if (labelEvery > 0 && i % labelEvery == 0 && !bar.label().isEmpty()) {
                xLabels.add(bar.label());
                xPositions.add((i + 0.5) / bars.size());
            }
        }
        return chart(title, plot, scale, unit, xLabels, xPositions);
    }

    /** Vertical bars, with a general "nothing to show" text when empty. */
    public static Html barChart(String title, List<Bar> bars, int labelEvery, String unit) {
        return barChart(title, bars, labelEvery, unit, null);
    }

    /**
     * A line over time; {@code xLabels} are written at evenly spaced positions under the axis. A single point
     * (the first sample) is a short level line at the right edge; with no points, {@code emptyText} is shown
     * instead.
     */
    public static Html lineChart(
            String title, List<Point> points, List<String> xLabels, String unit, @Nullable String emptyText) {
        if (points.isEmpty()) {
            return empty(title, emptyText);
        }
        Scale scale = scale(points.stream().mapToDouble(Point::y).max().orElse(0), false);
        StringBuilder plot = new StringBuilder();
        grid(plot, scale);
        double minX = points.getFirst().x();
        double maxX = points.getLast().x();
        double spanX = Math.max(1e-9, maxX - minX);
        StringBuilder path = new StringBuilder();
        if (points.size() == 1) {
            double y = PLOT_HEIGHT - points.getFirst().y() / scale.max() * PLOT_HEIGHT;
            path.append(
                    String.format(Locale.ROOT, "M%.1f,%.1f L%.1f,%.1f ", PLOT_WIDTH * 0.97, y, (double) PLOT_WIDTH, y));
        }
        for (Point p : points.size() == 1 ? List.<Point>of() : points) {
            double x = (p.x() - minX) / spanX * PLOT_WIDTH;
            double y = PLOT_HEIGHT - p.y() / scale.max() * PLOT_HEIGHT;
            path.append(path.isEmpty() ? "M" : "L").append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        plot.append("<path d='")
                .append(path)
                .append("' fill='none' stroke='var(--lumo-primary-color)' stroke-width='2' "
                        + "stroke-linejoin='round' vector-effect='non-scaling-stroke'/>");
        List<Double> positions = new ArrayList<>();
        for (int i = 0; i < xLabels.size(); i++) {
            positions.add(xLabels.size() == 1 ? 0 : (double) i / (xLabels.size() - 1));
        }
        return chart(title, plot, scale, unit, xLabels, positions);
    }

    /** A line over time, with a general "nothing to show" text when empty. */
    public static Html lineChart(String title, List<Point> points, List<String> xLabels, String unit) {
        return lineChart(title, points, xLabels, unit, null);
    }

    /**
     * The y axis for values up to {@code max}: at most five steps of 1, 2 or 5 times a power of ten (2.5
     * too, unless the values are counts, whose ticks are whole numbers).
     */
    static Scale scale(double max, boolean counts) {
        if (max <= 0) {
            return new Scale(1, counts ? 1 : 0.25);
        }
        double rough = max / 4;
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        double[] multiples = counts && power < 10 ? new double[] {1, 2, 5, 10} : new double[] {1, 2, 2.5, 5, 10};
        double step = 10 * power;
        for (double m : multiples) {
            if (m * power >= rough) {
                step = m * power;
                break;
            }
        }
        if (counts) {
            step = Math.max(1, Math.rint(step));
        }
        return new Scale(Math.ceil(max / step - 1e-9) * step, step);
    }

    private static void grid(StringBuilder plot, Scale scale) {
        for (double tick : scale.ticks()) {
            double y = PLOT_HEIGHT - tick / scale.max() * PLOT_HEIGHT;
            plot.append(String.format(
                    Locale.ROOT,
                    "<line x1='0' y1='%.1f' x2='%d' y2='%.1f' stroke='var(--lumo-contrast-10pct)' "
                            + "vector-effect='non-scaling-stroke'/>",
                    y,
                    PLOT_WIDTH,
                    y));
        }
    }

    /**
     * The chart as HTML: y labels in a column, the stretched plot, x labels under it at percentages of the
     * width. Built as one string because Vaadin's {@code Html} lower-cases attributes of its root element
     * (SVG needs {@code viewBox}); the browser's own parser keeps it inside.
     */
    private static Html chart(
            String title, StringBuilder plot, Scale scale, String unit, List<String> xLabels, List<Double> xPositions) {
        StringBuilder html = new StringBuilder();
        html.append("<div class='kontor-chart-box' role='img' aria-label='")
                .append(escape(title))
                .append("'><div class='kontor-chart' style='--kontor-chart-height:")
                .append(PLOT_HEIGHT)
                .append("px'><div class='kontor-chart-y'>");
        List<Double> ticks = scale.ticks();
        for (int i = ticks.size() - 1; i >= 0; i--) {
            double tick = ticks.get(i);
            html.append(String.format(
                    Locale.ROOT,
                    "<span style='top:%.2f%%'>%s</span>",
                    100 - tick / scale.max() * 100,
                    escape(format(tick) + (i == ticks.size() - 1 && !unit.isEmpty() ? " " + unit : ""))));
        }
        html.append("</div>")
                .append(String.format(
                        Locale.ROOT,
                        "<svg xmlns='http://www.w3.org/2000/svg' class='kontor-chart-plot' viewBox='0 0 %d %d' "
                                + "preserveAspectRatio='none'><title>%s</title>",
                        PLOT_WIDTH,
                        PLOT_HEIGHT,
                        escape(title)))
                .append(plot)
                .append("</svg><div></div><div class='kontor-chart-x'>");
        for (int i = 0; i < xLabels.size(); i++) {
            html.append(String.format(
                    Locale.ROOT,
                    "<span style='left:%.2f%%'>%s</span>",
                    xPositions.get(i) * 100,
                    escape(xLabels.get(i))));
        }
        html.append("</div></div></div>");
        return new Html(html.toString());
    }

    private static Html empty(String title, @Nullable String emptyText) {
        String text = emptyText != null
                ? emptyText
                : UI.getCurrent() == null ? "No data yet." : UI.getCurrent().getTranslation("chart.empty");
        return new Html("<div class='kontor-chart-box kontor-chart-empty' role='img' aria-label='" + escape(title)
                + "'><span>" + escape(text) + "</span></div>");
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

    /** A value as the reader writes numbers: "0,5" in a German UI, "0.5" in an English one. */
    private static String format(double v) {
        if (v == Math.rint(v)) {
            return Long.toString((long) v);
        }
        UI ui = UI.getCurrent();
        return String.format(ui == null ? Locale.ENGLISH : ui.getLocale(), "%.1f", v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;");
    }
}
