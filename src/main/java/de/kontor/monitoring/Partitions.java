package de.kontor.monitoring;

import de.kontor.base.db.DatabaseLocks;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the sample and rollup tables partitioned by time (MariaDB RANGE COLUMNS on {@code at}):
 * partitions for the coming days (or months) are split off the catch-all {@code pmax} ahead of time,
 * and partitions whose whole range is older than the retention are dropped, which frees their space
 * at once instead of deleting rows one by one. Raw samples and minute rollups have a partition per
 * day, hour rollups one per month.
 * <p>
 * Partition changes are DDL, which MariaDB commits by itself; a named database lock keeps two Kontor
 * instances from changing the same table at once.
 */
@Component
class Partitions {

    private static final Logger log = LoggerFactory.getLogger(Partitions.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'p'yyyyMMdd");
    static final String LOCK = "kontor_monitoring_partitions";
    private static final Duration LOCK_WAIT = Duration.ofSeconds(30);

    enum Width {
        DAY,
        MONTH
    }

    record Table(String name, Width width, Duration retention) {}

    record Partition(String partitionName, @Nullable String partitionDescription) {}

    /** What a run changed, by table. */
    record Change(String table, List<String> added, List<String> dropped) {}

    private final JdbcClient jdbc;
    private final DatabaseLocks locks;
    private final MonitoringProperties properties;

    Partitions(JdbcClient jdbc, DatabaseLocks locks, MonitoringProperties properties) {
        this.jdbc = jdbc;
        this.locks = locks;
        this.properties = properties;
    }

    List<Table> tables() {
        return List.of(
                new Table("monitoring_sample", Width.DAY, properties.rawRetention()),
                new Table("monitoring_rollup_minute", Width.DAY, properties.minuteRetention()),
                new Table("monitoring_rollup_hour", Width.MONTH, properties.hourRetention()));
    }

    /**
     * One run of the upkeep, or none when another Kontor instance held the lock for longer than {@code wait}: it
     * is doing the same work. The lock stays on one connection of its own from taking to release, so it cannot
     * be left behind on an idle pooled connection (which would make every other instance skip forever).
     */
    List<Change> maintain(Instant now) {
        return maintain(now, LOCK_WAIT);
    }

    List<Change> maintain(Instant now, Duration wait) {
        List<Change> changes = new ArrayList<>();
        boolean ran = locks.tryRun(LOCK, wait, () -> {
            for (Table table : tables()) {
                changes.add(maintain(table, now));
            }
        });
        if (!ran) {
            log.warn("Partition maintenance skipped: another Kontor instance is at it");
        }
        return changes;
    }

    /** One table's run: splits off the partitions due and drops the ones past the retention. */
    Change maintain(Table table, Instant now) {
        List<Partition> partitions = partitions(table.name());
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate first = start(today, table.width());
        LocalDate last =
                table.width() == Width.DAY ? today.plusDays(properties.partitionsAhead()) : first.plusMonths(1);
        LocalDate highest = null;
        for (Partition p : partitions) {
            LocalDate bound = bound(p);
            if (bound != null && (highest == null || bound.isAfter(highest))) {
                highest = bound;
            }
        }
        // partition "p<day>" holds the time before its bound, the start of the next day (or month)
        List<String> added = new ArrayList<>();
        List<String> definitions = new ArrayList<>();
        for (LocalDate start = highest == null ? first : highest;
                !start.isAfter(last);
                start = next(start, table.width())) {
            LocalDate bound = next(start, table.width());
            String name = NAME.format(start);
            definitions.add("partition " + name + " values less than ('" + bound + " 00:00:00')");
            added.add(name);
        }
        if (!definitions.isEmpty()) {
            jdbc.sql("alter table " + table.name() + " reorganize partition pmax into ("
                            + String.join(", ", definitions) + ", partition pmax values less than (maxvalue))")
                    .update();
        }
        LocalDateTime keepFrom = LocalDateTime.ofInstant(now.minus(table.retention()), ZoneOffset.UTC);
        List<String> dropped = new ArrayList<>();
        for (Partition p : partitions) {
            LocalDate bound = bound(p);
            if (bound != null && !bound.atStartOfDay().isAfter(keepFrom)) {
                dropped.add(p.partitionName());
            }
        }
        if (!dropped.isEmpty()) {
            jdbc.sql("alter table " + table.name() + " drop partition " + String.join(", ", dropped))
                    .update();
        }
        if (!added.isEmpty() || !dropped.isEmpty()) {
            log.info("Partitions of {}: added {}, dropped {}", table.name(), added, dropped);
        }
        return new Change(table.name(), added, dropped);
    }

    List<Partition> partitions(String table) {
        return jdbc.sql("select partition_name, partition_description from information_schema.partitions "
                        + "where table_schema = database() and table_name = ? order by partition_ordinal_position")
                .param(table)
                .query(Partition.class)
                .list();
    }

    /** The upper bound of a partition, or null for {@code pmax}. */
    static @Nullable LocalDate bound(Partition p) {
        String d = p.partitionDescription();
        if (d == null || d.equalsIgnoreCase("MAXVALUE")) {
            return null;
        }
        String date = d.replace("'", "").strip();
        return LocalDate.parse(date.substring(0, 10));
    }

    private static LocalDate start(LocalDate day, Width width) {
        return width == Width.DAY ? day : day.withDayOfMonth(1);
    }

    private static LocalDate next(LocalDate start, Width width) {
        return width == Width.DAY ? start.plusDays(1) : start.withDayOfMonth(1).plusMonths(1);
    }
}
