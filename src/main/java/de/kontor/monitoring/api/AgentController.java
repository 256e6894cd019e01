package de.kontor.monitoring.api;

import de.kontor.agent.Protocol;
import de.kontor.agent.Protocol.Answer;
import de.kontor.agent.Protocol.CommandKey;
import de.kontor.agent.Protocol.CommandResult;
import de.kontor.agent.Protocol.Commands;
import de.kontor.agent.Protocol.Report;
import de.kontor.agent.Protocol.TerminalAck;
import de.kontor.agent.Protocol.TerminalClosed;
import de.kontor.agent.Protocol.TerminalInput;
import de.kontor.agent.Protocol.TerminalOutput;
import de.kontor.monitoring.MonitoringService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;

/**
 * Where agents post their reports, fetch their signed commands and post the results (node token; see
 * docs/monitoring-agent.md).
 */
@RestController
@Tag(name = "Monitoring agent")
class AgentController {

    static final int MAX_WAIT_SECONDS = 30;

    private final MonitoringService monitoring;

    AgentController(MonitoringService monitoring) {
        this.monitoring = monitoring;
    }

    @Operation(
            summary = "An agent's report: samples (oldest first) and optionally its inventory",
            description = "Authenticated with the node token (Authorization: Bearer). Answers with the "
                    + "agent's settings.")
    @PostMapping(Protocol.REPORT_PATH)
    @PreAuthorize("hasRole('" + NodeTokenFilter.ROLE + "')")
    Answer report(@AuthenticationPrincipal NodePrincipal node, @RequestBody Report report, HttpServletRequest request) {
        return monitoring.report(node.nodeId(), report, request.getRemoteAddr());
    }

    @Operation(
            summary = "Kontor's command-signing public key and the node's id",
            description = "The agent fetches it once, over the verified TLS channel, and pins it.")
    @GetMapping(Protocol.COMMAND_KEY_PATH)
    @PreAuthorize("hasRole('" + NodeTokenFilter.ROLE + "')")
    CommandKey commandKey(@AuthenticationPrincipal NodePrincipal node) {
        return monitoring.commandKey(node.nodeId());
    }

    @Operation(
            summary = "The node's signed commands (long poll)",
            description = "Answers as soon as a command waits, else after 'wait' seconds (at most " + MAX_WAIT_SECONDS
                    + ") with none. Each command is handed out once.")
    @GetMapping(Protocol.COMMANDS_PATH)
    @PreAuthorize("hasRole('" + NodeTokenFilter.ROLE + "')")
    Commands commands(@AuthenticationPrincipal NodePrincipal node, @RequestParam(defaultValue = "0") int wait) {
        int seconds = Math.clamp(wait, 0, MAX_WAIT_SECONDS);
        return new Commands(monitoring.pendingCommands(node.nodeId(), Duration.ofSeconds(seconds)));
    }

    @Operation(summary = "The result of a command the agent was sent (409 when there is no such command)")
    @PostMapping(Protocol.RESULT_PATH)
    @PreAuthorize("hasRole('" + NodeTokenFilter.ROLE + "')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void result(@AuthenticationPrincipal NodePrincipal node, @PathVariable long id, @RequestBody CommandResult result) {
        monitoring.commandResult(node.nodeId(), id, result);
    }

    @Operation(
            summary = "Keystrokes and resizes for a terminal stream (long poll)",
            description = "Those after the 'after'-th, as soon as one waits, else after 'wait' seconds (at most "
                    + MAX_WAIT_SECONDS + "); closed=true once the user left. 404 for a stream the node does not have.")
    @GetMapping(Protocol.TERMINAL_INPUT_PATH)
    @PreAuthorize("hasRole('" + NodeTokenFilter.ROLE + "')")
    TerminalInput terminalInput(
            @AuthenticationPrincipal NodePrincipal node,
            @PathVariable String stream,
            @RequestParam(defaultValue = "0") long after,
            @RequestParam(defaultValue = "0") int wait) {
        return monitoring.terminalInput(
                node.nodeId(), stream, after, Duration.ofSeconds(Math.clamp(wait, 0, MAX_WAIT_SECONDS)));
    }

    @Operation(summary = "The next output chunk of a terminal stream; answers whether the user left")
    @PostMapping(Protocol.TERMINAL_OUTPUT_PATH)
    @PreAuthorize("hasRole('" + NodeTokenFilter.ROLE + "')")
    TerminalAck terminalOutput(
            @AuthenticationPrincipal NodePrincipal node,
            @PathVariable String stream,
            @RequestBody TerminalOutput output) {
        return monitoring.terminalOutput(node.nodeId(), stream, output);
    }

    @Operation(summary = "A terminal session ended; what was typed goes into the audit log")
    @PostMapping(Protocol.TERMINAL_CLOSED_PATH)
    @PreAuthorize("hasRole('" + NodeTokenFilter.ROLE + "')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void terminalClosed(
            @AuthenticationPrincipal NodePrincipal node,
            @PathVariable String stream,
            @RequestBody TerminalClosed closed) {
        monitoring.terminalClosed(node.nodeId(), stream, closed);
    }
}
