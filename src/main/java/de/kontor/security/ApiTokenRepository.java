package de.kontor.security;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import java.time.Instant;
import java.util.Optional;

interface ApiTokenRepository extends JpaRepository<ApiToken, Long> {

    @Query("select t from ApiToken t join fetch t.user where t.tokenHash = :hash")
    Optional<ApiToken> findByHash(String hash);

    @Query(
            value = "select t from ApiToken t join fetch t.user where t.kind = :kind",
            countQuery = "select count(t) from ApiToken t where t.kind = :kind")
    Slice<ApiToken> findByKind(ApiToken.Kind kind, Pageable pageable);

    @Modifying
    @Query("update ApiToken t set t.lastUsedAt = :now where t.id = :id")
    void touch(Long id, Instant now);

    @Modifying
    @Query("delete from ApiToken t where t.kind = de.kontor.security.ApiToken.Kind.SESSION and t.expiresAt < :before")
    int deleteExpiredSessionTokens(Instant before);

    @Modifying
    @Query("update ApiToken t set t.revokedAt = :now where t.user.id = :userId and t.revokedAt is null")
    int revokeAllOf(Long userId, Instant now);
}
