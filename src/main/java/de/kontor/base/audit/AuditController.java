package de.kontor.base.audit;

import de.kontor.base.api.AdminOnly;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Slice;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/** The audit log over REST, e.g. for a SIEM or a backup of the trail. */
@RestController
@RequestMapping("/api/audit")
@AdminOnly
@Validated
@Tag(name = "Audit log")
class AuditController {

    private final AuditService audit;

    AuditController(AuditService audit) {
        this.audit = audit;
    }

    record AuditEntryDto(
            long id,
            Instant occurredAt,
            String username,
            String channel,
            String module,
            String entityType,
            @Nullable String entityId,
            String action,
            String summary,
            List<AuditChange> changes) {}

    record AuditPage(List<AuditEntryDto> items, int page, int size, boolean hasNext) {}

    @GetMapping
    @Operation(summary = "Audit entries, newest first, with optional filters")
    AuditPage list(
            @RequestParam(required = false) @Nullable String user,
            @RequestParam(required = false) @Nullable String module,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant to,
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        Slice<AuditEntry> slice = audit.find(new AuditQuery(user, module, from, to, q), PageRequest.of(page, size));
        return new AuditPage(
                slice.map(e -> new AuditEntryDto(
                                e.getId(),
                                e.getOccurredAt(),
                                e.getUsername(),
                                e.getChannel().name(),
                                e.getModule(),
                                e.getEntityType(),
                                e.getEntityId(),
                                e.getAction(),
                                e.getSummary(),
                                audit.changesOf(e)))
                        .getContent(),
                page,
                size,
                slice.hasNext());
    }
}
