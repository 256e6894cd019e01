package de.kontor.monitoring;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Per-minute rollups (average, minimum, maximum, count) from raw samples and per-hour rollups from the
 * per-minute ones, computed in the database. Each level remembers how far it got; a run goes on from
 * there up to a minute before now (so samples still in flight are not missed), at most
 * {@link #MAX_STEP} per run. Nodes whose late samples (an agent's buffer after an outage) arrived
 * behind that point are rolled again for the affected hours. Re-rolling overwrites: runs are idempotent.
 */
@Component
class Rollups {

    static final Duration MAX_STEP = Duration.ofHours(3);
    /** How far behind now the minute rollup stays: ingests newer than {@link Ingest#LATE} never straddle it. */
    static final Duration GRACE = Duration.ofMinutes(1);

    private static final String MINUTE_SELECT =
            "select s.series_id, timestamp(date_format(s.at, '%Y-%m-%d %H:%i:00')), "
                    + "avg(s.value), min(s.value), max(s.value), count(*) from monitoring_sample s ";
    private static final String HOUR_SELECT = "select m.series_id, timestamp(date_format(m.at, '%Y-%m-%d %H:00:00')), "
            + "sum(m.avg_value * m.samples) / sum(m.samples), min(m.min_value), max(m.max_value), sum(m.samples) "
            + "from monitoring_rollup_minute m ";
    private static final String UPSERT = " on duplicate key update avg_value = values(avg_value), "
            + "min_value = values(min_value), max_value = values(max_value), samples = values(samples)";

    private final JdbcClient jdbc;
    private final MonitoringProperties properties;

    Rollups(JdbcClient jdbc, MonitoringProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** What a run did. */
    record Run(
            @Nullable LocalDateTime minutesUntil, @Nullable LocalDateTime hoursUntil, int dirtyNodes) {}

    Run run(Instant now) {
        LocalDateTime target = Times.minute(Times.utc(now.minus(GRACE)));
        LocalDateTime minutes = advance("minute", target, MINUTE_SELECT, "insert into monitoring_rollup_minute");
        LocalDateTime hours = minutes == null
                ? null
                : advance("hour", Times.hour(minutes), HOUR_SELECT, "insert into monitoring_rollup_hour");
        int dirty = reroll(now, minutes, hours);
        return new Run(minutes, hours, dirty);
    }

    private @Nullable LocalDateTime advance(String level, LocalDateTime target, String select, String insert) {
        LocalDateTime done = jdbc.sql("select done_until from monitoring_rollup_state where level = ? for update")
                .param(level)
                .query(LocalDateTime.class)
                .optional()
                .orElse(null);
        if (done == null) {
            // a fresh start: the last hours; older data reaches the rollups through re-rolling
            done = level.equals("minute") ? target.minusHours(1) : target.minusHours(2);
        }
        LocalDateTime end = target.isAfter(done.plus(MAX_STEP)) ? done.plus(MAX_STEP) : target;
        if (end.isAfter(done)) {
            String alias = level.equals("minute") ? "s" : "m";
            jdbc.sql(insert + " (series_id, at, avg_value, min_value, max_value, samples) " + select + "where " + alias
                            + ".at >= ? and " + alias + ".at < ? group by 1, 2" + UPSERT)
                    .params(done, end)
                    .update();
            jdbc.sql("update monitoring_rollup_state set done_until = ? where level = ?")
                    .params(end, level)
                    .update();
            return end;
        }
        return done;
    }

    /** Rolls the marked nodes again from the hour of their oldest late sample. */
    private int reroll(Instant now, @Nullable LocalDateTime minutes, @Nullable LocalDateTime hours) {
        record Dirty(long id, LocalDateTime rollupDirtyFrom) {}
        List<Dirty> nodes = jdbc.sql(
                        "select id, rollup_dirty_from from monitoring_node where rollup_dirty_from is not null "
                                + "order by id limit 200 for update")
                .query(Dirty.class)
                .list();
        LocalDateTime floor = Times.hour(Times.utc(now.minus(properties.rawRetention())));
        for (Dirty node : nodes) {
            LocalDateTime from = Times.hour(node.rollupDirtyFrom());
            if (from.isBefore(floor)) {
                from = floor;
            }
            if (minutes != null && from.isBefore(minutes)) {
                jdbc.sql(
                                "insert into monitoring_rollup_minute (series_id, at, avg_value, min_value, max_value, samples) "
                                        + MINUTE_SELECT
                                        + "join monitoring_series se on se.id = s.series_id "
                                        + "where se.node_id = ? and s.at >= ? and s.at < ? group by 1, 2" + UPSERT)
                        .params(node.id(), from, minutes)
                        .update();
            }
            if (hours != null && from.isBefore(hours)) {
                jdbc.sql("insert into monitoring_rollup_hour (series_id, at, avg_value, min_value, max_value, samples) "
                                + HOUR_SELECT
                                + "join monitoring_series se on se.id = m.series_id "
                                + "where se.node_id = ? and m.at >= ? and m.at < ? group by 1, 2" + UPSERT)
                        .params(node.id(), from, hours)
                        .update();
            }
            jdbc.sql("update monitoring_node set rollup_dirty_from = null where id = ?")
                    .param(node.id())
                    .update();
        }
        return nodes.size();
    }
}
