package de.kontor.base.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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

    private static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;");
    }
}
