package de.kontor.monitoring.api;

import de.kontor.base.api.AdminOnly;
import de.kontor.monitoring.MonitoringService;
import de.kontor.monitoring.OperationsModel.ActionRequest;
import de.kontor.monitoring.OperationsModel.ActionStatus;
import de.kontor.monitoring.OperationsModel.NodeCapabilities;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Server operations through a node's agent. Admins only (viewers are refused even the listings: they
 * show command lines and log lines); actions also need a second-factor confirmation from the last ten
 * minutes. Listings wait for the agent's answer (200) or answer 202 with the action to poll.
 */
@RestController
@RequestMapping("/api/monitoring")
@AdminOnly
@Tag(name = "Monitoring operations")
class OperationsController {

    private final MonitoringService monitoring;
    private final JsonMapper json;

    OperationsController(MonitoringService monitoring, JsonMapper json) {
        this.monitoring = monitoring;
        this.json = json;
    }

    record ActionCreated(long id) {}

    record ActionResponse(
            long id,
            long nodeId,
            String capability,
            String action,
            String target,
            Map<String, String> arguments,
            @Nullable String reason,
            String requestedBy,
            String state,
            Instant createdAt,
            @Nullable Instant finishedAt,
            @Nullable Integer exitCode,
            @Nullable String output,
            @Nullable JsonNode data) {}

    @Operation(summary = "What the node's owner allows Kontor to do there, and every capability Kontor knows")
    @GetMapping("/nodes/{id}/capabilities")
    NodeCapabilities capabilities(@PathVariable long id) {
        return monitoring.nodeCapabilities(id);
    }

    @Operation(
            summary = "Ask the node's agent to run an action",
            description = "Body: {capability, action, target, arguments: {}, reason}. 202 with the action's id; "
                    + "403 STEP_UP_REQUIRED without a second-factor confirmation in the last ten minutes; 409 "
                    + "CAPABILITY_NOT_ALLOWED when the node does not allow it; 400 REASON_REQUIRED for a "
                    + "destructive action without a reason; 429 RATE_LIMITED past the node's limit.")
    @PostMapping("/nodes/{id}/actions")
    ResponseEntity<ActionCreated> request(@PathVariable long id, @RequestBody ActionRequest request) {
        return ResponseEntity.status(HttpStatus.ACCEPTED)
                .body(new ActionCreated(monitoring.requestAction(id, request).id()));
    }

    @Operation(summary = "An action's state (PENDING, SENT, DONE, FAILED, REFUSED, EXPIRED), exit code and output")
    @GetMapping("/actions/{id}")
    ActionResponse action(@PathVariable long id) {
        return response(monitoring.action(id));
    }

    @Operation(summary = "The node's processes")
    @GetMapping("/nodes/{id}/processes")
    ResponseEntity<ActionResponse> processes(@PathVariable long id) {
        return reading(id, "processes", "list", "", Map.of());
    }

    @Operation(summary = "The node's systemd services with their state")
    @GetMapping("/nodes/{id}/services")
    ResponseEntity<ActionResponse> services(@PathVariable long id) {
        return reading(id, "services", "list", "", Map.of());
    }

    @Operation(summary = "The node's containers (Docker or Podman) with their state")
    @GetMapping("/nodes/{id}/containers")
    ResponseEntity<ActionResponse> containers(@PathVariable long id) {
        return reading(id, "containers", "list", "", Map.of());
    }

    @Operation(summary = "A folder inside the node's allowed roots, or a text file there with ?file=")
    @GetMapping("/nodes/{id}/files")
    ResponseEntity<ActionResponse> files(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String path,
            @RequestParam(required = false) @Nullable String file) {
        return file != null && !file.isBlank()
                ? reading(id, "files", "read", file, Map.of())
                : reading(id, "files", "list", path == null ? "" : path, Map.of());
    }

    @Operation(summary = "The node's listening sockets with their processes")
    @GetMapping("/nodes/{id}/ports")
    ResponseEntity<ActionResponse> ports(@PathVariable long id) {
        return reading(id, "ports", "list", "", Map.of());
    }

    @Operation(
            summary = "The node's journal, or the last lines of a log file under its allowed log roots",
            description = "Journal: unit, priority (emerg..debug), since, until (journalctl's time forms), filter, "
                    + "lines. With file: that file's last lines (lines, filter).")
    @GetMapping("/nodes/{id}/logs")
    ResponseEntity<ActionResponse> logs(
            @PathVariable long id,
            @RequestParam(required = false) @Nullable String file,
            @RequestParam(required = false) @Nullable String unit,
            @RequestParam(required = false) @Nullable String priority,
            @RequestParam(required = false) @Nullable String since,
            @RequestParam(required = false) @Nullable String until,
            @RequestParam(required = false) @Nullable String filter,
            @RequestParam(required = false) @Nullable Integer lines) {
        Map<String, String> arguments = new LinkedHashMap<>();
        put(arguments, "unit", unit);
        put(arguments, "priority", priority);
        put(arguments, "since", since);
        put(arguments, "until", until);
        put(arguments, "filter", filter);
        put(arguments, "lines", lines == null ? null : lines.toString());
        return file == null || file.isBlank()
                ? reading(id, "logs", "journal", "", arguments)
                : reading(id, "logs", "tail", file, arguments);
    }

    private static void put(Map<String, String> arguments, String name, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            arguments.put(name, value);
        }
    }

    private ResponseEntity<ActionResponse> reading(
            long id, String capability, String action, String target, Map<String, String> arguments) {
        ActionStatus requested = monitoring.requestReading(id, capability, action, target, arguments);
        ActionStatus status = monitoring.awaitAction(requested.id(), monitoring.listingWait());
        return ResponseEntity.status(status.state().finished() ? HttpStatus.OK : HttpStatus.ACCEPTED)
                .body(response(status));
    }

    private ActionResponse response(ActionStatus s) {
        return new ActionResponse(
                s.id(),
                s.nodeId(),
                s.capability(),
                s.action(),
                s.target(),
                s.arguments(),
                s.reason(),
                s.requestedBy(),
                s.state().name(),
                s.createdAt(),
                s.finishedAt(),
                s.exitCode(),
                s.output(),
                s.data() == null ? null : json.readTree(s.data()));
    }
}
