package de.kontor.monitoring;

import de.kontor.agent.Inventory;
import de.kontor.agent.Protocol.Report;
import de.kontor.agent.Sample;
import de.kontor.monitoring.MonitoringModel.Ingested;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stores a report: the samples as rows of (series, time, value) in multi-row inserts, the newest values
 * and the inventory on the node row. Times are the node's, shifted to Kontor's clock when the two
 * disagree by more than {@link #TOLERATED_SKEW}; samples outside the kept range are refused. A sample
 * sent again (a lost answer) is stored once. Samples older than what the rollups may have passed mark
 * the node for re-rolling.
 */
@Component
class Ingest {

    static final Duration TOLERATED_SKEW = Duration.ofSeconds(10);
    /** Newer samples cannot be inside a window a concurrent rollup reads (it stops a minute back). */
    static final Duration LATE = Duration.ofSeconds(30);

    private static final int ROWS_PER_INSERT = 500;
    private static final int NAME_LENGTH = 200;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final MonitoringProperties properties;
    private final ApplicationEventPublisher events;
    /** Series ids by node and name; series rows are never deleted, so entries never go stale. */
    private final Map<Long, Map<String, Integer>> series = new ConcurrentHashMap<>();

    Ingest(JdbcClient jdbc, JsonMapper json, MonitoringProperties properties, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.json = json;
        this.properties = properties;
        this.events = events;
    }

    Ingested ingest(long nodeId, Report report, @Nullable String address, Instant now) {
        long offsetMillis = now.toEpochMilli() - report.sentAt();
        long shift = Math.abs(offsetMillis) >= TOLERATED_SKEW.toMillis() ? Math.round(offsetMillis / 1000.0) : 0;
        long oldest =
                now.minus(properties.rawRetention()).plus(Duration.ofHours(1)).getEpochSecond();
        long newest = now.plus(Duration.ofMinutes(5)).getEpochSecond();

        List<Object[]> rows = new ArrayList<>();
        int rejected = 0;
        long minAt = Long.MAX_VALUE;
        long maxAt = Long.MIN_VALUE;
        Map<String, Double> newestValues = Map.of();
        List<Sample> samples = report.samples() == null ? List.of() : report.samples();
        Map<String, Integer> ids = seriesIds(nodeId, samples);
        for (Sample sample : samples) {
            long at = sample.at() + shift;
            if (at < oldest || at > newest) {
                rejected++;
                continue;
            }
            LocalDateTime time = Times.utcSeconds(at);
            Map<String, Double> valid = new TreeMap<>();
            for (var e : sample.values().entrySet()) {
                Integer id = ids.get(e.getKey());
                Double value = e.getValue();
                if (id == null || value == null || !Double.isFinite(value)) {
                    continue;
                }
                rows.add(new Object[] {id, time, value});
                valid.put(e.getKey(), value);
            }
            minAt = Math.min(minAt, at);
            if (at >= maxAt) {
                maxAt = at;
                newestValues = valid;
            }
        }
        insert(rows);

        String latest =
                maxAt == Long.MIN_VALUE ? null : json.writeValueAsString(Map.of("at", maxAt, "values", newestValues));
        Inventory inventory = report.inventory();
        String inventoryJson = inventory == null ? null : json.writeValueAsString(inventory);
        LocalDateTime dirty =
                minAt != Long.MAX_VALUE && minAt < now.minus(LATE).getEpochSecond() ? Times.utcSeconds(minAt) : null;
        // latest_values is assigned before last_sample_at: MariaDB evaluates assignments left to right
        jdbc.sql("""
                        update monitoring_node set
                          last_seen_at = ?,
                          latest_values = if(? is not null and (last_sample_at is null or last_sample_at <= ?), ?, latest_values),
                          last_sample_at = if(? is null, last_sample_at, greatest(coalesce(last_sample_at, ?), ?)),
                          agent_version = coalesce(?, agent_version),
                          agent_hostname = coalesce(?, agent_hostname),
                          agent_address = coalesce(?, agent_address),
                          agent_capabilities = if(? is null, agent_capabilities, ?),
                          inventory = coalesce(?, inventory),
                          inventory_at = if(? is null, inventory_at, ?),
                          rollup_dirty_from = if(? is null, rollup_dirty_from, least(coalesce(rollup_dirty_from, ?), ?))
                        where id = ?""")
                .params(
                        Times.utc(now),
                        latest,
                        maxTime(maxAt),
                        latest,
                        maxTime(maxAt),
                        maxTime(maxAt),
                        maxTime(maxAt),
                        report.agent() == null ? null : report.agent().version(),
                        report.agent() == null ? null : report.agent().hostname(),
                        address,
                        capabilities(report),
                        capabilities(report),
                        inventoryJson,
                        inventoryJson,
                        Times.utc(now),
                        dirty,
                        dirty,
                        dirty,
                        nodeId)
                .update();
        events.publishEvent(new NodeReported(nodeId));
        return new Ingested(rows.size(), rejected);
    }

    private static @Nullable String capabilities(Report report) {
        if (report.agent() == null || report.agent().capabilities() == null) {
            return null;
        }
        return String.join(",", report.agent().capabilities());
    }

    private static @Nullable LocalDateTime maxTime(long maxAt) {
        return maxAt == Long.MIN_VALUE ? null : Times.utcSeconds(maxAt);
    }

    private void insert(List<Object[]> rows) {
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
            StringBuilder sql =
                    new StringBuilder("insert ignore into monitoring_sample (series_id, at, value) values ");
            List<Object> params = new ArrayList<>(chunk.size() * 3);
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "(?, ?, ?)" : ", (?, ?, ?)");
                params.add(chunk.get(i)[0]);
                params.add(chunk.get(i)[1]);
                params.add(chunk.get(i)[2]);
            }
            jdbc.sql(sql.toString()).params(params).update();
        }
    }

    /** The series ids of every valid name in the samples, creating the missing series. */
    private Map<String, Integer> seriesIds(long nodeId, List<Sample> samples) {
        Map<String, Integer> known = series.computeIfAbsent(nodeId, k -> new ConcurrentHashMap<>());
        Map<String, Integer> ids = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (Sample s : samples) {
            for (String name : s.values().keySet()) {
                if (ids.containsKey(name) || missing.contains(name) || !valid(name)) {
                    continue;
                }
                Integer id = known.get(name);
                if (id == null) {
                    missing.add(name);
                } else {
                    ids.put(name, id);
                }
            }
        }
        if (missing.isEmpty()) {
            return ids;
        }
        StringBuilder sql = new StringBuilder("insert ignore into monitoring_series (node_id, name) values ");
        List<Object> params = new ArrayList<>();
        for (int i = 0; i < missing.size(); i++) {
            sql.append(i == 0 ? "(?, ?)" : ", (?, ?)");
            params.add(nodeId);
            params.add(missing.get(i));
        }
        jdbc.sql(sql.toString()).params(params).update();
        record SeriesRow(int id, String name) {}
        Map<String, Integer> created = new HashMap<>();
        jdbc.sql("select id, name from monitoring_series where node_id = :node and name in (:names)")
                .param("node", nodeId)
                .param("names", missing)
                .query(SeriesRow.class)
                .list()
                .forEach(r -> created.put(r.name(), r.id()));
        ids.putAll(created);
        // remembered only once committed: a rolled-back insert must not leave ids of rows that do not exist
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    known.putAll(created);
                }
            });
        }
        return ids;
    }

    /** Series id of a node's metric, if the node ever reported it. */
    @Nullable
    Integer seriesId(long nodeId, String name) {
        Integer cached = series.getOrDefault(nodeId, Map.of()).get(name);
        if (cached != null) {
            return cached;
        }
        return jdbc.sql("select id from monitoring_series where node_id = ? and name = ?")
                .params(nodeId, name)
                .query(Integer.class)
                .optional()
                .orElse(null);
    }

    private static boolean valid(String name) {
        return !name.isEmpty() && name.length() <= NAME_LENGTH && name.chars().noneMatch(Character::isISOControl);
    }
}
