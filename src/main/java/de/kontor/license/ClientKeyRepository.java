package de.kontor.license;

import jakarta.persistence.LockModeType;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

interface ClientKeyRepository extends JpaRepository<ClientKey, Long> {
    Optional<ClientKey> findByKeyHash(String hash);

    List<ClientKey> findByProductIdOrderByCreatedAtDesc(Long productId);

    @Modifying
    @Query("update ClientKey k set k.lastUsedAt = :now where k.id = :id")
    void touch(Long id, Instant now);
}
