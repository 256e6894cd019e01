package de.kontor.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** A bearer token for the REST API. Only its SHA-256 hash is stored; the token itself is shown once. */
@Entity
@Table(name = "api_token")
public class ApiToken {

    public static final int NAME_MAX = 100;

    /** Where a token came from. */
    public enum Kind {
        /** From {@code POST /api/auth/token}; expires after the configured lifetime. */
        SESSION,
        /** Created and named by an admin in the UI; revocable, optionally expiring. */
        PERSONAL
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "user_id", nullable = false, updatable = false)
    private UserAccount user;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, updatable = false, length = 20)
    private Kind kind;

    @Column(name = "name", length = NAME_MAX)
    private @Nullable String name;

    @Column(name = "token_hash", nullable = false, updatable = false, length = 64)
    private String tokenHash;

    @Column(name = "token_prefix", nullable = false, updatable = false, length = 16)
    private String tokenPrefix;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "expires_at")
    private @Nullable Instant expiresAt;

    @Column(name = "last_used_at")
    private @Nullable Instant lastUsedAt;

    @Column(name = "revoked_at")
    private @Nullable Instant revokedAt;

    /** When the token was issued with a TOTP code: it counts as a step-up confirmation for a while after. */
    @Column(name = "second_factor_at")
    private @Nullable Instant secondFactorAt;

    protected ApiToken() {}

    ApiToken(
            UserAccount user,
            Kind kind,
            @Nullable String name,
            String tokenHash,
            String tokenPrefix,
            Instant now,
            @Nullable Instant expiresAt) {
        this.user = user;
        this.kind = kind;
        this.name = name;
        this.tokenHash = tokenHash;
        this.tokenPrefix = tokenPrefix;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    public Long getId() {
        return id;
    }

    public UserAccount getUser() {
        return user;
    }

    public Kind getKind() {
        return kind;
    }

    public @Nullable String getName() {
        return name;
    }

    /** The first characters of the token, enough to recognise it. */
    public String getTokenPrefix() {
        return tokenPrefix;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public @Nullable Instant getExpiresAt() {
        return expiresAt;
    }

    public @Nullable Instant getLastUsedAt() {
        return lastUsedAt;
    }

    public @Nullable Instant getRevokedAt() {
        return revokedAt;
    }

    public @Nullable Instant getSecondFactorAt() {
        return secondFactorAt;
    }

    void secondFactorConfirmed(Instant at) {
        this.secondFactorAt = at;
    }

    public boolean isActive(Instant now) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(now));
    }

    void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof ApiToken other && id != null && id.equals(other.id));
    }

    @Override
    public int hashCode() {
        return ApiToken.class.hashCode();
    }
}
