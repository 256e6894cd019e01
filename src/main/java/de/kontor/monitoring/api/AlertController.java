package de.kontor.monitoring.api;

import de.kontor.base.api.AdminOnly;
import de.kontor.base.error.DomainException;
import de.kontor.monitoring.AlertModel.Alert;
import de.kontor.monitoring.AlertModel.AlertFilter;
import de.kontor.monitoring.AlertModel.AlertState;
import de.kontor.monitoring.AlertModel.Channel;
import de.kontor.monitoring.AlertModel.ChannelDefinition;
import de.kontor.monitoring.AlertModel.Delivery;
import de.kontor.monitoring.AlertModel.Rule;
import de.kontor.monitoring.AlertModel.RuleDefinition;
import de.kontor.monitoring.AlertModel.Silence;
import de.kontor.monitoring.MonitoringService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Alert rules, alerts (acknowledge, silence a node) and notification channels. Admins only. */
@RestController
@RequestMapping("/api/monitoring")
@AdminOnly
@Tag(name = "Monitoring alerts")
class AlertController {

    private final MonitoringService monitoring;

    AlertController(MonitoringService monitoring) {
        this.monitoring = monitoring;
    }

    record RuleResponse(
            long id,
            String name,
            String metric,
            String operator,
            double threshold,
            int forSeconds,
            @Nullable List<Long> nodeIds,
            @Nullable String tag,
            String severity,
            List<Long> channelIds,
            boolean enabled,
            @Nullable String builtin) {
        static RuleResponse of(Rule r) {
            return new RuleResponse(
                    r.id(),
                    r.name(),
                    r.metric(),
                    r.operator().symbol(),
                    r.threshold(),
                    r.forSeconds(),
                    r.nodeIds().isEmpty() ? null : r.nodeIds(),
                    r.tag(),
                    r.severity().name(),
                    r.channelIds(),
                    r.enabled(),
                    r.builtin());
        }
    }

    record AlertResponse(
            long id,
            String state,
            String severity,
            long ruleId,
            String rule,
            long nodeId,
            String node,
            String metric,
            String operator,
            double threshold,
            @Nullable Double value,
            Instant startedAt,
            @Nullable Instant firedAt,
            @Nullable Instant resolvedAt,
            @Nullable Instant acknowledgedAt,
            @Nullable String acknowledgedBy,
            boolean silenced) {
        static AlertResponse of(Alert a) {
            return new AlertResponse(
                    a.id(),
                    a.state().name(),
                    a.severity().name(),
                    a.ruleId(),
                    a.ruleName(),
                    a.nodeId(),
                    a.nodeName(),
                    a.metric(),
                    a.operator().symbol(),
                    a.threshold(),
                    a.value(),
                    a.startedAt(),
                    a.firedAt(),
                    a.resolvedAt(),
                    a.acknowledgedAt(),
                    a.acknowledgedBy(),
                    a.silenced());
        }
    }

    // ---- rules ---------------------------------------------------------------------------------

    @Operation(
            summary = "Alert rules",
            description = "metric: a metric name (cpu, memory, disk, disk:/var, load1, kontor.database, ...), a "
                    + "family with a wildcard (disk:* = every filesystem on its own) or a node state "
                    + "(node.unreachable, services.failed, containers.exited). operator: > >= < <= == !=. "
                    + "Scope: nodeIds, else the nodes with tag, else all nodes. severity: INFO, WARNING, CRITICAL.")
    @GetMapping("/rules")
    List<RuleResponse> rules() {
        return monitoring.alertRules().stream().map(RuleResponse::of).toList();
    }

    @Operation(summary = "Add an alert rule")
    @PostMapping("/rules")
    @ResponseStatus(HttpStatus.CREATED)
    RuleResponse createRule(@RequestBody RuleDefinition rule) {
        return RuleResponse.of(monitoring.createAlertRule(rule));
    }

    @Operation(summary = "Change an alert rule (the whole definition)")
    @PutMapping("/rules/{id}")
    RuleResponse updateRule(@PathVariable long id, @RequestBody RuleDefinition rule) {
        return RuleResponse.of(monitoring.updateAlertRule(id, rule));
    }

    @Operation(summary = "Delete an alert rule; its alerts stay in the history")
    @DeleteMapping("/rules/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteRule(@PathVariable long id) {
        monitoring.deleteAlertRule(id);
    }

    // ---- alerts --------------------------------------------------------------------------------

    @Operation(summary = "Alerts, newest first: firing ones (default), resolved ones, or all")
    @GetMapping("/alerts")
    List<AlertResponse> alerts(
            @Parameter(description = "FIRING (default), RESOLVED, PENDING or ALL")
                    @RequestParam(required = false)
                    @Nullable
                    String state,
            @RequestParam(required = false) @Nullable Long nodeId,
            @RequestParam(required = false) @Nullable Long ruleId,
            @Parameter(description = "started at or after: ISO-8601 time or epoch seconds")
                    @RequestParam(required = false)
                    @Nullable
                    String from,
            @Parameter(description = "started before: ISO-8601 time or epoch seconds")
                    @RequestParam(required = false)
                    @Nullable
                    String to,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        AlertFilter filter = new AlertFilter(
                states(state), nodeId, ruleId, TimeParams.time("from", from), TimeParams.time("to", to));
        return monitoring.alerts(filter, PageRequest.of(page, size)).stream()
                .map(AlertResponse::of)
                .toList();
    }

    @Operation(summary = "Acknowledge a firing alert: no reminders from now on")
    @PostMapping("/alerts/{id}/ack")
    AlertResponse acknowledge(@PathVariable long id) {
        return AlertResponse.of(monitoring.acknowledgeAlert(id));
    }

    record SilenceRequest(
            @Nullable String from,
            @Nullable String until,
            @Nullable String reason) {}

    @Operation(summary = "Silence a node (a maintenance window): its alerts notify nobody until then")
    @PostMapping("/nodes/{id}/silences")
    @ResponseStatus(HttpStatus.CREATED)
    Silence silence(@PathVariable long id, @RequestBody SilenceRequest request) {
        Instant until = TimeParams.time("until", request.until());
        if (until == null) {
            throw DomainException.invalidField("until", "TIME_INVALID", "monitoring.series.timeInvalid", "");
        }
        return monitoring.silenceNode(id, TimeParams.time("from", request.from()), until, request.reason());
    }

    @Operation(summary = "Current and coming silences")
    @GetMapping("/silences")
    List<Silence> silences() {
        return monitoring.silences();
    }

    @Operation(summary = "End a silence now")
    @DeleteMapping("/silences/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void endSilence(@PathVariable long id) {
        monitoring.endSilence(id);
    }

    // ---- channels ------------------------------------------------------------------------------

    @Operation(
            summary = "Notification channels",
            description = "target is never returned: targetHint shows the addresses or a URL's scheme and host.")
    @GetMapping("/channels")
    List<Channel> channels() {
        return monitoring.channels();
    }

    @Operation(
            summary = "Add a channel",
            description = "type EMAIL (target: addresses separated by commas) or WEBHOOK (target: the URL; format "
                    + "GENERIC, SLACK, TEAMS, NTFY, GOTIFY or TEMPLATE with template: a body with {{title}}, "
                    + "{{text}}, {{severity}}, {{node}}, {{rule}}, {{metric}}, {{value}}, {{threshold}}, ...)")
    @PostMapping("/channels")
    @ResponseStatus(HttpStatus.CREATED)
    Channel createChannel(@RequestBody ChannelDefinition channel) {
        return monitoring.createChannel(channel);
    }

    @Operation(summary = "Change a channel; a missing or blank target keeps the stored one")
    @PutMapping("/channels/{id}")
    Channel updateChannel(@PathVariable long id, @RequestBody ChannelDefinition channel) {
        return monitoring.updateChannel(id, channel);
    }

    @Operation(summary = "Delete a channel; rules stop using it, its deliveries stay visible")
    @DeleteMapping("/channels/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteChannel(@PathVariable long id) {
        monitoring.deleteChannel(id);
    }

    @Operation(summary = "Send a test notification now; the answer is the delivery with its state and error")
    @PostMapping("/channels/{id}/test")
    Delivery test(@PathVariable long id) {
        return monitoring.testChannel(id);
    }

    @Operation(summary = "Deliveries of notifications, newest first, with their state (of one channel or alert)")
    @GetMapping("/deliveries")
    List<Delivery> deliveries(
            @RequestParam(required = false) @Nullable Long channelId,
            @RequestParam(required = false) @Nullable Long alertId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        return monitoring
                .deliveries(channelId, alertId, PageRequest.of(page, size))
                .getContent();
    }

    private static Set<AlertState> states(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return Set.of(AlertState.FIRING);
        }
        String s = text.strip().toUpperCase(Locale.ROOT);
        if (s.equals("ALL")) {
            return Set.of();
        }
        try {
            return Set.of(AlertState.valueOf(s));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalidField("state", "STATE_INVALID", "monitoring.alert.stateInvalid", text);
        }
    }
}
