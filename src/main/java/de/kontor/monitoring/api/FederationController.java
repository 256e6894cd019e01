package de.kontor.monitoring.api;

import de.kontor.monitoring.MonitoringService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The nodes' newest samples for a federating Prometheus (scrape token). */
@RestController
@Tag(name = "Monitoring")
class FederationController {

    static final MediaType PROMETHEUS_TEXT = MediaType.parseMediaType("text/plain;version=0.0.4;charset=utf-8");

    private final MonitoringService monitoring;

    FederationController(MonitoringService monitoring) {
        this.monitoring = monitoring;
    }

    @Operation(
            summary = "Every node's newest values in Prometheus' text format",
            description = "Authenticated with a scrape token (Authorization: Bearer); see docs/monitoring.md.")
    @GetMapping(MonitoringSecurity.FEDERATE_PATH)
    @PreAuthorize("hasRole('" + ScrapeTokenFilter.ROLE + "')")
    ResponseEntity<String> federate() {
        return ResponseEntity.ok().contentType(PROMETHEUS_TEXT).body(monitoring.federate());
    }
}
