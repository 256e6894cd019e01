package de.kontor.license;

import de.kontor.base.db.DatabaseLocks;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * Housekeeping that Quartz triggers: activations without heartbeats become inactive; heartbeat
 * partitions are created ahead and old months rolled up into daily sums.
 */
@Component
class LicenseMaintenance {

    /** Heartbeats are kept this long in full detail, then only as daily sums. */
    static final Duration HEARTBEAT_RETENTION = Duration.ofDays(90);

    static final String PARTITION_LOCK = "kontor_license_partitions";
    private static final Duration PARTITION_LOCK_WAIT = Duration.ofMinutes(2);

    private final ProductRepository products;
    private final ActivationRepository activations;
    private final HeartbeatStore heartbeats;
    private final LicenseSnapshots snapshots;
    private final DatabaseLocks locks;
    private final Clock clock;

    LicenseMaintenance(
            ProductRepository products,
            ActivationRepository activations,
            HeartbeatStore heartbeats,
            LicenseSnapshots snapshots,
            DatabaseLocks locks,
            Clock clock) {
        this.products = products;
        this.activations = activations;
        this.heartbeats = heartbeats;
        this.snapshots = snapshots;
        this.locks = locks;
        this.clock = clock;
    }

    /** Activations without a heartbeat for three of their product's intervals become inactive. */
    int markInactiveActivations() {
        Instant now = clock.instant();
        int changed = 0;
        for (Product product : products.findAll()) {
            Instant cutoff = now.minus(product.heartbeatInterval().multipliedBy(3));
            changed += activations.markInactive(product.getId(), cutoff);
        }
        if (changed > 0) {
            snapshots.invalidateAll();
        }
        return changed;
    }

    /**
     * Keeps the heartbeat partitions: the current and the next three months exist; months entirely
     * older than the retention (90 days) are rolled up into daily sums and dropped. Under a database lock:
     * two nodes splitting the same partition at once would fail on the duplicate partition name.
     */
    void maintainHeartbeatPartitions() {
        locks.run(PARTITION_LOCK, PARTITION_LOCK_WAIT, this::maintainPartitions);
    }

    private void maintainPartitions() {
        YearMonth current = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
        heartbeats.ensureMonthsUntil(current.minusMonths(3), current.plusMonths(3));
        Instant oldest = clock.instant().minus(HEARTBEAT_RETENTION);
        for (YearMonth month : heartbeats.partitions()) {
            Instant end =
                    month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            if (!end.isAfter(oldest)) {
                heartbeats.rollUpAndDrop(month);
            }
        }
    }
}
