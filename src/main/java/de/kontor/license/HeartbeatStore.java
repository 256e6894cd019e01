package de.kontor.license;

import de.kontor.base.db.Rows;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Heartbeats in the month-partitioned table {@code license_heartbeat}: writing them, reading their
 * history, and keeping the partitions (months ahead created, old months rolled up into
 * {@code license_usage_daily} and dropped). Partition bounds are UTC months.
 */
@Component
class HeartbeatStore {

    private static final Logger log = LoggerFactory.getLogger(HeartbeatStore.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'p'yyyyMM");
    private static final Pattern PARTITION = Pattern.compile("p(\\d{4})(\\d{2})");

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    HeartbeatStore(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void record(Instant at, long licenseId, long activationId, String appVersion, Map<String, Long> usage) {
        record(at, licenseId, activationId, appVersion, usage, null, null);
    }

    /**
     * A heartbeat with where it came from and how far the client's clock was off (seconds, client minus
     * server), for the anomaly rules.
     */
    void record(
            Instant at,
            long licenseId,
            long activationId,
            String appVersion,
            Map<String, Long> usage,
            @Nullable String address,
            @Nullable Long clockSkewSeconds) {
        jdbc.update(
                "insert into license_heartbeat (received_at, license_id, activation_id, app_version, usage_json, "
                        + "client_address, clock_skew_seconds) values (?, ?, ?, ?, ?, ?, ?)",
                Timestamp.from(at),
                licenseId,
                activationId,
                appVersion,
                usage.isEmpty() ? null : json.writeValueAsString(usage),
                address,
                clockSkewSeconds);
    }

    /**
     * The highest value of each usage counter per day since {@code from}: the roll-ups for older days, the
     * raw heartbeats for the days still kept.
     */
    Map<String, Map<LocalDate, Long>> counterHistory(long licenseId, LocalDate from) {
        Map<String, Map<LocalDate, Long>> history = new TreeMap<>();
        jdbc.query(
                "select day, counter, max_value from license_usage_daily where license_id = ? and counter <> '*' "
                        + "and day >= ? and max_value is not null",
                rs -> {
                    history.computeIfAbsent(rs.getString("counter"), c -> new TreeMap<>())
                            .merge(rs.getObject("day", LocalDate.class), rs.getLong("max_value"), Math::max);
                },
                licenseId,
                from);
        jdbc.query(
                "select date(received_at) as day, usage_json from license_heartbeat where license_id = ? "
                        + "and received_at >= ? and usage_json is not null",
                rs -> {
                    LocalDate day = rs.getObject("day", LocalDate.class);
                    @SuppressWarnings("unchecked")
                    Map<String, Object> usage = json.readValue(rs.getString("usage_json"), Map.class);
                    usage.forEach((counter, value) -> history.computeIfAbsent(counter, c -> new TreeMap<>())
                            .merge(day, value instanceof Number n ? n.longValue() : 0L, Math::max));
                },
                licenseId,
                Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant()));
        return history;
    }

    /** Heartbeats per day of a license since {@code from} (raw data for recent days, roll-ups for older). */
    List<DailyUsage> daily(long licenseId, LocalDate from) {
        List<DailyUsage> days = new ArrayList<>(jdbc.query(
                "select day, heartbeats, devices from license_usage_daily where license_id = ? and counter = '*' "
                        + "and day >= ? order by day",
                Rows.mapper(DailyUsage.class),
                licenseId,
                from));
        days.addAll(jdbc.query(
                "select date(received_at) as day, count(*) as heartbeats, count(distinct activation_id) as devices "
                        + "from license_heartbeat where license_id = ? and received_at >= ? "
                        + "group by date(received_at) order by day",
                Rows.mapper(DailyUsage.class),
                licenseId,
                Timestamp.from(from.atStartOfDay(ZoneOffset.UTC).toInstant())));
        return days;
    }

    /** The latest heartbeats of a license, newest first. */
    List<HeartbeatRow> latest(long licenseId, int limit) {
        return jdbc.query(
                "select received_at as at, activation_id, app_version, usage_json from license_heartbeat "
                        + "where license_id = ? order by received_at desc limit ?",
                Rows.mapper(HeartbeatRow.class),
                licenseId,
                limit);
    }

    // ---- partitions -----------------------------------------------------------------------------------

    /** The month partitions that exist, oldest first (without the catch-all). */
    List<YearMonth> partitions() {
        List<String> names = jdbc.queryForList(
                "select partition_name from information_schema.partitions "
                        + "where table_schema = database() and table_name = 'license_heartbeat' "
                        + "and partition_name is not null order by partition_ordinal_position",
                String.class);
        List<YearMonth> months = new ArrayList<>();
        for (String name : names) {
            Matcher m = PARTITION.matcher(name);
            if (m.matches()) {
                months.add(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
            }
        }
        return months;
    }

    /**
     * Makes sure there is a partition for every month up to {@code lastMonth}, splitting them off the
     * catch-all partition (which is kept for rows beyond). Months before the oldest existing one are
     * not added: their rows live in the catch-all's predecessor ranges only if they existed then.
     */
    int ensureMonthsUntil(YearMonth firstMonth, YearMonth lastMonth) {
        List<YearMonth> existing = partitions();
        YearMonth next = existing.isEmpty() ? firstMonth : existing.getLast().plusMonths(1);
        int added = 0;
        while (!next.isAfter(lastMonth)) {
            LocalDate end = next.plusMonths(1).atDay(1);
            jdbc.execute("alter table license_heartbeat reorganize partition pmax into ("
                    + "partition " + NAME.format(next) + " values less than (to_days('" + end + "')), "
                    + "partition pmax values less than maxvalue)");
            log.info("Heartbeat partition {} created", NAME.format(next));
            next = next.plusMonths(1);
            added++;
        }
        return added;
    }

    /**
     * Rolls the month up into {@code license_usage_daily} (per license and day: heartbeats, devices, and
     * the highest value of each usage counter), then drops its partition.
     */
    void rollUpAndDrop(YearMonth month) {
        Timestamp from =
                Timestamp.from(month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        Timestamp to = Timestamp.from(
                month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        jdbc.update(
                "insert into license_usage_daily (license_id, day, counter, heartbeats, devices, max_value) "
                        + "select license_id, date(received_at), '*', count(*), count(distinct activation_id), null "
                        + "from license_heartbeat where received_at >= ? and received_at < ? group by license_id, date(received_at) "
                        + "on duplicate key update heartbeats = values(heartbeats), devices = values(devices)",
                from,
                to);
        rollUpCounters(from, to);
        jdbc.execute("alter table license_heartbeat drop partition " + NAME.format(month));
        log.info("Heartbeat partition {} rolled up and dropped", NAME.format(month));
    }

    /** Per-counter maxima: usage_json is a flat object {"name": number}; its keys are read in Java. */
    private void rollUpCounters(Timestamp from, Timestamp to) {
        record Row(long licenseId, LocalDate day, long activationId, String usage) {}
        Map<String, long[]> maxima = new HashMap<>();
        Map<String, Set<Long>> devices = new HashMap<>();
        jdbc.query(
                "select license_id, date(received_at) as day, activation_id, usage_json from license_heartbeat "
                        + "where received_at >= ? and received_at < ? and usage_json is not null",
                rs -> {
                    Row row = new Row(
                            rs.getLong("license_id"),
                            rs.getObject("day", LocalDate.class),
                            rs.getLong("activation_id"),
                            rs.getString("usage_json"));
                    @SuppressWarnings("unchecked")
                    Map<String, Object> usage = json.readValue(row.usage(), Map.class);
                    usage.forEach((counter, value) -> {
                        String key = row.licenseId() + "|" + row.day() + "|" + counter;
                        long v = value instanceof Number n ? n.longValue() : 0;
                        maxima.merge(key, new long[] {1, v}, (a, b) -> new long[] {a[0] + 1, Math.max(a[1], b[1])});
                        devices.computeIfAbsent(key, k -> new HashSet<>()).add(row.activationId());
                    });
                },
                from,
                to);
        maxima.forEach((key, counts) -> {
            String[] parts = key.split("\\|", 3);
            jdbc.update(
                    "insert into license_usage_daily (license_id, day, counter, heartbeats, devices, max_value) "
                            + "values (?, ?, ?, ?, ?, ?) on duplicate key update heartbeats = values(heartbeats), "
                            + "devices = values(devices), max_value = values(max_value)",
                    Long.parseLong(parts[0]),
                    LocalDate.parse(parts[1]),
                    parts[2],
                    (int) counts[0],
                    devices.get(key).size(),
                    counts[1]);
        });
    }

    record HeartbeatRow(Instant at, long activationId, String appVersion, String usageJson) {}
}
