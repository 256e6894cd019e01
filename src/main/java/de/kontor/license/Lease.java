package de.kontor.license;

import java.time.Instant;

/**
 * A signed statement a client keeps for offline use: JWS compact serialization with EdDSA (Ed25519).
 * See docs/license-lease.md.
 */
public record Lease(String token, Instant validUntil) {}
