package de.kontor.license;

import de.kontor.license.LicenseEnums.ActivationState;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.jspecify.annotations.Nullable;

import java.time.Instant;

/** A machine a license is activated on: one slot of its maximum. */
@Entity
@EntityListeners(SnapshotInvalidation.class)
@Table(name = "license_activation")
public class Activation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "license_id", nullable = false, updatable = false)
    private Long licenseId;

    @Column(name = "mac", length = 64)
    private @Nullable String mac;

    @Column(name = "cpu_id", length = 128)
    private @Nullable String cpuId;

    @Column(name = "system_uuid", length = 64)
    private @Nullable String systemUuid;

    @Column(name = "hostname", length = 255)
    private @Nullable String hostname;

    @Column(name = "app_version", length = 40)
    private @Nullable String appVersion;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false, length = 15)
    private ActivationState state;

    /** An admin freed this slot for a replacement machine: the next new machine takes it over. */
    @Column(name = "transfer_pending", nullable = false)
    private boolean transferPending;

    @Column(name = "transfer_count", nullable = false)
    private int transferCount;

    @Column(name = "first_seen_at", nullable = false, updatable = false)
    private Instant firstSeenAt;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    @Column(name = "deactivated_at")
    private @Nullable Instant deactivatedAt;

    protected Activation() {}

    Activation(Long licenseId, Fingerprint fingerprint, @Nullable String appVersion, Instant now) {
        this.licenseId = licenseId;
        setFingerprint(fingerprint);
        this.appVersion = appVersion;
        this.state = ActivationState.ACTIVE;
        this.firstSeenAt = now;
        this.lastSeenAt = now;
    }

    public Fingerprint fingerprint() {
        return new Fingerprint(mac, cpuId, systemUuid, hostname);
    }

    /** Counts towards the license's maximum. */
    public boolean holdsSlot() {
        return state != ActivationState.DEACTIVATED;
    }

    void seen(@Nullable String version, Instant now) {
        if (version != null) {
            this.appVersion = version;
        }
        this.lastSeenAt = now;
        if (state == ActivationState.INACTIVE) {
            state = ActivationState.ACTIVE;
        }
    }

    void deactivate(Instant now) {
        this.state = ActivationState.DEACTIVATED;
        this.transferPending = false;
        this.deactivatedAt = now;
    }

    /** Frees the slot for a replacement machine: the old machine no longer matches. */
    void releaseForTransfer() {
        this.transferPending = true;
        this.mac = null;
        this.cpuId = null;
        this.systemUuid = null;
    }

    /** A new machine takes over a slot freed for transfer. */
    void takeOver(Fingerprint fingerprint, @Nullable String version, Instant now) {
        setFingerprint(fingerprint);
        this.transferPending = false;
        this.transferCount++;
        this.state = ActivationState.ACTIVE;
        this.appVersion = version;
        this.lastSeenAt = now;
    }

    private void setFingerprint(Fingerprint fingerprint) {
        this.mac = fingerprint.mac();
        this.cpuId = fingerprint.cpuId();
        this.systemUuid = fingerprint.systemUuid();
        this.hostname = fingerprint.hostname();
    }

    public Long getId() {
        return id;
    }

    public Long getLicenseId() {
        return licenseId;
    }

    public @Nullable String getMac() {
        return mac;
    }

    public @Nullable String getCpuId() {
        return cpuId;
    }

    public @Nullable String getSystemUuid() {
        return systemUuid;
    }

    public @Nullable String getHostname() {
        return hostname;
    }

    public @Nullable String getAppVersion() {
        return appVersion;
    }

    public ActivationState getState() {
        return state;
    }

    public boolean isTransferPending() {
        return transferPending;
    }

    public int getTransferCount() {
        return transferCount;
    }

    public Instant getFirstSeenAt() {
        return firstSeenAt;
    }

    public Instant getLastSeenAt() {
        return lastSeenAt;
    }

    public @Nullable Instant getDeactivatedAt() {
        return deactivatedAt;
    }

    @Override
    public boolean equals(Object o) {
        return this == o || (o instanceof Activation other && id != null && id.equals(other.id));
    }

    @Override
    public int hashCode() {
        return Activation.class.hashCode();
    }
}
