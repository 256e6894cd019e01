package de.kontor.monitoring.api;

import de.kontor.base.api.AdminOnly;
import de.kontor.base.error.DomainException;
import de.kontor.base.export.ExportFormat;
import de.kontor.monitoring.MonitoringService;
import de.kontor.monitoring.ReportModel.ReportFile;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.ArrayList;
import java.util.List;

/** Monitoring reports over chosen nodes and a period, as PDF or CSV. Admins only. */
@RestController
@RequestMapping("/api/monitoring")
@AdminOnly
@Tag(name = "Monitoring")
class ReportController {

    private final MonitoringService monitoring;

    ReportController(MonitoringService monitoring) {
        this.monitoring = monitoring;
    }

    @Operation(
            summary = "A report over nodes and a period",
            description = "pdf: a chart per headline metric (cpu, memory, disk, load1, net.rx, net.tx) with a line "
                    + "per node and a table of avg / p95 / max per node and metric; csv or xlsx: the "
                    + "series (node, metric, time, value) at up to 2,000 points per series. At most 20 nodes; "
                    + "the period must lie within the hour-rollup retention.")
    @GetMapping("/report")
    ResponseEntity<byte[]> report(
            @Parameter(description = "comma-separated node ids, e.g. 1,2") @RequestParam(required = false) @Nullable
                    String nodeIds,
            @Parameter(description = "ISO-8601 time or epoch seconds; default: 7 days before 'to'")
                    @RequestParam(required = false)
                    @Nullable
                    String from,
            @Parameter(description = "ISO-8601 time or epoch seconds; default: now")
                    @RequestParam(required = false)
                    @Nullable
                    String to,
            @Parameter(description = "pdf (default), csv or xlsx") @RequestParam(required = false) @Nullable
                    String format) {
        ReportFile file = monitoring.report(
                ids(nodeIds),
                TimeParams.time("from", from),
                TimeParams.time("to", to),
                format(format),
                LocaleContextHolder.getLocale());
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(file.fileName())
                                .build()
                                .toString())
                .body(file.content());
    }

    private static List<Long> ids(@Nullable String text) {
        List<Long> ids = new ArrayList<>();
        if (text == null || text.isBlank()) {
            throw DomainException.invalidField("nodeIds", "NODES_REQUIRED", "monitoring.report.nodesRequired");
        }
        for (String part : text.split(",")) {
            try {
                ids.add(Long.parseLong(part.strip()));
            } catch (NumberFormatException e) {
                throw DomainException.invalidField(
                        "nodeIds", "NODE_IDS_INVALID", "monitoring.report.nodeIdsInvalid", part.strip());
            }
        }
        return ids;
    }

    private static ExportFormat format(@Nullable String text) {
        return text == null || text.isBlank() ? ExportFormat.PDF : ExportFormat.fromParameter(text);
    }
}
