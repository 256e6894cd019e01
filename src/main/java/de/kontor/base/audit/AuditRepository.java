package de.kontor.base.audit;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.List;

interface AuditRepository extends JpaRepository<AuditEntry, Long>, JpaSpecificationExecutor<AuditEntry> {

    Slice<AuditEntry> findByEntityTypeAndEntityId(String entityType, String entityId, Pageable pageable);

    @Query("select distinct a.username from AuditEntry a order by a.username")
    List<String> findDistinctUsernames();

    @Query("select distinct a.module from AuditEntry a order by a.module")
    List<String> findDistinctModules();

    @Query("select max(a.occurredAt) from AuditEntry a where a.module = ?1 and a.action = ?2")
    @Nullable
    Instant latest(String module, String action);
}
