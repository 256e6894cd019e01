package de.kontor.monitoring.api;

import de.kontor.agent.Protocol;
import de.kontor.agent.Protocol.Answer;
import de.kontor.agent.Protocol.Report;
import de.kontor.monitoring.MonitoringService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Where agents post their reports (node token; see docs/monitoring-agent.md). */
@RestController
@Tag(name = "Monitoring agent")
class AgentController {

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
}
