package de.kontor.base.ui;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SvgChartsTest {

    private static List<SvgCharts.Point> everyFifteenSeconds(long from, int count, double value) {
        List<SvgCharts.Point> points = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            points.add(new SvgCharts.Point(from + i * 15L, value));
        }
        return points;
    }

    @Test
    void aLineBreaksWhereTheDataHasAGap() {
        List<SvgCharts.Point> points = new ArrayList<>(everyFifteenSeconds(0, 10, 50));
        points.addAll(everyFifteenSeconds(3600, 10, 60));

        String svg = SvgCharts.lineChart(
                        "cpu",
                        List.of(new SvgCharts.Line("web-1", points)),
                        0,
                        3600 + 150,
                        List.of("a", "b"),
                        v -> Math.round(v) + " %",
                        100.0)
                .getInnerHtml();

        String path = svg.substring(svg.indexOf("<path d=") + 9, svg.indexOf("\"", svg.indexOf("<path d=") + 9));
        assertThat(path.chars().filter(c -> c == 'M')).as("two pieces").hasSize(2);
        assertThat(svg).contains("100 %").contains("0 %");
    }

    @Test
    void severalLinesGetTheirOwnColourAndALegend() {
        String svg = SvgCharts.lineChart(
                        "cpu",
                        List.of(
                                new SvgCharts.Line("web-1", everyFifteenSeconds(0, 5, 10)),
                                new SvgCharts.Line("db-1", everyFifteenSeconds(0, 5, 20))),
                        0,
                        60,
                        List.of(),
                        v -> Long.toString(Math.round(v)),
                        null)
                .getInnerHtml();

        assertThat(svg)
                .contains("stroke=\"" + SvgCharts.PALETTE.get(0))
                .contains("stroke=\"" + SvgCharts.PALETTE.get(1))
                .contains(">web-1</text>")
                .contains(">db-1</text>");
    }

    @Test
    void aGaugeShowsItsValueInTheColourOfItsBand() {
        assertThat(SvgCharts.gauge("CPU", 42.0, 80, 90).getInnerHtml())
                .contains("42 %")
                .contains("lumo-success-color");
        assertThat(SvgCharts.gauge("Disk", 85.0, 80, 90).getInnerHtml()).contains("lumo-warning-color");
        assertThat(SvgCharts.gauge("Disk", 97.0, 80, 90).getInnerHtml()).contains("lumo-error-color");
        assertThat(SvgCharts.gauge("RAM", null, 80, 90).getInnerHtml())
                .contains("–")
                .doesNotContain("lumo-success-color");
    }
}
