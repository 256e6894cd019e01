package de.kontor.security;

import org.jspecify.annotations.Nullable;

import java.io.Serial;
import java.io.Serializable;
import java.time.Instant;

/**
 * Carried by every authentication Kontor makes: when its user last proved the second factor (at sign-in,
 * for an API token when it was issued with a TOTP code, or in a confirmation dialog). Dangerous actions
 * ask for that to be recent. Kept in the session's security context, so a UI session remembers it.
 */
final class StepUpDetails implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final @Nullable String remoteAddress;
    private volatile @Nullable Instant confirmedAt;
    /** The API token the request came with; null for web sessions. */
    private final @Nullable Long tokenId;

    StepUpDetails(@Nullable String remoteAddress, @Nullable Instant confirmedAt) {
        this(remoteAddress, confirmedAt, null);
    }

    StepUpDetails(@Nullable String remoteAddress, @Nullable Instant confirmedAt, @Nullable Long tokenId) {
        this.remoteAddress = remoteAddress;
        this.confirmedAt = confirmedAt;
        this.tokenId = tokenId;
    }

    @Nullable
    Long tokenId() {
        return tokenId;
    }

    @Nullable
    String remoteAddress() {
        return remoteAddress;
    }

    @Nullable
    Instant confirmedAt() {
        return confirmedAt;
    }

    void confirmed(Instant at) {
        this.confirmedAt = at;
    }
}
