package de.kontor.base.ui;

import com.vaadin.flow.component.Html;

import java.util.List;
import java.util.Locale;

/**
 * Small charts drawn on the server as SVG (no client-side chart library). Colours come from the Lumo
 * theme, so they follow light and dark mode.
 */
public final class SvgCharts {

    /** One bar: its label on the x axis (may be empty) and its value. */
    public record Bar(String label, double value) {}

    /** One point of a line: x in any unit (e.g. epoch seconds), y the value. */
    public record Point(double x, double y) {}

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
    static double niceMax(double max) {
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
