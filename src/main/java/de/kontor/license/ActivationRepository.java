package de.kontor.license;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

interface ActivationRepository extends JpaRepository<Activation, Long> {
    List<Activation> findByLicenseIdOrderByFirstSeenAtAsc(Long licenseId);

    List<Activation> findByLicenseIdIn(Collection<Long> licenseIds);

    @Query("select count(a) from Activation a where a.licenseId = :licenseId "
            + "and a.state <> de.kontor.license.LicenseEnums.ActivationState.DEACTIVATED")
    long countHoldingSlots(Long licenseId);

    @Query("select count(a) from Activation a where a.state = :state")
    long countByState(LicenseEnums.ActivationState state);

    @Query("select count(a) from Activation a, License l where a.licenseId = l.id and l.customerId = :customerId "
            + "and a.state <> de.kontor.license.LicenseEnums.ActivationState.DEACTIVATED")
    long countDevicesOfCustomer(Long customerId);

    @Query(
            "select max(a.lastSeenAt) from Activation a, License l where a.licenseId = l.id and l.customerId = :customerId")
    Optional<Instant> lastSeenOfCustomer(Long customerId);

    /** Active activations of a product's licenses last seen before the cutoff become inactive. */
    @Modifying
    @Query(
            value = "update license_activation a join license l on a.license_id = l.id set a.state = 'INACTIVE' "
                    + "where l.product_id = :productId and a.state = 'ACTIVE' and a.last_seen_at < :cutoff",
            nativeQuery = true)
    int markInactive(Long productId, Instant cutoff);
}
