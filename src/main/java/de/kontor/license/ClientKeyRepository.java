package de.kontor.license;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

interface ClientKeyRepository extends JpaRepository<ClientKey, Long> {
    Optional<ClientKey> findByKeyHash(String hash);

    List<ClientKey> findByProductIdOrderByCreatedAtDesc(Long productId);

    @Modifying
    @Query("update ClientKey k set k.lastUsedAt = :now where k.id = :id")
    void touch(Long id, Instant now);
}
