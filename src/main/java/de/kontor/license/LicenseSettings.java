package de.kontor.license;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * The license server's settings ({@code kontor.license.*}); the defaults and their environment variables
 * are in application.properties.
 *
 * @param rateLimit   client API requests per minute
 * @param leaseReuse  a verification within this time after the last one hands out the same lease again
 *                    ({@code 0s}: always sign anew)
 * @param snapshotTtl how soon verify and heartbeat see license changes made on another node of a cluster
 *                    ({@code 0s}: always read the database)
 * @param gitea       how long to wait for Gitea before it counts as unreachable
 * @param anomalies   when a license's use looks like sharing or tampering
 */
@ConfigurationProperties("kontor.license")
@Validated
public record LicenseSettings(
        @NotNull @Valid RateLimit rateLimit,
        @NotNull Duration leaseReuse,
        @NotNull Duration snapshotTtl,
        @NotNull @Valid Gitea gitea,
        @NotNull @Valid Anomalies anomalies) {

    /**
     * @param perAddress requests per minute from one client address
     * @param perKey     requests per minute for one license key
     */
    public record RateLimit(
            @Positive long perAddress, @Positive long perKey) {}

    /**
     * @param connectTimeout how long to wait for a connection to Gitea
     * @param readTimeout    how long to wait for Gitea's answer
     */
    public record Gitea(
            @NotNull Duration connectTimeout, @NotNull Duration readTimeout) {}

    /**
     * When a license is flagged. Each rule looks at the last 24 hours unless it says otherwise.
     *
     * @param fingerprintFactor more distinct devices than this many times the seats
     * @param maxAddresses      heartbeats from more client addresses than this
     * @param maxTransfers      more seat transfers than this within {@code transferWindow}
     * @param transferWindow    the time over which transfers are counted
     * @param maxClockSkew      a client clock off by more than this (either way)
     * @param maxHeartbeatsPerHour more heartbeats than this from one device within an hour (a burst)
     */
    public record Anomalies(
            @Positive int fingerprintFactor,
            @Positive int maxAddresses,
            @Positive int maxTransfers,
            @NotNull Duration transferWindow,
            @NotNull Duration maxClockSkew,
            @Positive int maxHeartbeatsPerHour) {}
}
