package de.kontor.monitoring;

import de.kontor.IntegrationTest;
import de.kontor.agent.Protocol.AgentInfo;
import de.kontor.agent.Protocol.Report;
import de.kontor.agent.Sample;
import de.kontor.monitoring.MonitoringModel.Aggregate;
import de.kontor.monitoring.MonitoringModel.NewNode;
import de.kontor.monitoring.MonitoringModel.Point;
import de.kontor.monitoring.MonitoringModel.Resolution;
import de.kontor.monitoring.MonitoringModel.Series;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Known samples give known rollups; partitions are created ahead and dropped after the retention. */
class RollupsAndPartitionsTest extends IntegrationTest {

    @Autowired
    MonitoringService monitoring;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Partitions partitionMaintenance;

    @Autowired
    MonitoringProperties properties;

    private long node(String name) {
        return monitoring.addNode(new NewNode(unique(name), List.of())).nodeId();
    }

    private void report(long node, List<Sample> samples) {
        monitoring.report(
                node, new Report(new AgentInfo("1.0", 1, "h", List.of()), clock.millis(), samples, null), "127.0.0.1");
    }

    private static List<Double> values(Series s) {
        return s.points().stream().map(Point::value).toList();
    }

    @Test
    void minuteAndHourRollupsHoldAverageMinimumAndMaximumOfTheSamples() {
        long node = node("rollup");
        Instant base = clock.instant().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.HOURS);
        List<Sample> samples = new ArrayList<>();
        double[] first = {10, 20, 30, 40};
        for (int i = 0; i < 4; i++) {
            samples.add(new Sample(base.getEpochSecond() + i * 15, Map.of("cpu", first[i])));
            samples.add(new Sample(base.getEpochSecond() + 60 + i * 15, Map.of("cpu", 50.0)));
        }
        report(node, samples);

        monitoring.rollUp();

        Instant from = base.minus(Duration.ofHours(1));
        Instant to = base.plus(Duration.ofHours(7));
        Series minutes = monitoring.series(node, "cpu", from, to, null, null);
        assertThat(minutes.resolution()).isEqualTo(Resolution.MINUTE);
        assertThat(minutes.points())
                .extracting(Point::at)
                .containsExactly(base.getEpochSecond(), base.getEpochSecond() + 60);
        assertThat(values(minutes)).containsExactly(25.0, 50.0);
        assertThat(values(monitoring.series(node, "cpu", from, to, null, Aggregate.MAX)))
                .containsExactly(40.0, 50.0);
        assertThat(values(monitoring.series(node, "cpu", from, to, null, Aggregate.MIN)))
                .containsExactly(10.0, 50.0);

        Series hours =
                monitoring.series(node, "cpu", base.minus(Duration.ofDays(8)), base.plusSeconds(3600), null, null);
        assertThat(hours.resolution()).isEqualTo(Resolution.HOUR);
        assertThat(hours.points()).containsExactly(new Point(base.getEpochSecond(), 37.5));
        assertThat(values(monitoring.series(
                        node, "cpu", base.minus(Duration.ofDays(8)), base.plusSeconds(3600), null, Aggregate.MAX)))
                .containsExactly(50.0);

        Series raw = monitoring.series(node, "cpu", base, base.plusSeconds(120), null, null);
        assertThat(raw.resolution()).isEqualTo(Resolution.RAW);
        assertThat(raw.points()).hasSize(8);
        Series stepped = monitoring.series(node, "cpu", base, base.plusSeconds(120), Duration.ofSeconds(30), null);
        assertThat(values(stepped)).containsExactly(15.0, 35.0, 50.0, 50.0);
    }

    @Test
    void sevenDaysOfMinutesWithoutAStepKeepTheNewestMinutesAndStayWithinThePointLimit() {
        long node = node("week");
        Instant end = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        Instant start = end.minus(Duration.ofDays(7));
        report(node, List.of(new Sample(start.getEpochSecond() - 3600, Map.of("disk", 1.0))));
        int series = jdbc.sql("select id from monitoring_series where node_id = ? and name = 'disk'")
                .param(node)
                .query(Integer.class)
                .single();
        int minutes = (int) Duration.between(start, end).toMinutes();
        for (int chunk = 0; chunk < minutes; chunk += 1000) {
            StringBuilder sql = new StringBuilder(
                    "insert into monitoring_rollup_minute (series_id, at, avg_value, min_value, max_value, samples) values ");
            List<Object> params = new ArrayList<>();
            for (int i = chunk; i < Math.min(minutes, chunk + 1000); i++) {
                sql.append(i == chunk ? "" : ",").append("(?, ?, ?, ?, ?, 1)");
                params.addAll(List.of(series, Times.utc(start.plus(Duration.ofMinutes(i))), i, i, i));
            }
            jdbc.sql(sql.toString()).params(params).update();
        }
        assertThat(minutes).isGreaterThan(SeriesReader.MAX_POINTS);

        Series week = monitoring.series(node, "disk", start, end, null, null);

        assertThat(week.resolution()).isEqualTo(Resolution.MINUTE);
        assertThat(week.points()).hasSizeLessThanOrEqualTo(SeriesReader.MAX_POINTS);
        assertThat(week.points().getFirst().at()).isLessThanOrEqualTo(start.getEpochSecond());
        assertThat(week.points().getLast().at())
                .as("the newest minutes are in the answer")
                .isGreaterThanOrEqualTo(end.minus(Duration.ofMinutes(5)).getEpochSecond());
        assertThat(week.points().getLast().value()).isGreaterThan(minutes - 5);
    }

    @Test
    void rollingUpAgainChangesNothingAndLateSamplesAreRolledIn() {
        long node = node("late");
        Instant base = clock.instant().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.HOURS);
        report(node, List.of(new Sample(base.getEpochSecond(), Map.of("memory", 10.0))));
        monitoring.rollUp();
        monitoring.rollUp();
        Instant from = base.minus(Duration.ofHours(1));
        Instant to = base.plus(Duration.ofHours(7));
        assertThat(values(monitoring.series(node, "memory", from, to, null, null)))
                .containsExactly(10.0);

        // the agent's buffer delivers a sample of the same minute later
        report(node, List.of(new Sample(base.getEpochSecond() + 30, Map.of("memory", 30.0))));
        monitoring.rollUp();

        assertThat(values(monitoring.series(node, "memory", from, to, null, null)))
                .containsExactly(20.0);
    }

    @Test
    void partitionsAreCreatedAheadAndDroppedAfterTheRetention() {
        long node = node("partitions");
        report(node, List.of(new Sample(clock.instant().minusSeconds(60).getEpochSecond(), Map.of("swap", 7.0))));
        monitoring.maintainPartitions();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        DateTimeFormatter name = DateTimeFormatter.ofPattern("'p'yyyyMMdd");
        assertThat(partitions("monitoring_sample"))
                .contains(name.format(today), name.format(today.plusDays(3)), "pmax");
        assertThat(partitions("monitoring_rollup_hour")).contains(name.format(today.withDayOfMonth(1)), "pmax");
        Instant sampled = clock.instant().minusSeconds(60);
        assertThat(monitoring
                        .series(node, "swap", sampled.minusSeconds(60), sampled.plusSeconds(60), null, null)
                        .points())
                .hasSize(1);

        // three days later (without moving the clock all tests share)
        partitionMaintenance.maintain(clock.instant().plus(Duration.ofDays(3)));

        assertThat(partitions("monitoring_sample"))
                .doesNotContain(name.format(today))
                .contains(name.format(today.plusDays(6)));
        long rows = jdbc.sql(
                        "select count(*) from monitoring_sample s join monitoring_series se on se.id = s.series_id "
                                + "where se.node_id = ?")
                .param(node)
                .query(Long.class)
                .single();
        assertThat(rows).as("the day's partition and its samples are gone").isZero();

        // the rollups outlive the raw samples: minutes for their retention, hours for theirs
        Instant minuteBound = today.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant minuteDue = minuteBound.plus(properties.minuteRetention());
        assertThat(minuteDue)
                .isBeforeOrEqualTo(
                        clock.instant().plus(properties.minuteRetention()).plus(Duration.ofDays(1)));
        partitionMaintenance.maintain(table("monitoring_rollup_minute"), minuteDue.minus(Duration.ofDays(1)));
        assertThat(partitions("monitoring_rollup_minute")).contains(name.format(today));
        Partitions.Change minutes = partitionMaintenance.maintain(table("monitoring_rollup_minute"), minuteDue);
        assertThat(minutes.dropped()).contains(name.format(today));
        assertThat(partitions("monitoring_rollup_minute")).doesNotContain(name.format(today));

        LocalDate month = today.withDayOfMonth(1);
        Instant hourDue =
                month.plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant().plus(properties.hourRetention());
        partitionMaintenance.maintain(table("monitoring_rollup_hour"), hourDue.minus(Duration.ofDays(1)));
        assertThat(partitions("monitoring_rollup_hour")).contains(name.format(month));
        Partitions.Change hours = partitionMaintenance.maintain(table("monitoring_rollup_hour"), hourDue);
        assertThat(hours.dropped()).contains(name.format(month));
        assertThat(partitions("monitoring_rollup_hour")).doesNotContain(name.format(month));
    }

    private Partitions.Table table(String name) {
        return partitionMaintenance.tables().stream()
                .filter(t -> t.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private List<String> partitions(String table) {
        return jdbc.sql("select partition_name from information_schema.partitions where table_schema = database() "
                        + "and table_name = ? order by partition_ordinal_position")
                .param(table)
                .query(String.class)
                .list();
    }
}
