package de.kontor.base.ui;

import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
    void decimalTicksAreWrittenTheWayTheUsersLanguageWritesThem() {
        List<SvgCharts.Bar> bars = List.of(new SvgCharts.Bar("a", 0.4), new SvgCharts.Bar("b", 1.3));
        UI ui = new UI();
        try {
            UI.setCurrent(ui);
            ui.setLocale(Locale.GERMAN);
            String german = SvgCharts.barChart("kWh", bars, 1, "kWh").getInnerHtml();
            ui.setLocale(Locale.ENGLISH);
            String english = SvgCharts.barChart("kWh", bars, 1, "kWh").getInnerHtml();

            assertThat(german).contains("0,5").doesNotContain(">0.5");
            assertThat(english).contains("0.5").doesNotContain("0,5");
        } finally {
            UI.setCurrent(null);
        }
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

    @Test
    void countsGetWholeNumberTicks() {
        assertThat(SvgCharts.scale(3, true).ticks()).containsExactly(0.0, 1.0, 2.0, 3.0);
        assertThat(SvgCharts.scale(75, true).ticks()).containsExactly(0.0, 20.0, 40.0, 60.0, 80.0);
        assertThat(SvgCharts.scale(18, true).ticks()).allMatch(t -> t == Math.rint(t));
        assertThat(SvgCharts.scale(18, true).max()).isGreaterThanOrEqualTo(18);
    }

    @Test
    void measurementsMayUseFractionalTicks() {
        assertThat(SvgCharts.scale(0.9, false).ticks()).contains(0.25, 0.5, 0.75, 1.0);
    }

    @Test
    void aCountChartShowsNoFractionalTickLabels() {
        String html = SvgCharts.barChart(
                        "Leads", List.of(new SvgCharts.Bar("a", 12), new SvgCharts.Bar("b", 18)), 1, "", "none")
                .getInnerHtml();
        assertThat(html).contains("<svg").doesNotContain("12.5").doesNotContain("18.8");
    }

    @Test
    void anEmptyChartExplainsItself() {
        String html = SvgCharts.barChart(
                        "Heartbeats",
                        List.of(new SvgCharts.Bar("1.12.", 0), new SvgCharts.Bar("2.12.", 0)),
                        1,
                        "",
                        "No heartbeats in the last 30 days.")
                .getInnerHtml();
        assertThat(html).contains("No heartbeats in the last 30 days.").doesNotContain("<svg");
    }

    @Test
    void aSingleSampleIsDrawnAndOnlyNoSamplesAtAllAreEmpty() {
        String one = SvgCharts.lineChart("Power", List.of(new SvgCharts.Point(0, 90)), List.of("12:00"), "W", "none")
                .getInnerHtml();
        assertThat(one).contains("<svg").contains("<path");
        String none = SvgCharts.lineChart("Power", List.of(), List.of(), "W", "Nothing yet")
                .getInnerHtml();
        assertThat(none).contains("Nothing yet").doesNotContain("<svg");
    }

    @Test
    void theChartStretchesToTheAvailableWidth() {
        String html = SvgCharts.lineChart(
                        "Power",
                        List.of(new SvgCharts.Point(0, 10), new SvgCharts.Point(60, 80)),
                        List.of("12:00", "13:00"),
                        "W",
                        "none")
                .getInnerHtml();
        assertThat(html.toLowerCase(Locale.ROOT))
                .contains("preserveaspectratio")
                .doesNotContain("max-width");
    }
}
