package de.kontor.monitoring;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.kontor.agent.Protocol.Command;
import de.kontor.agent.Protocol.CommandResult;
import de.kontor.base.audit.AuditChange;
import de.kontor.base.audit.AuditService;
import de.kontor.base.error.DomainException;
import de.kontor.monitoring.Nodes.NodeRow;
import de.kontor.monitoring.OperationsModel.ActionRequest;
import de.kontor.monitoring.OperationsModel.ActionState;
import de.kontor.monitoring.OperationsModel.ActionStatus;
import de.kontor.monitoring.OperationsModel.NodeCapabilities;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Commands for agents: checks and stores an admin's request, signs it, hands it to the node's agent when
 * it asks, and stores the result; each request and each result goes to the audit log (the output cut at a
 * limit). Callers hold the transaction.
 */
@Component
class Operations {

    static final String NODE_TOPIC = "node:";
    static final String RESULT_TOPIC = "result:";

    private static final Pattern ACTION = Pattern.compile("[a-z][a-z-]{0,39}");
    private static final int TARGET_MAX = 1000;
    private static final int ARGUMENTS_MAX = 8000;
    private static final int REASON_MAX = 500;
    private static final TypeReference<Map<String, String>> ARGUMENTS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final CommandSigner signer;
    private final CommandSignals signals;
    private final AuditService audit;
    private final OperationSettings settings;
    private final JsonMapper json;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Cache<Long, Bucket> buckets =
            Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10)).build();

    Operations(
            JdbcClient jdbc,
            CommandSigner signer,
            CommandSignals signals,
            AuditService audit,
            MonitoringProperties properties,
            JsonMapper json,
            Clock clock) {
        this.jdbc = jdbc;
        this.signer = signer;
        this.signals = signals;
        this.audit = audit;
        this.settings = properties.operations();
        this.json = json;
        this.clock = clock;
    }

    record CommandRow(
            long id,
            long nodeId,
            String capability,
            String action,
            String target,
            String arguments,
            @Nullable String reason,
            String requestedBy,
            String state,
            LocalDateTime createdAt,
            LocalDateTime expiresAt,
            @Nullable LocalDateTime finishedAt,
            @Nullable Integer exitCode,
            @Nullable String output,
            @Nullable String data,
            @Nullable String signed) {}

    private static final String COLUMNS = "id, node_id, capability, action, target, arguments, reason, requested_by, "
            + "state, created_at, expires_at, finished_at, exit_code, output, data, signed";

    NodeCapabilities capabilities(long nodeId) {
        String text = jdbc.sql("select agent_capabilities from monitoring_node where id = ?")
                .param(nodeId)
                .query(String.class)
                .optional()
                .orElse(null);
        List<String> allowed = text == null || text.isBlank()
                ? List.of()
                : Arrays.stream(text.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
        return new NodeCapabilities(nodeId, allowed, OperationsModel.CAPABILITIES);
    }

    /** Checks, stores, signs and audits the request; the node's agent is woken after the commit. */
    ActionStatus request(NodeRow node, ActionRequest request, String user) {
        String capability =
                request.capability() == null ? "" : request.capability().strip();
        if (!OperationsModel.CAPABILITIES.contains(capability)) {
            throw DomainException.invalidField(
                    "capability", "CAPABILITY_UNKNOWN", "monitoring.ops.capabilityUnknown", capability);
        }
        String action = request.action() == null ? "" : request.action().strip();
        if (!ACTION.matcher(action).matches()) {
            throw DomainException.invalidField("action", "ACTION_INVALID", "monitoring.ops.actionInvalid", action);
        }
        String target = request.target() == null ? "" : request.target().strip();
        if (target.length() > TARGET_MAX) {
            throw DomainException.invalidField("target", "TARGET_TOO_LONG", "validation.tooLong", TARGET_MAX);
        }
        Map<String, String> arguments = request.arguments() == null ? Map.of() : Map.copyOf(request.arguments());
        String argumentsJson = json.writeValueAsString(arguments);
        if (argumentsJson.length() > ARGUMENTS_MAX) {
            throw DomainException.invalidField("arguments", "ARGUMENTS_TOO_LONG", "validation.tooLong", ARGUMENTS_MAX);
        }
        String reason = request.reason() == null || request.reason().isBlank()
                ? null
                : request.reason().strip();
        if (OperationsModel.destructive(action) && reason == null) {
            throw DomainException.invalidField("reason", "REASON_REQUIRED", "monitoring.ops.reasonRequired");
        }
        if (reason != null && reason.length() > REASON_MAX) {
            throw DomainException.invalidField("reason", "REASON_TOO_LONG", "validation.tooLong", REASON_MAX);
        }
        if (!capabilities(node.id()).allows(capability)) {
            throw DomainException.conflict(
                    "CAPABILITY_NOT_ALLOWED", "monitoring.ops.capabilityNotAllowed", node.name(), capability);
        }
        Bucket bucket = buckets.get(
                node.id(),
                id -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(settings.perNodePerMinute())
                                .refillGreedy(settings.perNodePerMinute(), Duration.ofMinutes(1))
                                .build())
                        .build());
        if (!bucket.tryConsume(1)) {
            throw new DomainException(
                    429, "RATE_LIMITED", "monitoring.ops.rateLimited", node.name(), settings.perNodePerMinute());
        }
        Instant now = clock.instant();
        Instant expires = now.plus(settings.commandValidity());
        byte[] nonceBytes = new byte[16];
        random.nextBytes(nonceBytes);
        String nonce = HexFormat.of().formatHex(nonceBytes);
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into monitoring_command (node_id, capability, action, target, arguments, reason,
                          requested_by, nonce, state, created_at, expires_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)""")
                .params(
                        node.id(),
                        capability,
                        action,
                        target,
                        argumentsJson,
                        reason,
                        user,
                        nonce,
                        Times.utc(now),
                        Times.utc(expires))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        String signed = signer.sign(new Command(
                id,
                node.id(),
                capability,
                action,
                target,
                arguments,
                now.getEpochSecond(),
                expires.getEpochSecond(),
                nonce));
        jdbc.sql("update monitoring_command set signed = ? where id = ?")
                .params(signed, id)
                .update();
        audit.record(
                MonitoringService.MODULE,
                "NodeAction",
                id,
                "REQUEST",
                describe(node.name(), capability, action, target) + (reason == null ? "" : " — reason: " + reason),
                arguments.isEmpty() ? List.of() : List.of(AuditChange.of("arguments", null, argumentsJson)));
        signals.signalAfterCommit(NODE_TOPIC + node.id());
        return get(id).orElseThrow();
    }

    /** The node's waiting commands, now marked as sent; commands that waited too long expire instead. */
    List<String> claim(long nodeId) {
        LocalDateTime now = Times.utc(clock.instant());
        jdbc.sql("update monitoring_command set state = 'EXPIRED', finished_at = ? "
                        + "where node_id = ? and state = 'PENDING' and expires_at < ?")
                .params(now, nodeId, now)
                .update();
        List<CommandRow> pending = jdbc.sql("select " + COLUMNS + " from monitoring_command "
                        + "where node_id = ? and state = 'PENDING' and signed is not null order by id for update")
                .param(nodeId)
                .query(CommandRow.class)
                .list();
        for (CommandRow row : pending) {
            jdbc.sql("update monitoring_command set state = 'SENT', sent_at = ? where id = ?")
                    .params(now, row.id())
                    .update();
        }
        return pending.stream().map(CommandRow::signed).toList();
    }

    /** Whether a command waits for the node (without claiming it). */
    boolean hasPending(long nodeId) {
        return jdbc.sql("select count(*) from monitoring_command where node_id = ? and state = 'PENDING'")
                        .param(nodeId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Stores the agent's result of a command it was sent; false when there is no such command for the node. */
    boolean complete(long nodeId, long id, CommandResult result, String nodeName) {
        Optional<CommandRow> found = jdbc.sql(
                        "select " + COLUMNS + " from monitoring_command " + "where id = ? and node_id = ? for update")
                .params(id, nodeId)
                .query(CommandRow.class)
                .optional();
        if (found.isEmpty() || !found.get().state().equals(ActionState.SENT.name())) {
            return false;
        }
        CommandRow row = found.get();
        ActionState state = result.refusal() != null
                ? ActionState.REFUSED
                : result.exitCode() == 0 ? ActionState.DONE : ActionState.FAILED;
        String output = cut(result.output() == null ? "" : result.output(), settings.outputLimit());
        String data = result.data() == null ? null : json.writeValueAsString(result.data());
        jdbc.sql("update monitoring_command set state = ?, finished_at = ?, exit_code = ?, output = ?, data = ? "
                        + "where id = ?")
                .params(state.name(), Times.utc(clock.instant()), result.exitCode(), output, data, id)
                .update();
        audit.recordAs(
                row.requestedBy(),
                MonitoringService.MODULE,
                "NodeAction",
                id,
                "RESULT",
                describe(nodeName, row.capability(), row.action(), row.target()) + ": " + state + ", exit code "
                        + result.exitCode(),
                output.isEmpty()
                        ? List.of()
                        : List.of(AuditChange.of("output", null, cut(output, settings.auditOutputLimit()))));
        signals.signalAfterCommit(RESULT_TOPIC + nodeId);
        return true;
    }

    Optional<ActionStatus> get(long id) {
        return jdbc.sql("select " + COLUMNS + " from monitoring_command where id = ?")
                .param(id)
                .query(CommandRow.class)
                .optional()
                .map(this::status);
    }

    private ActionStatus status(CommandRow row) {
        ActionState state = ActionState.valueOf(row.state());
        // a command nobody fetched in time will never run: show it as expired before the agent's next poll
        if (state == ActionState.PENDING && row.expiresAt().isBefore(Times.utc(clock.instant()))) {
            state = ActionState.EXPIRED;
        }
        return new ActionStatus(
                row.id(),
                row.nodeId(),
                row.capability(),
                row.action(),
                row.target(),
                json.readValue(row.arguments(), ARGUMENTS),
                row.reason(),
                row.requestedBy(),
                state,
                Times.instant(row.createdAt()),
                Times.instant(row.finishedAt()),
                row.exitCode(),
                row.output(),
                row.data());
    }

    private static String describe(String node, String capability, String action, String target) {
        return capability + " " + action + (target.isEmpty() ? "" : " " + target) + " on " + node;
    }

    static String cut(String text, int limit) {
        return text.length() > limit ? text.substring(0, limit) + "\n[… cut at " + limit + " characters]" : text;
    }
}
