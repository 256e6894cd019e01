package de.kontor.base.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** One recorded change. Written once, never changed. */
@Entity
@Table(name = "audit_log")
public class AuditEntry {

    public static final int SUMMARY_MAX = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "username", nullable = false, updatable = false, length = 100)
    private String username;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", nullable = false, updatable = false, length = 10)
    private AuditChannel channel;

    @Column(name = "module", nullable = false, updatable = false, length = 40)
    private String module;

    @Column(name = "entity_type", nullable = false, updatable = false, length = 60)
    private String entityType;

    @Column(name = "entity_id", updatable = false, length = 64)
    private @Nullable String entityId;

    @Column(name = "action", nullable = false, updatable = false, length = 40)
    private String action;

    @Column(name = "summary", nullable = false, updatable = false, length = SUMMARY_MAX)
    private String summary;

    @Column(name = "details", updatable = false, columnDefinition = "TEXT")
    private @Nullable String details;

    @Column(name = "remote_addr", updatable = false, length = 45)
    private @Nullable String remoteAddr;

    protected AuditEntry() {}

    AuditEntry(
            Instant occurredAt,
            String username,
            AuditChannel channel,
            String module,
            String entityType,
            @Nullable String entityId,
            String action,
            String summary,
            @Nullable String details,
            @Nullable String remoteAddr) {
        this.occurredAt = occurredAt;
        this.username = username;
        this.channel = channel;
        this.module = module;
        this.entityType = entityType;
        this.entityId = entityId;
        this.action = action;
        this.summary = summary.length() > SUMMARY_MAX ? summary.substring(0, SUMMARY_MAX - 1) + "…" : summary;
        this.details = details;
        this.remoteAddr = remoteAddr;
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getUsername() {
        return username;
    }

    public AuditChannel getChannel() {
        return channel;
    }

    public String getModule() {
        return module;
    }

    public String getEntityType() {
        return entityType;
    }

    public @Nullable String getEntityId() {
        return entityId;
    }

    public String getAction() {
        return action;
    }

    public String getSummary() {
        return summary;
    }

    /** The changed fields as JSON ({@code [{"field":..,"from":..,"to":..}]}), if any. */
    public @Nullable String getDetails() {
        return details;
    }

    public @Nullable String getRemoteAddr() {
        return remoteAddr;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof AuditEntry other && id != null && id.equals(other.id));
    }

    @Override
    public int hashCode() {
        return AuditEntry.class.hashCode();
    }
}
