package de.kontor.license;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.kontor.license.LicenseEnums.ActivationState;
import de.kontor.license.LicenseEnums.LicenseStatus;
import de.kontor.license.LicenseEnums.MatchRule;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What verify and heartbeat need to know about a license — its terms, its product's rules and its
 * devices — as immutable snapshots kept in memory per node, so that the client API's hot path reads no
 * database. Every change made through JPA on this node drops the affected snapshots when its transaction
 * commits (see {@link SnapshotInvalidation}); changes made on another node of a cluster reach this node
 * when the snapshot expires ({@code kontor.license.snapshot-ttl}, default 30 s; 0s turns caching off).
 */
@Component
class LicenseSnapshots {

    record LicenseFacts(
            long id,
            String key,
            long productId,
            LicenseStatus status,
            LocalDate validFrom,
            @Nullable LocalDate validUntil,
            int maxActivations,
            Set<String> features,
            Map<String, Long> limits) {
        static LicenseFacts of(License l) {
            return new LicenseFacts(
                    l.getId(),
                    l.getKey(),
                    l.getProductId(),
                    l.getStatus(),
                    l.getValidFrom(),
                    l.getValidUntil(),
                    l.getMaxActivations(),
                    Set.copyOf(l.getFeatures()),
                    Map.copyOf(l.getLimits()));
        }
    }

    record ProductFacts(
            long id,
            String code,
            MatchRule matchRule,
            int graceDays,
            Duration heartbeatInterval,
            @Nullable String minSupportedVersion) {
        static ProductFacts of(Product p) {
            return new ProductFacts(
                    p.getId(),
                    p.getCode(),
                    p.getMatchRule(),
                    p.getGraceDays(),
                    p.heartbeatInterval(),
                    p.getMinSupportedVersion());
        }
    }

    record DeviceFacts(
            long id,
            Fingerprint fingerprint,
            ActivationState state,
            Instant lastSeenAt,
            @Nullable String appVersion,
            boolean transferPending) {
        static DeviceFacts of(Activation a) {
            return new DeviceFacts(
                    a.getId(),
                    a.fingerprint(),
                    a.getState(),
                    a.getLastSeenAt(),
                    a.getAppVersion(),
                    a.isTransferPending());
        }

        boolean holdsSlot() {
            return state != ActivationState.DEACTIVATED;
        }

        DeviceFacts seen(@Nullable String version, Instant now) {
            return new DeviceFacts(
                    id,
                    fingerprint,
                    state == ActivationState.INACTIVE ? ActivationState.ACTIVE : state,
                    now,
                    version != null ? version : appVersion,
                    transferPending);
        }
    }

    record Snapshot(LicenseFacts license, ProductFacts product, List<DeviceFacts> devices) {
        Optional<DeviceFacts> device(long activationId) {
            return devices.stream().filter(d -> d.id() == activationId).findFirst();
        }

        Snapshot with(DeviceFacts changed) {
            return new Snapshot(
                    license,
                    product,
                    devices.stream()
                            .map(d -> d.id() == changed.id() ? changed : d)
                            .toList());
        }
    }

    private final LicenseRepository licenses;
    private final ProductRepository products;
    private final ActivationRepository activations;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final boolean enabled;
    /** By normalized license key; an empty Optional remembers "no such key". */
    private final Cache<String, Optional<Snapshot>> byKey;

    private final Map<Long, String> keyOfLicense = new ConcurrentHashMap<>();

    LicenseSnapshots(
            LicenseRepository licenses,
            ProductRepository products,
            ActivationRepository activations,
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            Clock clock,
            LicenseSettings settings) {
        Duration ttl = settings.snapshotTtl();
        this.licenses = licenses;
        this.products = products;
        this.activations = activations;
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
        this.enabled = !ttl.isZero();
        this.byKey = Caffeine.newBuilder()
                .maximumSize(enabled ? 200_000 : 0)
                .expireAfterWrite(enabled ? ttl : Duration.ofSeconds(1))
                .ticker(() -> clock.millis() * 1_000_000L)
                .build();
    }

    /** The snapshot of the license with this (normalized) key, if it exists. */
    Optional<Snapshot> get(String key) {
        if (!enabled) {
            return load(key);
        }
        return byKey.get(key, this::load);
    }

    private Optional<Snapshot> load(String key) {
        return readOnly.execute(status -> licenses.findByKey(key).map(license -> {
            keyOfLicense.put(license.getId(), license.getKey());
            Product product = products.findById(license.getProductId()).orElseThrow();
            List<DeviceFacts> devices = activations.findByLicenseIdOrderByFirstSeenAtAsc(license.getId()).stream()
                    .map(DeviceFacts::of)
                    .toList();
            return new Snapshot(LicenseFacts.of(license), ProductFacts.of(product), devices);
        }));
    }

    /**
     * Records that a device was seen (last seen, app version, inactive → active) in the database and in the
     * snapshot, with plain SQL: no entity is loaded.
     */
    DeviceFacts touch(Snapshot snapshot, DeviceFacts device, @Nullable String version, Instant now) {
        jdbc.update(
                "update license_activation set last_seen_at = ?, app_version = coalesce(?, app_version), "
                        + "state = case when state = 'INACTIVE' then 'ACTIVE' else state end where id = ?",
                Timestamp.from(now),
                version,
                device.id());
        DeviceFacts seen = device.seen(version, now);
        if (enabled) {
            byKey.asMap().computeIfPresent(snapshot.license().key(), (k, current) -> current.map(s -> s.with(seen)));
        }
        return seen;
    }

    /** Drops the license's snapshot now and again when the current transaction has committed. */
    void invalidateLicense(long licenseId, @Nullable String key) {
        String k = key != null ? key : keyOfLicense.get(licenseId);
        if (k != null) {
            afterCommit(() -> byKey.invalidate(k));
        }
    }

    /** Drops every snapshot (a product changed, or the inactivity job ran), now and after commit. */
    void invalidateAll() {
        afterCommit(byKey::invalidateAll);
    }

    private static void afterCommit(Runnable action) {
        action.run();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    action.run();
                }
            });
        }
    }
}
