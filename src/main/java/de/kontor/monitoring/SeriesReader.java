package de.kontor.monitoring;

import de.kontor.monitoring.MonitoringModel.Aggregate;
import de.kontor.monitoring.MonitoringModel.Point;
import de.kontor.monitoring.MonitoringModel.Resolution;
import de.kontor.monitoring.MonitoringModel.Series;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a node's series for a time range from the data that fits it: raw samples for ranges up to
 * {@link #RAW_RANGE} within the raw retention, per-minute rollups up to {@link #MINUTE_RANGE} within
 * theirs, per-hour rollups beyond. Minute data is completed to the present from raw samples the
 * rollup has not reached yet. With a step, points are averaged (or min/max) into buckets of that size.
 */
@Component
class SeriesReader {

    static final Duration RAW_RANGE = Duration.ofHours(6);
    static final Duration MINUTE_RANGE = Duration.ofDays(7);
    /** At most this many points per answer: longer ranges without a step get one chosen for them. */
    static final int MAX_POINTS = 10_000;
    /** A safety net for one read; well above what a range of a resolution can hold at sane intervals. */
    static final int MAX_ROWS = 100_000;

    private final JdbcClient jdbc;
    private final MonitoringProperties properties;

    SeriesReader(JdbcClient jdbc, MonitoringProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    record Row(LocalDateTime at, double value) {}

    Series read(
            @Nullable Integer seriesId,
            String metric,
            Instant from,
            Instant to,
            @Nullable Duration step,
            Aggregate aggregate,
            Instant now) {
        Resolution resolution = resolution(from, to, step, now);
        if (seriesId == null) {
            return new Series(metric, resolution, List.of());
        }
        LocalDateTime start = Times.utc(from);
        LocalDateTime end = Times.utc(to);
        List<Row> rows = switch (resolution) {
            case RAW -> raw(seriesId, start, end);
            case MINUTE -> minutesWithRawTail(seriesId, start, end, aggregate);
            case HOUR -> rollups("monitoring_rollup_hour", seriesId, start, end, aggregate);
        };
        return new Series(metric, resolution, bucket(rows, step != null ? step : autoStep(rows), aggregate));
    }

    /**
     * A step that keeps the answer within {@link #MAX_POINTS} (whole minutes, or whole hours beyond an
     * hour), or null when the rows fit as they are. Seven days of minutes are 10,080 points: without
     * this, the newest ones were cut off.
     */
    static @Nullable Duration autoStep(List<Row> rows) {
        if (rows.size() <= MAX_POINTS) {
            return null;
        }
        long span = Duration.between(rows.getFirst().at(), rows.getLast().at()).toSeconds() + 1;
        long seconds = Math.ceilDiv(span, MAX_POINTS - 1);
        long unit = seconds > 3600 ? 3600 : 60;
        return Duration.ofSeconds(Math.ceilDiv(seconds, unit) * unit);
    }

    Resolution resolution(Instant from, Instant to, @Nullable Duration step, Instant now) {
        Duration range = Duration.between(from, to);
        long stepSeconds = step == null ? 0 : step.toSeconds();
        if (!from.isBefore(now.minus(properties.rawRetention()))
                && range.compareTo(RAW_RANGE) <= 0
                && stepSeconds < 60) {
            return Resolution.RAW;
        }
        if (!from.isBefore(now.minus(properties.minuteRetention()))
                && range.compareTo(MINUTE_RANGE) <= 0
                && stepSeconds < 3600) {
            return Resolution.MINUTE;
        }
        return Resolution.HOUR;
    }

    private List<Row> raw(int seriesId, LocalDateTime start, LocalDateTime end) {
        return jdbc.sql("select at, value from monitoring_sample where series_id = ? and at >= ? and at < ? "
                        + "order by at limit " + MAX_ROWS)
                .params(seriesId, start, end)
                .query(Row.class)
                .list();
    }

    private List<Row> rollups(String table, int seriesId, LocalDateTime start, LocalDateTime end, Aggregate aggregate) {
        return jdbc.sql("select at, " + column(aggregate) + " as value from " + table
                        + " where series_id = ? and at >= ? and at < ? order by at limit " + MAX_ROWS)
                .params(seriesId, start, end)
                .query(Row.class)
                .list();
    }

    private List<Row> minutesWithRawTail(int seriesId, LocalDateTime start, LocalDateTime end, Aggregate aggregate) {
        List<Row> rows = new ArrayList<>(rollups("monitoring_rollup_minute", seriesId, start, end, aggregate));
        LocalDateTime rolled = jdbc.sql("select done_until from monitoring_rollup_state where level = 'minute'")
                .query(LocalDateTime.class)
                .optional()
                .orElse(null);
        LocalDateTime tailFrom = rows.isEmpty() ? start : rows.getLast().at().plusMinutes(1);
        if (rolled != null && rolled.isAfter(tailFrom)) {
            tailFrom = rolled;
        }
        if (tailFrom.isBefore(end)) {
            rows.addAll(jdbc.sql("select timestamp(date_format(at, '%Y-%m-%d %H:%i:00')) as at, "
                            + function(aggregate) + "(value) as value from monitoring_sample "
                            + "where series_id = ? and at >= ? and at < ? group by 1 order by 1")
                    .params(seriesId, Times.minute(tailFrom), end)
                    .query(Row.class)
                    .list());
        }
        return rows;
    }

    private static String column(Aggregate aggregate) {
        return switch (aggregate) {
            case AVG -> "avg_value";
            case MIN -> "min_value";
            case MAX -> "max_value";
        };
    }

    private static String function(Aggregate aggregate) {
        return switch (aggregate) {
            case AVG -> "avg";
            case MIN -> "min";
            case MAX -> "max";
        };
    }

    /** Points per step bucket (starting at multiples of the step since the epoch), or as read. */
    static List<Point> bucket(List<Row> rows, @Nullable Duration step, Aggregate aggregate) {
        List<Point> points = new ArrayList<>(rows.size());
        long size = step == null ? 0 : step.toSeconds();
        long bucket = Long.MIN_VALUE;
        double acc = 0;
        int n = 0;
        for (Row r : rows) {
            long at = Times.instant(r.at()).getEpochSecond();
            if (size <= 1) {
                points.add(new Point(at, r.value()));
                continue;
            }
            long b = Math.floorDiv(at, size) * size;
            if (b != bucket) {
                if (n > 0) {
                    points.add(new Point(bucket, aggregate == Aggregate.AVG ? acc / n : acc));
                }
                bucket = b;
                acc = aggregate == Aggregate.AVG ? 0 : r.value();
                n = 0;
            }
            acc = switch (aggregate) {
                case AVG -> acc + r.value();
                case MIN -> Math.min(acc, r.value());
                case MAX -> Math.max(acc, r.value());
            };
            n++;
        }
        if (n > 0) {
            points.add(new Point(bucket, aggregate == Aggregate.AVG ? acc / n : acc));
        }
        return points;
    }
}
