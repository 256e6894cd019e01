package de.kontor.license;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * JPA listener on licenses, activations and products: whatever changes them through JPA also drops the
 * client API's snapshots of what changed ({@link LicenseSnapshots}), so this node answers with the new
 * state at once.
 */
@Component
class SnapshotInvalidation {

    private final ObjectProvider<LicenseSnapshots> snapshots;

    SnapshotInvalidation(ObjectProvider<LicenseSnapshots> snapshots) {
        this.snapshots = snapshots;
    }

    @PostPersist
    @PostUpdate
    @PostRemove
    void changed(Object entity) {
        LicenseSnapshots s = snapshots.getIfAvailable();
        if (s == null) {
            return;
        }
        switch (entity) {
            case License license -> s.invalidateLicense(license.getId(), license.getKey());
            case Activation activation -> s.invalidateLicense(activation.getLicenseId(), null);
            case Product ignored -> s.invalidateAll();
            default -> {}
        }
    }
}
