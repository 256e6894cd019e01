package de.kontor.license;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface ReleaseRepository extends JpaRepository<Release, Long> {
    List<Release> findByProductId(Long productId);

    boolean existsByProductIdAndVersion(Long productId, String version);
}
