package de.kontor.monitoring;

import de.kontor.monitoring.Reports.Weighted;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportsStepTest {

    @Test
    void shortRangesKeepRawSamplesLongerOnesGetRoundSteps() {
        assertThat(Reports.step(Duration.ofHours(1), Reports.CHART_POINTS)).isNull();
        assertThat(Reports.step(Duration.ofHours(6), Reports.CHART_POINTS)).isEqualTo(Duration.ofMinutes(5));
        assertThat(Reports.step(Duration.ofDays(1), Reports.CHART_POINTS)).isEqualTo(Duration.ofMinutes(5));
        assertThat(Reports.step(Duration.ofDays(30), Reports.CHART_POINTS)).isEqualTo(Duration.ofHours(3));
    }

    @Test
    void aWeekIsReadFromHoursNotFromMoreMinutesThanOneReadReturns() {
        assertThat(Reports.step(Duration.ofDays(7), Reports.CSV_POINTS)).isEqualTo(Duration.ofHours(1));
        assertThat(Reports.step(Duration.ofDays(2), Reports.CSV_POINTS)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void rollupsCountWithTheirSamplesInTheAverage() {
        var stats = Reports.summarise("cpu", List.of(new Weighted(10, 1, 10), new Weighted(40, 3, 90)));
        assertThat(stats.avg()).isEqualTo(32.5);
        assertThat(stats.max()).isEqualTo(90);
        assertThat(stats.p95()).isEqualTo(40);
        assertThat(stats.samples()).isEqualTo(4);
    }
}
