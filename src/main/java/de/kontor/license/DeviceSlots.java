package de.kontor.license;

import de.kontor.base.audit.AuditService;
import de.kontor.base.error.DomainException;
import de.kontor.license.LicenseEnums.ActivationState;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The machines a license is activated on, from the admin's side: which hold a slot, deactivate one, free
 * a slot for a replacement machine. Both writes lock the license row, like the client API's activation.
 * Callers hold the transaction.
 */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class DeviceSlots {

    private final LicenseRepository licenses;
    private final ActivationRepository activations;
    private final AuditService audit;
    private final Clock clock;

    DeviceSlots(LicenseRepository licenses, ActivationRepository activations, AuditService audit, Clock clock) {
        this.licenses = licenses;
        this.activations = activations;
        this.audit = audit;
        this.clock = clock;
    }

    List<Activation> activations(long licenseId) {
        return activations.findByLicenseIdOrderByFirstSeenAtAsc(licenseId);
    }

    /** Number of activations holding a slot, per license. */
    Map<Long, Long> usedSlots(Collection<Long> licenseIds) {
        Map<Long, Long> used = new HashMap<>();
        if (!licenseIds.isEmpty()) {
            activations.findByLicenseIdIn(licenseIds).stream()
                    .filter(Activation::holdsSlot)
                    .forEach(a -> used.merge(a.getLicenseId(), 1L, Long::sum));
        }
        return used;
    }

    Activation deactivate(long activationId) {
        Activation activation = activation(activationId);
        License license = licenses.lockById(activation.getLicenseId()).orElseThrow();
        if (activation.getState() != ActivationState.DEACTIVATED) {
            activation.deactivate(clock.instant());
            audit.record(
                    LicenseService.MODULE,
                    "Activation",
                    activationId,
                    "DEACTIVATE",
                    "Device " + describe(activation) + " of license " + license.getKey() + " deactivated by an admin");
        }
        return activation;
    }

    /** Frees a device's slot for a replacement machine: the next new machine that activates takes it over. */
    Activation transfer(long activationId) {
        Activation activation = activation(activationId);
        License license = licenses.lockById(activation.getLicenseId()).orElseThrow();
        if (!activation.holdsSlot()) {
            throw DomainException.conflict("ACTIVATION_DEACTIVATED", "license.transfer.deactivated");
        }
        String was = describe(activation);
        activation.releaseForTransfer();
        audit.record(
                LicenseService.MODULE,
                "Activation",
                activationId,
                "TRANSFER_START",
                "Slot of device " + was + " of license " + license.getKey() + " freed for a replacement machine");
        return activation;
    }

    private Activation activation(long id) {
        return activations
                .findById(id)
                .orElseThrow(() -> DomainException.notFound("ACTIVATION_NOT_FOUND", "license.activation.notFound", id));
    }

    private static String describe(Activation a) {
        return a.getHostname() != null ? a.getHostname() : (a.getMac() != null ? a.getMac() : "#" + a.getId());
    }
}
