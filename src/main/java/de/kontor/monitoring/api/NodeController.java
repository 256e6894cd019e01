package de.kontor.monitoring.api;

import de.kontor.agent.Inventory;
import de.kontor.agent.Inventory.Facts;
import de.kontor.agent.StorageFacts;
import de.kontor.base.api.AdminOnly;
import de.kontor.base.error.DomainException;
import de.kontor.monitoring.MonitoringModel.Aggregate;
import de.kontor.monitoring.MonitoringModel.HealthReason;
import de.kontor.monitoring.MonitoringModel.IssuedNodeToken;
import de.kontor.monitoring.MonitoringModel.IssuedScrapeToken;
import de.kontor.monitoring.MonitoringModel.NewNode;
import de.kontor.monitoring.MonitoringModel.NodeDetail;
import de.kontor.monitoring.MonitoringModel.NodeStatus;
import de.kontor.monitoring.MonitoringModel.NodeSummary;
import de.kontor.monitoring.MonitoringModel.ScrapeToken;
import de.kontor.monitoring.MonitoringModel.Series;
import de.kontor.monitoring.MonitoringService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Monitored nodes, their tokens and series; Prometheus scrape tokens. Admins only. */
@RestController
@RequestMapping("/api/monitoring")
@AdminOnly
@Tag(name = "Monitoring")
class NodeController {

    private final MonitoringService monitoring;
    private final JsonMapper json;

    NodeController(MonitoringService monitoring, JsonMapper json) {
        this.monitoring = monitoring;
        this.json = json;
    }

    record NodeRequest(@Nullable String name, @Nullable List<String> tags) {}

    record TokenResponse(long id, String name, String token) {
        static TokenResponse of(IssuedNodeToken t) {
            return new TokenResponse(t.nodeId(), t.name(), t.token());
        }
    }

    record NodeResponse(
            long id,
            String name,
            List<String> tags,
            NodeStatus status,
            @Nullable Instant lastSeenAt,
            @Nullable Double cpu,
            @Nullable Double memory,
            @Nullable Double disk,
            @Nullable Integer healthScore,
            List<HealthReason> healthReasons,
            boolean local) {
        static NodeResponse of(NodeSummary s) {
            return new NodeResponse(
                    s.id(),
                    s.name(),
                    s.tags(),
                    s.status(),
                    s.lastSeenAt(),
                    s.cpu(),
                    s.memory(),
                    s.disk(),
                    s.health().score(),
                    s.health().reasons(),
                    s.local());
        }
    }

    record NodeDetailResponse(
            long id,
            String name,
            List<String> tags,
            NodeStatus status,
            @Nullable Instant lastSeenAt,
            @Nullable Integer healthScore,
            List<HealthReason> healthReasons,
            boolean local,
            Instant createdAt,
            @Nullable String tokenPrefix,
            @Nullable String agentVersion,
            @Nullable String agentHostname,
            @Nullable String agentAddress,
            @Nullable Instant lastSampleAt,
            Map<String, Double> latest,
            @Nullable JsonNode inventory,
            @Nullable Instant inventoryAt) {}

    record SeriesResponse(String metric, String resolution, List<double[]> points) {}

    @Operation(summary = "Add a node; its token is in the answer, once")
    @PostMapping("/nodes")
    @ResponseStatus(HttpStatus.CREATED)
    TokenResponse add(@RequestBody NodeRequest request) {
        return TokenResponse.of(monitoring.addNode(new NewNode(
                request.name() == null ? "" : request.name(), request.tags() == null ? List.of() : request.tags())));
    }

    @Operation(summary = "Active nodes with status, newest CPU/memory/disk percent and health score")
    @GetMapping("/nodes")
    List<NodeResponse> list() {
        return monitoring.nodes().stream().map(NodeResponse::of).toList();
    }

    @Operation(summary = "A node with its newest values and inventory")
    @GetMapping("/nodes/{id}")
    NodeDetailResponse get(@PathVariable long id) {
        NodeDetail d = monitoring.node(id);
        NodeSummary s = d.summary();
        return new NodeDetailResponse(
                s.id(),
                s.name(),
                s.tags(),
                s.status(),
                s.lastSeenAt(),
                s.health().score(),
                s.health().reasons(),
                s.local(),
                d.createdAt(),
                d.tokenPrefix(),
                d.agentVersion(),
                d.agentHostname(),
                d.agentAddress(),
                d.lastSampleAt(),
                d.latest(),
                d.inventoryJson() == null ? null : json.readTree(d.inventoryJson()),
                d.inventoryAt());
    }

    /**
     * @param collectedAt when the agent read the storage facts (they are read every few minutes)
     */
    record FactsResponse(
            long nodeId,
            @Nullable Facts system,
            @Nullable StorageFacts storage,
            @Nullable Instant collectedAt) {}

    @Operation(
            summary = "A node's read-only facts: system, block devices, LVM, RAID, SMART health and cron jobs",
            description = "From the agent's newest inventory. A part the agent could not read (tool missing, no "
                    + "permission) is empty and named with the reason in storage.unavailable; storage is null "
                    + "while the node has sent no inventory or its agent does not read storage facts.")
    @GetMapping("/nodes/{id}/facts")
    FactsResponse facts(@PathVariable long id) {
        Optional<Inventory> inventory = monitoring.inventory(id);
        StorageFacts storage = inventory.map(Inventory::storage).orElse(null);
        return new FactsResponse(
                id,
                inventory.map(Inventory::facts).orElse(null),
                storage,
                storage == null ? null : Instant.ofEpochSecond(storage.at()));
    }

    @Operation(summary = "Archive a node: it leaves the lists and its token stops working")
    @DeleteMapping("/nodes/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void archive(@PathVariable long id) {
        monitoring.archiveNode(id);
    }

    @Operation(summary = "A new token for the node; the old one is refused from now on")
    @PostMapping("/nodes/{id}/token")
    TokenResponse rotate(@PathVariable long id) {
        return TokenResponse.of(monitoring.rotateToken(id));
    }

    @Operation(
            summary = "A metric of a node over time",
            description = "Points are [epochSeconds, value]. Up to 6 h within the raw retention come from raw "
                    + "samples, up to 7 days from per-minute rollups, longer ranges from per-hour rollups. "
                    + "Metric names: cpu, memory, swap, disk, load1, load5, load15, net.rx, net.tx, disk:<mount>, "
                    + "disk.free:<mount>, net.rx:<interface>, temp:<sensor>, ... (see docs/monitoring.md).")
    @GetMapping("/nodes/{id}/series")
    SeriesResponse series(
            @PathVariable long id,
            @RequestParam String metric,
            @Parameter(description = "ISO-8601 time or epoch seconds; default: an hour before 'to'")
                    @RequestParam(required = false)
                    @Nullable
                    String from,
            @Parameter(description = "ISO-8601 time or epoch seconds; default: now")
                    @RequestParam(required = false)
                    @Nullable
                    String to,
            @Parameter(description = "bucket size: seconds or 30s, 5m, 1h") @RequestParam(required = false) @Nullable
                    String step,
            @Parameter(description = "avg (default), min or max") @RequestParam(required = false) @Nullable
                    String agg) {
        Series s = monitoring.series(id, metric, time("from", from), time("to", to), step(step), aggregate(agg));
        return new SeriesResponse(
                s.metric(),
                s.resolution().name(),
                s.points().stream().map(p -> new double[] {p.at(), p.value()}).toList());
    }

    @Operation(summary = "Prometheus scrape tokens (not the tokens themselves)")
    @GetMapping("/scrape-tokens")
    List<ScrapeToken> scrapeTokens() {
        return monitoring.scrapeTokens();
    }

    record ScrapeTokenRequest(@Nullable String name) {}

    @Operation(summary = "A new scrape token for Prometheus; in the answer, once")
    @PostMapping("/scrape-tokens")
    @ResponseStatus(HttpStatus.CREATED)
    IssuedScrapeToken createScrapeToken(@RequestBody ScrapeTokenRequest request) {
        return monitoring.createScrapeToken(request.name() == null ? "" : request.name());
    }

    @Operation(summary = "Revoke a scrape token")
    @DeleteMapping("/scrape-tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revokeScrapeToken(@PathVariable long id) {
        monitoring.revokeScrapeToken(id);
    }

    private static @Nullable Instant time(String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return text.matches("\\d+") ? Instant.ofEpochSecond(Long.parseLong(text)) : Instant.parse(text);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw DomainException.invalidField(field, "TIME_INVALID", "monitoring.series.timeInvalid", text);
        }
    }

    private static @Nullable Duration step(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.matches("\\d+")) {
                return Duration.ofSeconds(Long.parseLong(t));
            }
            if (t.matches("\\d+[smhd]")) {
                long n = Long.parseLong(t.substring(0, t.length() - 1));
                return switch (t.charAt(t.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
            return Duration.parse(text.strip().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw DomainException.invalidField("step", "STEP_INVALID", "monitoring.series.stepInvalid");
        }
    }

    private static @Nullable Aggregate aggregate(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Aggregate.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalidField("agg", "AGGREGATE_INVALID", "monitoring.series.aggregateInvalid", text);
        }
    }
}
