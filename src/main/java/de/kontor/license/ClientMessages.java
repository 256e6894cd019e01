package de.kontor.license;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What client software sends to and gets from the license server's client API. */
public final class ClientMessages {

    private ClientMessages() {}

    public record FingerprintData(
            @Nullable String mac,
            @Nullable String cpuId,
            @Nullable String systemUuid,
            @Nullable String hostname) {
        Fingerprint toFingerprint() {
            return new Fingerprint(mac, cpuId, systemUuid, hostname);
        }
    }

    public record ActivateRequest(
            @Nullable String licenseKey,
            @Nullable FingerprintData fingerprint,
            @Nullable String appVersion) {}

    public record VerifyRequest(
            @Nullable String licenseKey,
            @Nullable FingerprintData fingerprint,
            @Nullable String appVersion) {}

    public record DeactivateRequest(
            @Nullable String licenseKey, @Nullable FingerprintData fingerprint) {}

    /** @param clientTime the client's clock when it sent the heartbeat (optional; far off is an anomaly) */
    public record HeartbeatRequest(
            @Nullable String licenseKey,
            @Nullable Long activationId,
            @Nullable String appVersion,
            @Nullable Map<String, Long> usage,
            @Nullable Instant clientTime) {}

    public record VersionCheckRequest(
            @Nullable String product, @Nullable String version) {}

    public record Activated(
            @Nullable Long activationId,
            boolean existingActivation,
            String licenseKey,
            String product,
            @Nullable LocalDate validUntil,
            Set<String> features,
            Map<String, Long> limits,
            int activationsUsed,
            int maxActivations,
            String lease,
            Instant leaseValidUntil) {}

    /**
     * The answer to verify and heartbeat. {@code valid=false} with a {@code reason} code is a definite
     * answer about the license (revoked, expired, wrong machine...); request problems are errors.
     */
    public record Verdict(
            boolean valid,
            @Nullable String reason,
            @Nullable String message,
            String licenseKey,
            String status,
            @Nullable Long activationId,
            @Nullable LocalDate validUntil,
            Set<String> features,
            Map<String, Long> limits,
            @Nullable String lease,
            @Nullable Instant leaseValidUntil,
            @Nullable Long nextHeartbeatSeconds,
            @Nullable Map<String, Long> exceededLimits) {}

    public record Info(
            String licenseKey,
            String product,
            String productName,
            String type,
            String status,
            @Nullable LocalDate validFrom,
            @Nullable LocalDate validUntil,
            int activationsUsed,
            int maxActivations,
            Set<String> features,
            Map<String, Long> limits) {}

    public record Deactivated(long activationId, int activationsUsed, int maxActivations) {}

    public record VersionInfo(
            String product,
            @Nullable String latestVersion,
            @Nullable String channel,
            @Nullable LocalDate releaseDate,
            boolean updateAvailable,
            boolean updateRequired,
            @Nullable String minSupportedVersion,
            @Nullable String notes,
            @Nullable String downloadUrl) {}

    public record PublicKeyInfo(String algorithm, String keyId, String publicKeyPem, String x, List<String> use) {}
}
