package de.kontor.monitoring;

import de.kontor.agent.MetricNames;
import de.kontor.agent.Protocol;
import de.kontor.agent.Protocol.Report;
import de.kontor.agent.Protocol.Settings;
import de.kontor.base.CurrentUser;
import de.kontor.base.audit.AuditService;
import de.kontor.base.error.DomainException;
import de.kontor.monitoring.MonitoringModel.Aggregate;
import de.kontor.monitoring.MonitoringModel.Health;
import de.kontor.monitoring.MonitoringModel.Ingested;
import de.kontor.monitoring.MonitoringModel.IssuedNodeToken;
import de.kontor.monitoring.MonitoringModel.IssuedScrapeToken;
import de.kontor.monitoring.MonitoringModel.NewNode;
import de.kontor.monitoring.MonitoringModel.NodeDetail;
import de.kontor.monitoring.MonitoringModel.NodeStatus;
import de.kontor.monitoring.MonitoringModel.NodeSummary;
import de.kontor.monitoring.MonitoringModel.ScrapeToken;
import de.kontor.monitoring.MonitoringModel.Series;
import de.kontor.monitoring.Nodes.NodeRow;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The monitoring module's front: nodes and their tokens, the agents' reports, series for charts,
 * rollups and partitions (for the scheduler), Prometheus federation and scrape tokens. Each writing
 * method is one transaction, with its audit entry where an admin changed something.
 */
@Service
public class MonitoringService {

    static final String MODULE = "monitoring";

    private final Nodes nodes;
    private final Ingest ingest;
    private final SeriesReader series;
    private final Rollups rollups;
    private final Partitions partitions;
    private final ScrapeTokens scrapeTokens;
    private final AuditService audit;
    private final MonitoringProperties properties;
    private final JsonMapper json;
    private final Clock clock;

    MonitoringService(
            Nodes nodes,
            Ingest ingest,
            SeriesReader series,
            Rollups rollups,
            Partitions partitions,
            ScrapeTokens scrapeTokens,
            AuditService audit,
            MonitoringProperties properties,
            JsonMapper json,
            Clock clock) {
        this.nodes = nodes;
        this.ingest = ingest;
        this.series = series;
        this.rollups = rollups;
        this.partitions = partitions;
        this.scrapeTokens = scrapeTokens;
        this.audit = audit;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
    }

    // ---- nodes ---------------------------------------------------------------------------------

    /** A new node and its token, shown once. */
    @Transactional
    public IssuedNodeToken addNode(NewNode node) {
        IssuedNodeToken issued =
                nodes.create(node.name(), node.tags() == null ? List.of() : node.tags(), clock.instant());
        audit.record(MODULE, "Node", issued.nodeId(), "CREATE", "Node " + issued.name() + " added");
        return issued;
    }

    /** A new token for the node; the old one is refused from now on. */
    @Transactional
    public IssuedNodeToken rotateToken(long id) {
        NodeRow node = nodes.lock(id);
        if (node.localHost() != null) {
            throw DomainException.conflict("NODE_IS_LOCAL", "monitoring.node.local");
        }
        IssuedNodeToken issued = nodes.issueToken(id, node.name());
        audit.record(MODULE, "Node", id, "ROTATE_TOKEN", "Token of node " + node.name() + " replaced");
        return issued;
    }

    /** Removes a node from the lists; its token stops working, its history stays until retention. */
    @Transactional
    public void archiveNode(long id) {
        NodeRow node = nodes.lock(id);
        nodes.archive(id, clock.instant());
        audit.record(MODULE, "Node", id, "ARCHIVE", "Node " + node.name() + " archived");
    }

    @Transactional(readOnly = true)
    public List<NodeSummary> nodes() {
        List<NodeRow> rows = nodes.active();
        Map<Long, List<String>> tags = nodes.tags(rows.stream().map(NodeRow::id).toList());
        Instant now = clock.instant();
        List<NodeSummary> list = new ArrayList<>(rows.size());
        for (NodeRow row : rows) {
            list.add(summary(row, tags.getOrDefault(row.id(), List.of()), now, null));
        }
        return list;
    }

    @Transactional(readOnly = true)
    public NodeDetail node(long id) {
        NodeRow row = nodes.get(id);
        String inventory = nodes.inventory(id).orElse(null);
        NodeSummary summary =
                summary(row, nodes.tags(List.of(id)).getOrDefault(id, List.of()), clock.instant(), inventory);
        return new NodeDetail(
                summary,
                Times.instant(row.createdAt()),
                row.tokenPrefix(),
                row.agentVersion(),
                row.agentHostname(),
                row.agentAddress(),
                Times.instant(row.lastSampleAt()),
                latest(row),
                inventory,
                Times.instant(row.inventoryAt()));
    }

    private NodeSummary summary(NodeRow row, List<String> tags, Instant now, @Nullable String inventory) {
        NodeStatus status = status(row.lastSeenAt() == null ? null : Times.instant(row.lastSeenAt()), now);
        Map<String, Double> latest = latest(row);
        Health health = HealthScores.of(status, latest, failedUnits(inventory));
        return new NodeSummary(
                row.id(),
                row.name(),
                tags,
                status,
                Times.instant(row.lastSeenAt()),
                latest.get(MetricNames.CPU),
                latest.get(MetricNames.MEMORY),
                latest.get(MetricNames.DISK),
                health,
                row.localHost() != null);
    }

    NodeStatus status(@Nullable Instant lastSeen, Instant now) {
        if (lastSeen == null) {
            return NodeStatus.PENDING;
        }
        return Duration.between(lastSeen, now).compareTo(properties.unreachableAfter()) > 0
                ? NodeStatus.UNREACHABLE
                : NodeStatus.ONLINE;
    }

    private Map<String, Double> latest(NodeRow row) {
        Map<String, Double> values = new TreeMap<>();
        if (row.latestValues() != null) {
            JsonNode node = json.readTree(row.latestValues()).path("values");
            node.properties().forEach(e -> values.put(e.getKey(), e.getValue().asDouble()));
        }
        return values;
    }

    private int failedUnits(@Nullable String inventory) {
        if (inventory == null) {
            return 0;
        }
        JsonNode units = json.readTree(inventory).path("failedUnits");
        return units.isArray() ? units.size() : 0;
    }

    // ---- agents --------------------------------------------------------------------------------

    /** The node a token belongs to (active nodes only). */
    @Transactional(readOnly = true)
    public Optional<Long> authenticateNode(String token) {
        return nodes.byToken(token);
    }

    /** Stores an agent's report and answers with the agent's settings. */
    @Transactional
    public Protocol.Answer report(long nodeId, Report report, @Nullable String address) {
        if (report.samples() != null && report.samples().size() > properties.maxSamplesPerReport()) {
            throw new DomainException(
                    413, "TOO_MANY_SAMPLES", "monitoring.report.tooManySamples", properties.maxSamplesPerReport());
        }
        Ingested stored = ingest.ingest(nodeId, report, address, clock.instant());
        return new Protocol.Answer(stored.accepted(), settings(), 0);
    }

    /** What agents are told to do. */
    public Settings settings() {
        Duration interval = properties.agentInterval();
        return new Settings(
                interval == null ? null : (int) interval.toSeconds(),
                (int) properties.inventoryInterval().toSeconds(),
                properties.maxSamplesPerReport());
    }

    /** Kontor's own server: its node (created on first use) and the in-process report. */
    @Transactional
    long ingestLocal(String host, Report report) {
        long id = nodes.local(host, clock.instant());
        ingest.ingest(id, report, null, clock.instant());
        return id;
    }

    // ---- series --------------------------------------------------------------------------------

    /**
     * A node's metric over a time range, from raw samples, minute or hour rollups depending on the
     * range; with a step, averaged (or min/max) into buckets of that size.
     */
    @Transactional(readOnly = true)
    public Series series(
            long nodeId,
            String metric,
            @Nullable Instant from,
            @Nullable Instant to,
            @Nullable Duration step,
            @Nullable Aggregate aggregate) {
        nodes.get(nodeId);
        Instant now = clock.instant();
        Instant end = to == null ? now : to;
        Instant start = from == null ? end.minus(Duration.ofHours(1)) : from;
        if (!start.isBefore(end)) {
            throw DomainException.invalidField("from", "RANGE_EMPTY", "monitoring.series.rangeEmpty");
        }
        if (step != null && (step.isNegative() || step.isZero())) {
            throw DomainException.invalidField("step", "STEP_INVALID", "monitoring.series.stepInvalid");
        }
        return series.read(
                ingest.seriesId(nodeId, metric),
                metric,
                start,
                end,
                step,
                aggregate == null ? Aggregate.AVG : aggregate,
                now);
    }

    // ---- background work ---------------------------------------------------------------------

    /** Computes minute and hour rollups from where the last run stopped (idempotent). */
    @Transactional
    public void rollUp() {
        rollups.run(clock.instant());
    }

    /** Creates the coming partitions and drops those past their retention (DDL: not transactional). */
    public void maintainPartitions() {
        partitions.maintain(clock.instant());
    }

    // ---- Prometheus ----------------------------------------------------------------------------

    /** Every active node's newest values in Prometheus' text format. */
    @Transactional(readOnly = true)
    public String federate() {
        Instant now = clock.instant();
        List<Federation.NodeValues> values = new ArrayList<>();
        for (NodeRow row : nodes.active()) {
            NodeStatus status = status(Times.instant(row.lastSeenAt()), now);
            Map<String, Double> latest = latest(row);
            values.add(new Federation.NodeValues(
                    row.id(),
                    row.name(),
                    status,
                    row.lastSeenAt() == null
                            ? 0
                            : Times.instant(row.lastSeenAt()).getEpochSecond(),
                    row.lastSampleAt() == null
                            ? 0
                            : Times.instant(row.lastSampleAt()).getEpochSecond(),
                    latest,
                    HealthScores.of(status, latest, 0).score()));
        }
        return Federation.render(values);
    }

    @Transactional
    public IssuedScrapeToken createScrapeToken(String name) {
        IssuedScrapeToken issued =
                scrapeTokens.create(name, CurrentUser.username().orElse(AuditService.SYSTEM_USER), clock.instant());
        audit.record(
                MODULE, "ScrapeToken", issued.id(), "CREATE", "Prometheus scrape token " + issued.name() + " created");
        return issued;
    }

    @Transactional(readOnly = true)
    public List<ScrapeToken> scrapeTokens() {
        return scrapeTokens.active();
    }

    @Transactional
    public void revokeScrapeToken(long id) {
        ScrapeToken token = scrapeTokens
                .revoke(id, clock.instant())
                .orElseThrow(
                        () -> DomainException.notFound("SCRAPE_TOKEN_NOT_FOUND", "monitoring.scrape.notFound", id));
        audit.record(MODULE, "ScrapeToken", id, "REVOKE", "Prometheus scrape token " + token.name() + " revoked");
    }

    /** Whether a bearer token may scrape Prometheus metrics. */
    @Transactional
    public boolean acceptsScrapeToken(String token) {
        return scrapeTokens.accepts(token, clock.instant());
    }
}
