package de.kontor.monitoring;

import de.kontor.agent.Protocol.TerminalAck;
import de.kontor.agent.Protocol.TerminalClosed;
import de.kontor.agent.Protocol.TerminalInput;
import de.kontor.agent.Protocol.TerminalOutput;
import de.kontor.base.audit.AuditChange;
import de.kontor.base.audit.AuditService;
import de.kontor.base.error.DomainException;
import de.kontor.monitoring.Nodes.NodeRow;
import de.kontor.monitoring.OperationsModel.ActionRequest;
import de.kontor.monitoring.OperationsModel.ActionState;
import de.kontor.monitoring.OperationsModel.ActionStatus;
import de.kontor.monitoring.TerminalRelay.Relay;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Terminals streamed between a page and a node: a signed {@code terminal open} command names a stream,
 * for which the node's agent then fetches keystrokes and posts output ({@link TerminalRelay}); when the
 * session ends the agent reports what was typed, and that goes into the audit log under the open action.
 */
@Component
class Terminals {

    private static final int AUDIT_INPUT_LIMIT = 20_000;

    private final TerminalRelay relay;
    private final Operations operations;
    private final Nodes nodes;
    private final AuditService audit;
    private final CommandSignals signals;
    private final TransactionTemplate transactions;
    private final OperationSettings settings;

    Terminals(
            TerminalRelay relay,
            Operations operations,
            Nodes nodes,
            AuditService audit,
            CommandSignals signals,
            TransactionTemplate transactions,
            MonitoringProperties properties) {
        this.relay = relay;
        this.operations = operations;
        this.nodes = nodes;
        this.audit = audit;
        this.signals = signals;
        this.transactions = transactions;
        this.settings = properties.operations();
    }

    /** Asks the agent to open a terminal for a new stream and waits until it did (caller checked the user). */
    TerminalConnection open(
            long nodeId, int columns, int rows, String reason, String user, TerminalConnection.Listener listener) {
        NodeRow node = nodes.get(nodeId);
        Relay stream = relay.open(nodeId, node.name(), user, listener);
        ActionStatus requested;
        try {
            requested = transactions.execute(status -> operations.request(
                    node,
                    new ActionRequest(
                            "terminal",
                            "open",
                            "",
                            Map.of(
                                    "columns", Integer.toString(Math.clamp(columns, 1, 1000)),
                                    "rows", Integer.toString(Math.clamp(rows, 1, 1000)),
                                    "stream", stream.stream,
                                    "grace",
                                            Long.toString(Math.max(
                                                    1, settings.terminalGrace().toSeconds()))),
                            reason),
                    user));
        } catch (RuntimeException e) {
            relay.remove(stream);
            throw e;
        }
        stream.actionId(requested.id());
        ActionStatus status = await(requested.id(), nodeId, settings.listingWait());
        if (status.state() != ActionState.DONE) {
            relay.remove(stream);
            throw DomainException.conflict(
                    "TERMINAL_NOT_OPENED",
                    "monitoring.terminal.notOpened",
                    node.name(),
                    status.state().name() + (status.output() == null ? "" : ": " + status.output()));
        }
        return stream;
    }

    private ActionStatus await(long id, long nodeId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            ActionStatus status = operations.get(id).orElseThrow();
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (status.state().finished() || left <= 0) {
                return status;
            }
            try {
                signals.await(Operations.RESULT_TOPIC + nodeId, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return status;
            }
        }
    }

    TerminalInput input(long nodeId, String stream, long after, Duration wait) {
        try {
            return find(nodeId, stream).await(after, wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new TerminalInput(List.of(), false);
        }
    }

    TerminalAck output(long nodeId, String stream, TerminalOutput output) {
        byte[] data;
        try {
            data = output.data() == null ? new byte[0] : Base64.getDecoder().decode(output.data());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalidField("data", "NOT_BASE64", "monitoring.terminal.notBase64");
        }
        return new TerminalAck(find(nodeId, stream).output(output.seq(), data));
    }

    /** The session ended: the page hears it, the audit log gets what was typed (in the caller's transaction). */
    void closed(long nodeId, String stream, TerminalClosed closed) {
        Relay found = find(nodeId, stream);
        relay.remove(found);
        String reason = closed.reason() == null ? "" : closed.reason();
        String input = closed.input() == null ? "" : closed.input();
        audit.recordAs(
                found.user,
                MonitoringService.MODULE,
                "NodeAction",
                found.actionId(),
                "TERMINAL_CLOSED",
                Operations.cut(
                        "terminal session on " + found.nodeName + " closed (exit code " + closed.exitCode() + "): "
                                + reason,
                        450),
                List.of(AuditChange.of("input", null, Operations.cut(input, AUDIT_INPUT_LIMIT))));
        found.ended(reason);
    }

    private Relay find(long nodeId, String stream) {
        return relay.find(nodeId, stream)
                .orElseThrow(
                        () -> DomainException.notFound("TERMINAL_NOT_FOUND", "monitoring.terminal.notFound", stream));
    }
}
