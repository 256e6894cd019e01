package de.kontor.monitoring;

import de.kontor.base.error.DomainException;
import de.kontor.base.export.ExportColumn;
import de.kontor.base.export.ExportFormat;
import de.kontor.base.export.ExportRequest;
import de.kontor.base.export.ExportService;
import de.kontor.base.export.RowSource;
import de.kontor.monitoring.MonitoringModel.Aggregate;
import de.kontor.monitoring.MonitoringModel.Point;
import de.kontor.monitoring.MonitoringModel.Series;
import de.kontor.monitoring.Nodes.NodeRow;
import de.kontor.monitoring.ReportModel.MetricStats;
import de.kontor.monitoring.ReportModel.NodeStats;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reports over chosen nodes and a period: avg / p95 / max per headline metric and node, the series for
 * charts, and the files (PDF with charts drawn as vectors, CSV of the series). Statistics come from the
 * finest data kept for the whole period: raw samples for up to a day within the raw retention, per-minute
 * rollups (completed from raw samples the rollup has not reached) for up to 31 days within theirs, per-hour
 * rollups beyond.
 */
@Component
class Reports {

    static final int MAX_NODES = 20;
    static final int CHART_POINTS = 300;
    static final int CSV_POINTS = 2000;
    static final Duration RAW_STATS_RANGE = Duration.ofDays(1);
    static final Duration MINUTE_STATS_RANGE = Duration.ofDays(31);

    private static final long[] STEPS = {60, 300, 900, 1800, 3600, 3 * 3600, 6 * 3600, 12 * 3600, 86400};

    private final JdbcClient jdbc;
    private final Nodes nodes;
    private final Ingest ingest;
    private final SeriesReader reader;
    private final ExportService exports;
    private final MessageSource messages;
    private final MonitoringProperties properties;

    Reports(
            JdbcClient jdbc,
            Nodes nodes,
            Ingest ingest,
            SeriesReader reader,
            ExportService exports,
            MessageSource messages,
            MonitoringProperties properties) {
        this.jdbc = jdbc;
        this.nodes = nodes;
        this.ingest = ingest;
        this.reader = reader;
        this.exports = exports;
        this.messages = messages;
        this.properties = properties;
    }

    /**
     * The bucket size that gives at most about {@code maxPoints} points over {@code range}: none (raw
     * samples) up to the raw range, a round step above, and at least an hour beyond about six days, where
     * per-minute data would be more rows than one read returns.
     */
    static @Nullable Duration step(Duration range, int maxPoints) {
        if (range.compareTo(SeriesReader.RAW_RANGE) <= 0 && range.toSeconds() / 15 <= maxPoints) {
            return null;
        }
        long wanted = Math.ceilDiv(range.toSeconds(), maxPoints);
        if (range.toMinutes() > SeriesReader.MAX_POINTS * 9L / 10) {
            wanted = Math.max(wanted, 3600);
        }
        for (long s : STEPS) {
            if (s >= wanted) {
                return Duration.ofSeconds(s);
            }
        }
        return Duration.ofSeconds(Math.ceilDiv(wanted, 86400) * 86400);
    }

    /** A metric of a node for a chart over the range: about {@link #CHART_POINTS} points. */
    Series chart(long nodeId, String metric, Instant from, Instant to, Instant now) {
        return reader.read(
                ingest.seriesId(nodeId, metric),
                metric,
                from,
                to,
                step(Duration.between(from, to), CHART_POINTS),
                Aggregate.AVG,
                now);
    }

    record SparkRow(long nodeId, long at, double value) {}

    /**
     * Per node, a metric's per-minute averages from raw samples, all nodes in one query: the dashboard
     * draws a sparkline per tile, and one query per tile would not scale to many nodes.
     */
    Map<Long, List<Point>> sparklines(List<Long> nodeIds, String metric, Instant from, Instant to) {
        Map<Long, List<Point>> lines = new LinkedHashMap<>();
        if (nodeIds.isEmpty()) {
            return lines;
        }
        // seconds since the epoch computed on the UTC DATETIME itself, independent of the session's zone
        jdbc.sql("select s.node_id, timestampdiff(second, '1970-01-01', x.at) div 60 * 60 as at, "
                        + "avg(x.value) as value from monitoring_series s "
                        + "join monitoring_sample x on x.series_id = s.id "
                        + "where s.node_id in (:ids) and s.name = :metric and x.at >= :from and x.at < :to "
                        + "group by s.node_id, 2 order by s.node_id, 2")
                .param("ids", nodeIds)
                .param("metric", metric)
                .param("from", Times.utc(from))
                .param("to", Times.utc(to))
                .query(SparkRow.class)
                .list()
                .forEach(r -> lines.computeIfAbsent(r.nodeId(), k -> new ArrayList<>())
                        .add(new Point(r.at(), r.value())));
        return lines;
    }

    /** The active nodes asked for, in the order asked, refusing unknown ones and odd periods. */
    List<NodeRow> check(List<Long> nodeIds, Instant from, Instant to, Instant now) {
        if (nodeIds.isEmpty()) {
            throw DomainException.invalidField("nodeIds", "NODES_REQUIRED", "monitoring.report.nodesRequired");
        }
        if (nodeIds.size() > MAX_NODES) {
            throw DomainException.invalidField(
                    "nodeIds", "TOO_MANY_NODES", "monitoring.report.tooManyNodes", MAX_NODES);
        }
        if (!from.isBefore(to)) {
            throw DomainException.invalidField("from", "RANGE_EMPTY", "monitoring.series.rangeEmpty");
        }
        if (from.isBefore(now.minus(properties.hourRetention()))) {
            throw DomainException.invalidField(
                    "from",
                    "RANGE_TOO_OLD",
                    "monitoring.report.rangeTooOld",
                    properties.hourRetention().toDays());
        }
        return nodeIds.stream().distinct().map(nodes::get).toList();
    }

    List<NodeStats> stats(List<NodeRow> rows, Instant from, Instant to, Instant now) {
        List<NodeStats> list = new ArrayList<>(rows.size());
        for (NodeRow row : rows) {
            List<MetricStats> metrics = new ArrayList<>();
            for (String metric : ReportModel.HEADLINE_METRICS) {
                metrics.add(stats(ingest.seriesId(row.id(), metric), metric, from, to, now));
            }
            list.add(new NodeStats(row.id(), row.name(), metrics));
        }
        return list;
    }

    /** One value with the number of samples it stands for and the highest of them. */
    record Weighted(double value, long samples, double max) {}

    MetricStats stats(@Nullable Integer seriesId, String metric, Instant from, Instant to, Instant now) {
        if (seriesId == null) {
            return new MetricStats(metric, null, null, null, 0);
        }
        Duration range = Duration.between(from, to);
        LocalDateTime start = Times.utc(from);
        LocalDateTime end = Times.utc(to);
        List<Weighted> values;
        if (!from.isBefore(now.minus(properties.rawRetention())) && range.compareTo(RAW_STATS_RANGE) <= 0) {
            values = raw(seriesId, start, end);
        } else if (!from.isBefore(now.minus(properties.minuteRetention()))
                && range.compareTo(MINUTE_STATS_RANGE) <= 0) {
            values = minutesWithRawTail(seriesId, start, end);
        } else {
            values = jdbc.sql("select avg_value as value, samples, max_value as max from monitoring_rollup_hour "
                            + "where series_id = ? and at >= ? and at < ?")
                    .params(seriesId, start, end)
                    .query(Weighted.class)
                    .list();
        }
        return summarise(metric, values);
    }

    private List<Weighted> raw(int seriesId, LocalDateTime start, LocalDateTime end) {
        return jdbc.sql("select value, 1 as samples, value as max from monitoring_sample "
                        + "where series_id = ? and at >= ? and at < ?")
                .params(seriesId, start, end)
                .query(Weighted.class)
                .list();
    }

    private List<Weighted> minutesWithRawTail(int seriesId, LocalDateTime start, LocalDateTime end) {
        LocalDateTime rolled = jdbc.sql("select done_until from monitoring_rollup_state where level = 'minute'")
                .query(LocalDateTime.class)
                .optional()
                .orElse(null);
        LocalDateTime split = rolled == null || rolled.isBefore(start) ? start : rolled.isAfter(end) ? end : rolled;
        List<Weighted> values = new ArrayList<>(jdbc.sql("select avg_value as value, samples, max_value as max "
                        + "from monitoring_rollup_minute where series_id = ? and at >= ? and at < ?")
                .params(seriesId, start, split)
                .query(Weighted.class)
                .list());
        if (split.isBefore(end)) {
            values.addAll(raw(seriesId, split, end));
        }
        return values;
    }

    static MetricStats summarise(String metric, List<Weighted> values) {
        if (values.isEmpty()) {
            return new MetricStats(metric, null, null, null, 0);
        }
        double sum = 0;
        long samples = 0;
        double max = Double.NEGATIVE_INFINITY;
        double[] sorted = new double[values.size()];
        for (int i = 0; i < values.size(); i++) {
            Weighted w = values.get(i);
            sum += w.value() * w.samples();
            samples += w.samples();
            max = Math.max(max, w.max());
            sorted[i] = w.value();
        }
        Arrays.sort(sorted);
        // nearest-rank percentile: the smallest value with at least 95 % of the values at or below it
        double p95 = sorted[(int) Math.ceil(0.95 * sorted.length) - 1];
        return new MetricStats(metric, samples == 0 ? null : sum / samples, p95, max, samples);
    }

    /** The series of the chosen nodes' headline metrics, for charts: node name → metric → series. */
    Map<String, Map<String, Series>> series(List<NodeRow> rows, Instant from, Instant to, int points, Instant now) {
        Map<String, Map<String, Series>> all = new LinkedHashMap<>();
        Duration step = step(Duration.between(from, to), points);
        for (NodeRow row : rows) {
            Map<String, Series> byMetric = new LinkedHashMap<>();
            for (String metric : ReportModel.HEADLINE_METRICS) {
                byMetric.put(
                        metric,
                        reader.read(ingest.seriesId(row.id(), metric), metric, from, to, step, Aggregate.AVG, now));
            }
            all.put(row.name(), byMetric);
        }
        return all;
    }

    byte[] pdf(List<NodeRow> rows, Instant from, Instant to, Instant now, Locale locale, ZoneId zone) {
        List<NodeStats> stats = stats(rows, from, to, now);
        Map<String, Map<String, Series>> series = series(rows, from, to, CHART_POINTS, now);
        return new ReportPdf(messages, locale, zone).render(from, to, now, stats, series);
    }

    /** One line of the series: a point of a node's metric, its time to the second in Kontor's zone and as epoch seconds. */
    record SeriesRow(String node, String metric, String time, long epochSeconds, double value) {}

    /** The series as a table (CSV or Excel): one line per point. */
    byte[] series(
            List<NodeRow> rows,
            Instant from,
            Instant to,
            Instant now,
            Locale locale,
            ZoneId zone,
            ExportFormat format) {
        List<SeriesRow> lines = new ArrayList<>();
        DateTimeFormatter time =
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
        series(rows, from, to, CSV_POINTS, now)
                .forEach((node, byMetric) -> byMetric.forEach((metric, s) -> {
                    for (Point p : s.points()) {
                        lines.add(new SeriesRow(
                                node, metric, time.format(Instant.ofEpochSecond(p.at())), p.at(), p.value()));
                    }
                }));
        List<ExportColumn<SeriesRow>> columns = List.of(
                ExportColumn.of(text("monitoring.report.column.node", locale), SeriesRow::node),
                ExportColumn.of(text("monitoring.report.column.metric", locale), SeriesRow::metric),
                ExportColumn.of(text("monitoring.report.column.time", locale), SeriesRow::time),
                ExportColumn.of(text("monitoring.report.column.epoch", locale), SeriesRow::epochSeconds),
                ExportColumn.of(text("monitoring.report.column.value", locale), SeriesRow::value));
        ExportRequest<SeriesRow> request = new ExportRequest<>(
                text("monitoring.report.title", locale),
                columns,
                RowSource.of(lines),
                Sort.unsorted(),
                (long) lines.size(),
                locale,
                zone);
        return exports.toBytes(request, format);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
