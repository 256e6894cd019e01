package de.kontor.monitoring;

import de.kontor.agent.MetricNames;
import de.kontor.monitoring.MonitoringModel.NodeStatus;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import org.jspecify.annotations.Nullable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The nodes' newest samples in Prometheus' text format, for a Prometheus (or VictoriaMetrics) that
 * federates from Kontor: one gauge family per metric ({@code kontor_node_cpu_percent{node="web-1",
 * node_id="3"}}), per-device metrics with a label for the device, each value with the time it was
 * measured. Also per node: {@code kontor_node_up}, {@code kontor_node_last_seen_timestamp_seconds} and
 * {@code kontor_node_health_score}.
 */
final class Federation {

    /** Prometheus name, help, and the label that carries the device part of the metric name. */
    record Family(String name, String help, String label) {}

    static final Map<String, Family> FAMILIES = new LinkedHashMap<>();

    static {
        family(MetricNames.CPU, "kontor_node_cpu_percent", "CPU busy, percent of all cores", "");
        family(MetricNames.LOAD1, "kontor_node_load1", "Load average over 1 minute", "");
        family(MetricNames.LOAD5, "kontor_node_load5", "Load average over 5 minutes", "");
        family(MetricNames.LOAD15, "kontor_node_load15", "Load average over 15 minutes", "");
        family(MetricNames.MEMORY, "kontor_node_memory_used_percent", "Memory in use, percent", "");
        family(MetricNames.SWAP, "kontor_node_swap_used_percent", "Swap in use, percent", "");
        family(
                MetricNames.DISK,
                "kontor_node_filesystem_max_used_percent",
                "Used percent of the fullest filesystem",
                "");
        family(MetricNames.DISK_USED, "kontor_node_filesystem_used_percent", "Filesystem used, percent", "mount");
        family(MetricNames.DISK_FREE, "kontor_node_filesystem_free_bytes", "Filesystem space free for users", "mount");
        family(
                MetricNames.DISK_INODES,
                "kontor_node_filesystem_inodes_used_percent",
                "Inodes in use, percent",
                "mount");
        family(MetricNames.DISK_READ, "kontor_node_disk_read_bytes_per_second", "Bytes read from disks", "");
        family(MetricNames.DISK_WRITE, "kontor_node_disk_written_bytes_per_second", "Bytes written to disks", "");
        family(
                MetricNames.NET_RX,
                "kontor_node_network_receive_bytes_per_second",
                "Bytes received, all interfaces",
                "");
        family(MetricNames.NET_TX, "kontor_node_network_transmit_bytes_per_second", "Bytes sent, all interfaces", "");
        family(MetricNames.NET_RX_IF, "kontor_node_interface_receive_bytes_per_second", "Bytes received", "interface");
        family(MetricNames.NET_TX_IF, "kontor_node_interface_transmit_bytes_per_second", "Bytes sent", "interface");
        family(
                MetricNames.NET_RX_ERRORS_IF,
                "kontor_node_interface_receive_errors_per_second",
                "Receive errors",
                "interface");
        family(
                MetricNames.NET_TX_ERRORS_IF,
                "kontor_node_interface_transmit_errors_per_second",
                "Transmit errors",
                "interface");
        family(MetricNames.UPTIME, "kontor_node_uptime_seconds", "Seconds since boot", "");
        family(MetricNames.PROCESSES, "kontor_node_processes", "Number of processes", "");
        family(MetricNames.TEMPERATURE, "kontor_node_temperature_celsius", "Temperature", "sensor");
        family(KontorChecks.DATABASE, "kontor_check_database_up", "Kontor's database answers (1) or not (0)", "");
        family(KontorChecks.DATABASE_MS, "kontor_check_database_latency_milliseconds", "Time of a trivial query", "");
        family(KontorChecks.LICENSE_API, "kontor_check_license_api_up", "The license client API answers", "");
        family(KontorChecks.SCHEDULER, "kontor_check_scheduler_up", "The scheduler runs", "");
        family(KontorChecks.DATA_DIR, "kontor_check_data_directory_used_percent", "Data directory's disk used", "");
        family(KontorChecks.DATA_DIR_FREE, "kontor_check_data_directory_free_bytes", "Data directory's disk free", "");
        family(KontorChecks.MAIL_FAILURES, "kontor_check_mail_failures", "E-mails that could not be sent", "");
        family(KontorChecks.BACKUP_FAILED, "kontor_check_backup_failed", "The last backup failed (1) or not (0)", "");
        family(KontorChecks.BACKUP_OVERDUE, "kontor_check_backup_overdue", "A scheduled backup is missing", "");
        family(KontorChecks.LICENSE_ANOMALIES, "kontor_check_license_anomalies", "Licenses flagged as anomalous", "");
    }

    private static void family(String metric, String name, String help, String label) {
        FAMILIES.put(metric, new Family(name, help, label));
    }

    private Federation() {}

    /** A node's newest values and when they were measured (epoch seconds). */
    record NodeValues(
            long id,
            String name,
            NodeStatus status,
            long lastSeenEpochSecond,
            long sampleEpochSecond,
            Map<String, Double> values,
            @Nullable Integer healthScore) {}

    static String render(List<NodeValues> nodes) {
        Map<String, GaugeSnapshot.Builder> gauges = new TreeMap<>();
        Map<String, Set<Labels>> seen = new TreeMap<>();
        for (NodeValues node : nodes) {
            Labels base = Labels.of("node", node.name(), "node_id", Long.toString(node.id()));
            add(
                    gauges,
                    seen,
                    "kontor_node_up",
                    "The node reported recently (1) or not (0)",
                    base,
                    node.status() == NodeStatus.ONLINE ? 1 : 0,
                    null);
            if (node.lastSeenEpochSecond() > 0) {
                add(
                        gauges,
                        seen,
                        "kontor_node_last_seen_timestamp_seconds",
                        "When the node last reported",
                        base,
                        node.lastSeenEpochSecond(),
                        null);
            }
            if (node.healthScore() != null) {
                add(gauges, seen, "kontor_node_health_score", "Health score 0-100", base, node.healthScore(), null);
            }
            for (var e : node.values().entrySet()) {
                String family = MetricNames.family(e.getKey());
                Family f = FAMILIES.get(family);
                Labels labels = base;
                String name;
                String help;
                if (f != null) {
                    name = f.name();
                    help = f.help();
                    if (!f.label().isEmpty()) {
                        labels = labels.add(f.label(), MetricNames.device(e.getKey()));
                    }
                } else {
                    name = "kontor_node_" + sanitize(family);
                    help = "Reported as " + family;
                    String device = MetricNames.device(e.getKey());
                    if (!device.isEmpty()) {
                        labels = labels.add("device", device);
                    }
                }
                add(gauges, seen, name, help, labels, e.getValue(), node.sampleEpochSecond() * 1000);
            }
        }
        List<MetricSnapshot> snapshots = new ArrayList<>();
        gauges.values().forEach(g -> snapshots.add(g.build()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PrometheusTextFormatWriter.create().write(out, new MetricSnapshots(snapshots));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void add(
            Map<String, GaugeSnapshot.Builder> gauges,
            Map<String, Set<Labels>> seen,
            String name,
            String help,
            Labels labels,
            double value,
            @Nullable Long timestampMillis) {
        if (!seen.computeIfAbsent(name, k -> new HashSet<>()).add(labels)) {
            return;
        }
        GaugeDataPointSnapshot.Builder point =
                GaugeDataPointSnapshot.builder().value(value).labels(labels);
        if (timestampMillis != null) {
            point.scrapeTimestampMillis(timestampMillis);
        }
        gauges.computeIfAbsent(name, n -> GaugeSnapshot.builder().name(n).help(help))
                .dataPoint(point.build());
    }

    /** A Prometheus-safe name part: letters, digits and underscores. */
    static String sanitize(String family) {
        String s = family.replaceAll("[^a-zA-Z0-9_]", "_").replaceAll("_+", "_");
        s = s.endsWith("_") ? s.substring(0, s.length() - 1) : s;
        return s.isEmpty() ? "unnamed" : s;
    }
}
