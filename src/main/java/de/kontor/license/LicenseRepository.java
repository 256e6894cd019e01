package de.kontor.license;

import jakarta.persistence.LockModeType;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import java.time.LocalDate;
import java.util.Optional;

interface LicenseRepository extends JpaRepository<License, Long>, JpaSpecificationExecutor<License> {
    Optional<License> findByKey(String key);

    boolean existsByKey(String key);

    /** The license row locked for this transaction: activations of one license happen one at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select l from License l where l.id = :id")
    Optional<License> lockById(Long id);

    long countByCustomerId(Long customerId);

    @Query("select count(l) from License l where l.status = de.kontor.license.LicenseEnums.LicenseStatus.ACTIVE "
            + "and (l.validUntil is null or l.validUntil >= :today)")
    long countActive(LocalDate today);

    @Query("select count(l) from License l where l.status = de.kontor.license.LicenseEnums.LicenseStatus.ACTIVE "
            + "and l.validUntil between :from and :to")
    long countExpiring(LocalDate from, LocalDate to);

    Slice<License> findByCustomerIdOrderByCreatedAtDesc(Long customerId, Pageable pageable);
}
