package de.kontor.monitoring;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the monitoring module answers with. */
public final class MonitoringModel {

    private MonitoringModel() {}

    public enum NodeStatus {
        /** Reported within the configured time. */
        ONLINE,
        /** Has reported before, but not within the configured time. */
        UNREACHABLE,
        /** Has never reported. */
        PENDING
    }

    /** A node in a list: status and the latest headline values. */
    public record NodeSummary(
            long id,
            String name,
            List<String> tags,
            NodeStatus status,
            @Nullable Instant lastSeenAt,
            @Nullable Double cpu,
            @Nullable Double memory,
            @Nullable Double disk,
            Health health,
            boolean local) {}

    /** A node with everything Kontor knows of it. */
    public record NodeDetail(
            NodeSummary summary,
            Instant createdAt,
            @Nullable String tokenPrefix,
            @Nullable String agentVersion,
            @Nullable String agentHostname,
            @Nullable String agentAddress,
            @Nullable Instant lastSampleAt,
            Map<String, Double> latest,
            @Nullable String inventoryJson,
            @Nullable Instant inventoryAt) {}

    /**
     * A score from 100 (nothing to worry about) down to 0 (unreachable), or null while a node has never
     * reported; each reason says what took points off.
     */
    public record Health(@Nullable Integer score, List<HealthReason> reasons) {}

    /**
     * @param code what is wrong, e.g. {@code CPU_HIGH}
     * @param metric the metric it was read from, if any
     * @param value the value that counted
     * @param penalty points taken off
     */
    public record HealthReason(
            String code, @Nullable String metric, @Nullable Double value, int penalty) {}

    /** A node token as issued: shown once. */
    public record IssuedNodeToken(long nodeId, String name, String token) {}

    public record NewNode(String name, List<String> tags) {}

    /** Which stored data a series was read from. */
    public enum Resolution {
        RAW,
        MINUTE,
        HOUR
    }

    public enum Aggregate {
        AVG,
        MIN,
        MAX
    }

    /** Points as epoch seconds and value, oldest first. */
    public record Series(String metric, Resolution resolution, List<Point> points) {}

    public record Point(long at, double value) {}

    public record ScrapeToken(
            long id,
            String name,
            String tokenPrefix,
            Instant createdAt,
            String createdBy,
            @Nullable Instant lastUsedAt) {}

    public record IssuedScrapeToken(long id, String name, String token) {}

    /** What an ingest stored. */
    public record Ingested(int accepted, int rejected) {}
}
