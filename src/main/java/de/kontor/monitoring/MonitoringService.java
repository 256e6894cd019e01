package de.kontor.monitoring;

import de.kontor.agent.Inventory;
import de.kontor.agent.MetricNames;
import de.kontor.agent.Protocol;
import de.kontor.agent.Protocol.CommandKey;
import de.kontor.agent.Protocol.CommandResult;
import de.kontor.agent.Protocol.Report;
import de.kontor.agent.Protocol.Settings;
import de.kontor.agent.Protocol.TerminalAck;
import de.kontor.agent.Protocol.TerminalClosed;
import de.kontor.agent.Protocol.TerminalInput;
import de.kontor.agent.Protocol.TerminalOutput;
import de.kontor.base.CurrentUser;
import de.kontor.base.audit.AuditService;
import de.kontor.base.error.DomainException;
import de.kontor.base.export.ExportFormat;
import de.kontor.monitoring.AlertModel.Alert;
import de.kontor.monitoring.AlertModel.AlertFilter;
import de.kontor.monitoring.AlertModel.Channel;
import de.kontor.monitoring.AlertModel.ChannelDefinition;
import de.kontor.monitoring.AlertModel.Delivery;
import de.kontor.monitoring.AlertModel.Evaluation;
import de.kontor.monitoring.AlertModel.Rule;
import de.kontor.monitoring.AlertModel.RuleDefinition;
import de.kontor.monitoring.AlertModel.Silence;
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
import de.kontor.monitoring.OperationsModel.ActionRequest;
import de.kontor.monitoring.OperationsModel.ActionStatus;
import de.kontor.monitoring.OperationsModel.NodeCapabilities;
import de.kontor.monitoring.ReportModel.NodeStats;
import de.kontor.monitoring.ReportModel.ReportFile;
import de.kontor.monitoring.ReportModel.WeeklyReportRun;
import de.kontor.security.UserService;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The monitoring module's front: nodes and their tokens, the agents' reports, series for charts,
 * rollups and partitions (for the scheduler), Prometheus federation and scrape tokens, alert rules, alerts,
 * silences and notification channels (worked by {@link Alerting}), dashboard charts and reports, server
 * operations through the agents (worked by {@link Operations}). Each
 * writing method is one transaction, with its audit entry where an admin changed something.
 *
 * <p>Why this class is long: it is the module's one public entry point, so every operation the views, the
 * REST controllers and the scheduler need has its transactional method here; each is a few lines that
 * delegate to the package-private class doing the work.
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
    private final Reports reports;
    private final WeeklyReports weeklyReports;
    private final AuditService audit;
    private final MonitoringProperties properties;
    private final JsonMapper json;
    private final Clock clock;
    private final Alerting alerting;
    private final ZoneId zone;
    private final Operations operations;
    private final CommandSigner commandSigner;
    private final CommandSignals signals;
    private final UserService users;
    private final TransactionTemplate transactions;
    private final Terminals terminals;

    MonitoringService(
            Nodes nodes,
            Ingest ingest,
            SeriesReader series,
            Rollups rollups,
            Partitions partitions,
            ScrapeTokens scrapeTokens,
            Reports reports,
            WeeklyReports weeklyReports,
            AuditService audit,
            MonitoringProperties properties,
            JsonMapper json,
            Clock clock,
            Alerting alerting,
            ZoneId zone,
            Operations operations,
            CommandSigner commandSigner,
            CommandSignals signals,
            UserService users,
            TransactionTemplate transactions,
            Terminals terminals) {
        this.nodes = nodes;
        this.ingest = ingest;
        this.series = series;
        this.rollups = rollups;
        this.partitions = partitions;
        this.scrapeTokens = scrapeTokens;
        this.reports = reports;
        this.weeklyReports = weeklyReports;
        this.audit = audit;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.alerting = alerting;
        this.zone = zone;
        this.operations = operations;
        this.commandSigner = commandSigner;
        this.signals = signals;
        this.users = users;
        this.transactions = transactions;
        this.terminals = terminals;
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
        return new Protocol.Answer(stored.accepted(), settings(), operations.hasPending(nodeId) ? 1 : 0);
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

    // ---- server operations through the agent (the work is done by Operations) ------------------

    /** What the node's owner allows Kontor to do there, as its agent reported. */
    @Transactional(readOnly = true)
    public NodeCapabilities nodeCapabilities(long nodeId) {
        nodes.get(nodeId);
        return operations.capabilities(nodeId);
    }

    /**
     * Asks the node's agent to run an action. Admins only, with a second-factor confirmation from the last
     * ten minutes (else 403 {@code STEP_UP_REQUIRED}); a reason for destructive actions; refused with 409
     * {@code CAPABILITY_NOT_ALLOWED} when the node does not allow the capability, 429 past the node's limit.
     */
    @Transactional
    public ActionStatus requestAction(long nodeId, ActionRequest request) {
        requireAdmin();
        users.requireStepUp();
        return request(nodeId, request);
    }

    /**
     * A read-only action (a listing, a status, log lines): admins only, no second-factor confirmation,
     * since it changes nothing; audited like every other action.
     */
    @Transactional
    public ActionStatus requestReading(
            long nodeId, String capability, String action, String target, Map<String, String> arguments) {
        requireAdmin();
        if (OperationsModel.destructive(action)) {
            throw DomainException.invalidField("action", "ACTION_NOT_READ_ONLY", "monitoring.ops.notReadOnly", action);
        }
        return request(nodeId, new ActionRequest(capability, action, target, arguments, null));
    }

    private ActionStatus request(long nodeId, ActionRequest request) {
        return operations.request(
                nodes.get(nodeId), request, CurrentUser.username().orElseThrow());
    }

    @Transactional(readOnly = true)
    public ActionStatus action(long id) {
        requireAdmin();
        return actionStatus(id);
    }

    /** The action once it finished, or as it is after waiting {@code timeout} (outside a transaction). */
    public ActionStatus awaitAction(long id, Duration timeout) {
        requireAdmin();
        return signals.lookUntil(
                timeout,
                () -> actionStatus(id),
                status -> status.state().finished(),
                status -> Operations.RESULT_TOPIC + status.nodeId());
    }

    /** How long listings wait for the agent. */
    public Duration listingWait() {
        return properties.operations().listingWait();
    }

    /** Kontor's command key and the node's id, for the agent to pin. */
    @Transactional(readOnly = true)
    public CommandKey commandKey(long nodeId) {
        nodes.get(nodeId);
        CommandSigner.Keys keys = commandSigner.keys();
        return new CommandKey(nodeId, keys.keyId(), keys.publicKey());
    }

    /** The node's signed commands, waiting up to {@code wait} for one to come (an agent's long poll). */
    public List<String> pendingCommands(long nodeId, Duration wait) {
        return signals.lookUntil(
                wait,
                () -> {
                    List<String> claimed = transactions.execute(status -> operations.claim(nodeId));
                    return claimed == null ? List.<String>of() : claimed;
                },
                claimed -> !claimed.isEmpty(),
                claimed -> Operations.NODE_TOPIC + nodeId);
    }

    /** The agent's result of a command it was sent; 409 when the node has no such command running. */
    @Transactional
    public void commandResult(long nodeId, long commandId, CommandResult result) {
        NodeRow node = nodes.get(nodeId);
        if (!operations.complete(nodeId, commandId, result, node.name())) {
            throw DomainException.conflict("COMMAND_NOT_RUNNING", "monitoring.ops.commandNotRunning", commandId);
        }
    }

    /**
     * Opens a terminal on the node whose output streams to the listener: admins only, with a second-factor
     * confirmation from the last ten minutes and a reason, like every change; waits until the node's agent
     * opened the shell (409 {@code TERMINAL_NOT_OPENED} when it did not). When the session ends, what was
     * typed goes into the audit log.
     */
    public TerminalConnection openTerminal(
            long nodeId, int columns, int rows, String reason, TerminalConnection.Listener listener) {
        requireAdmin();
        users.requireStepUp();
        return terminals.open(
                nodeId, columns, rows, reason, CurrentUser.username().orElseThrow(), listener);
    }

    /** Keystrokes and resizes for a terminal stream of the node (an agent's long poll, outside a transaction). */
    public TerminalInput terminalInput(long nodeId, String stream, long after, Duration wait) {
        return terminals.input(nodeId, stream, after, wait);
    }

    /** A chunk of a terminal stream's output from the node's agent. */
    public TerminalAck terminalOutput(long nodeId, String stream, TerminalOutput output) {
        return terminals.output(nodeId, stream, output);
    }

    /** The node's agent ended a terminal session: what was typed goes into the audit log. */
    @Transactional
    public void terminalClosed(long nodeId, String stream, TerminalClosed closed) {
        terminals.closed(nodeId, stream, closed);
    }

    private ActionStatus actionStatus(long id) {
        return operations
                .get(id)
                .orElseThrow(() -> DomainException.notFound("ACTION_NOT_FOUND", "monitoring.ops.actionNotFound", id));
    }

    private static void requireAdmin() {
        if (!CurrentUser.hasRole("ADMIN")) {
            throw new DomainException(403, "ADMIN_REQUIRED", "monitoring.ops.adminOnly");
        }
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

    // ---- alerts (the work is done by Alerting and the classes behind it) ---------------------

    /**
     * Adds the shipped alert rules that were never added (a deleted one stays deleted); one node at a time, each
     * in a transaction of its own.
     */
    public int installDefaultAlertRules() {
        return alerting.installDefaultRules();
    }

    @Transactional(readOnly = true)
    public List<Rule> alertRules() {
        return alerting.rules();
    }

    @Transactional(readOnly = true)
    public Rule alertRule(long id) {
        return alerting.rule(id);
    }

    @Transactional
    public Rule createAlertRule(RuleDefinition definition) {
        return alerting.createRule(definition);
    }

    @Transactional
    public Rule updateAlertRule(long id, RuleDefinition definition) {
        return alerting.updateRule(id, definition);
    }

    /** Archives the rule; its alerts stay in the history, open ones end with the next evaluation. */
    @Transactional
    public void deleteAlertRule(long id) {
        alerting.deleteRule(id);
    }

    @Transactional(readOnly = true)
    public List<Channel> channels() {
        return alerting.channels();
    }

    @Transactional(readOnly = true)
    public Channel channel(long id) {
        return alerting.channel(id);
    }

    @Transactional
    public Channel createChannel(ChannelDefinition definition) {
        return alerting.createChannel(definition);
    }

    @Transactional
    public Channel updateChannel(long id, ChannelDefinition definition) {
        return alerting.updateChannel(id, definition);
    }

    @Transactional
    public void deleteChannel(long id) {
        alerting.deleteChannel(id);
    }

    /** Sends a test notification through the channel now (outside a transaction: it calls out). */
    public Delivery testChannel(long id) {
        return alerting.testChannel(id);
    }

    @Transactional(readOnly = true)
    public Slice<Alert> alerts(AlertFilter filter, Pageable page) {
        return alerting.alerts(filter, page);
    }

    @Transactional(readOnly = true)
    public Alert alert(long id) {
        return alerting.alert(id);
    }

    /** No more reminders for this firing alert. */
    @Transactional
    public Alert acknowledgeAlert(long id) {
        return alerting.acknowledge(id);
    }

    /** A maintenance window for a node ({@code from} null: now): its alerts notify nobody meanwhile. */
    @Transactional
    public Silence silenceNode(long nodeId, @Nullable Instant from, Instant until, @Nullable String reason) {
        nodes.get(nodeId);
        return alerting.silence(nodeId, from, until, reason);
    }

    @Transactional
    public void endSilence(long id) {
        alerting.endSilence(id);
    }

    @Transactional(readOnly = true)
    public List<Silence> silences() {
        return alerting.silences();
    }

    @Transactional(readOnly = true)
    public Slice<Delivery> deliveries(@Nullable Long channelId, @Nullable Long alertId, Pageable page) {
        return alerting.deliveries(channelId, alertId, page);
    }

    /** Evaluates every alert rule once and delivers the notifications due (for the scheduler; idempotent). */
    public Evaluation evaluateAlerts() {
        return alerting.evaluate();
    }

    // ---- dashboard and reports -----------------------------------------------------------------

    /** A node's metric for a chart over the range: about 300 points, from the data that fits the range. */
    @Transactional(readOnly = true)
    public Series chart(long nodeId, String metric, Instant from, Instant to) {
        nodes.get(nodeId);
        if (!from.isBefore(to)) {
            throw DomainException.invalidField("from", "RANGE_EMPTY", "monitoring.series.rangeEmpty");
        }
        return reports.chart(nodeId, metric, from, to, clock.instant());
    }

    /** Per node, a metric's per-minute averages over a short recent range (raw samples), for sparklines. */
    @Transactional(readOnly = true)
    public Map<Long, List<MonitoringModel.Point>> sparklines(
            List<Long> nodeIds, String metric, Instant from, Instant to) {
        return reports.sparklines(nodeIds, metric, from, to);
    }

    /** The node's newest inventory: system facts, processes, ports, containers, failed services. */
    @Transactional(readOnly = true)
    public Optional<Inventory> inventory(long nodeId) {
        nodes.get(nodeId);
        return nodes.inventory(nodeId).map(text -> json.readValue(text, Inventory.class));
    }

    /** Refuses what {@link #report} would refuse (no nodes, too many, unknown ones, an odd period). */
    @Transactional(readOnly = true)
    public void checkReport(List<Long> nodeIds, Instant from, Instant to) {
        reports.check(nodeIds, from, to, clock.instant());
    }

    /** Avg / p95 / max of the headline metrics per node over the period. */
    @Transactional(readOnly = true)
    public List<NodeStats> reportStats(List<Long> nodeIds, Instant from, Instant to) {
        Instant now = clock.instant();
        return reports.stats(reports.check(nodeIds, from, to, now), from, to, now);
    }

    /**
     * A report over the chosen nodes and period (default: the 7 days up to now) as PDF (charts and
     * statistics), or its series as CSV or Excel.
     */
    @Transactional(readOnly = true)
    public ReportFile report(
            List<Long> nodeIds, @Nullable Instant from, @Nullable Instant to, ExportFormat format, Locale locale) {
        Instant now = clock.instant();
        Instant end = to == null ? now : to;
        Instant start = from == null ? end.minus(Duration.ofDays(7)) : from;
        return report(nodeIds, start, end, format, locale, now);
    }

    private ReportFile report(
            List<Long> nodeIds, Instant from, Instant to, ExportFormat format, Locale locale, Instant now) {
        List<NodeRow> rows = reports.check(nodeIds, from, to, now);
        byte[] content = switch (format) {
            case PDF -> reports.pdf(rows, from, to, now, locale, zone);
            case CSV, XLSX -> reports.series(rows, from, to, now, locale, zone, format);
        };
        String name = "monitoring-report-" + LocalDate.ofInstant(now, zone) + "." + format.extension();
        return new ReportFile(name, format.contentType(), content);
    }

    /** Whether the signed-in user gets the weekly report by e-mail. */
    @Transactional(readOnly = true)
    public boolean weeklyReportSubscribed() {
        return CurrentUser.username().map(weeklyReports::subscribed).orElse(false);
    }

    /** Where the signed-in user's weekly report would go; empty without an e-mail address. */
    @Transactional(readOnly = true)
    public Optional<String> weeklyReportAddress() {
        return CurrentUser.username().flatMap(weeklyReports::address);
    }

    /** The signed-in user opts in to (or out of) the weekly report by e-mail. */
    @Transactional
    public void subscribeWeeklyReport(boolean on) {
        String username = CurrentUser.username().orElseThrow();
        if (weeklyReports.subscribed(username) != on) {
            weeklyReports.subscribe(username, on, clock.instant());
            audit.record(
                    MODULE,
                    "WeeklyReport",
                    null,
                    on ? "SUBSCRIBE" : "UNSUBSCRIBE",
                    username + (on ? " gets" : " no longer gets") + " the weekly monitoring report");
        }
    }

    /**
     * Sends the previous week's report to every admin who opted in and has not had it yet (for the
     * scheduler; idempotent).
     */
    @Transactional
    public WeeklyReportRun sendWeeklyReports() {
        WeeklyReportRun run = weeklyReports.send(clock.instant());
        if (run.sent() > 0) {
            audit.record(
                    MODULE,
                    "WeeklyReport",
                    null,
                    "SEND",
                    "Weekly monitoring report from " + run.periodStart() + " sent to " + run.sent() + " admins");
        }
        return run;
    }
}
