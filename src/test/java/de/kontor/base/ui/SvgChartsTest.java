package de.kontor.base.ui;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class SvgChartsTest {

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
