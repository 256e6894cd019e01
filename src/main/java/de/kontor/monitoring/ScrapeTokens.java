package de.kontor.monitoring;

import de.kontor.base.crypto.Hashes;
import de.kontor.base.crypto.Tokens;
import de.kontor.base.error.DomainException;
import de.kontor.monitoring.MonitoringModel.IssuedScrapeToken;
import de.kontor.monitoring.MonitoringModel.ScrapeToken;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Bearer tokens for Prometheus: created by admins (shown once, stored as SHA-256) or one given by
 * configuration. When a token was last used is written at most once a minute.
 */
@Component
class ScrapeTokens {

    private static final Duration USE_PRECISION = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final MonitoringProperties properties;

    ScrapeTokens(JdbcClient jdbc, MonitoringProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    record Row(
            long id,
            String name,
            String tokenPrefix,
            LocalDateTime createdAt,
            String createdBy,
            @Nullable LocalDateTime lastUsedAt) {
        ScrapeToken toToken() {
            return new ScrapeToken(
                    id, name, tokenPrefix, Times.instant(createdAt), createdBy, Times.instant(lastUsedAt));
        }
    }

    IssuedScrapeToken create(String rawName, String by, Instant now) {
        String name = rawName == null ? "" : rawName.strip();
        if (name.isEmpty() || name.length() > 100) {
            throw DomainException.invalidField("name", "NAME_REQUIRED", "monitoring.scrape.nameRequired");
        }
        String token = "kps_" + Tokens.random(32);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into monitoring_scrape_token (name, token_hash, token_prefix, created_at, created_by) "
                        + "values (?, ?, ?, ?, ?)")
                .params(name, Hashes.sha256Hex(token), token.substring(0, 8), Times.utc(now), by)
                .update(key);
        return new IssuedScrapeToken(key.getKey().longValue(), name, token);
    }

    List<ScrapeToken> active() {
        return jdbc
                .sql("select id, name, token_prefix, created_at, created_by, last_used_at from monitoring_scrape_token "
                        + "where revoked_at is null order by created_at desc")
                .query(Row.class)
                .list()
                .stream()
                .map(Row::toToken)
                .toList();
    }

    Optional<ScrapeToken> revoke(long id, Instant now) {
        Optional<Row> row = jdbc.sql("select id, name, token_prefix, created_at, created_by, last_used_at "
                        + "from monitoring_scrape_token where id = ? and revoked_at is null for update")
                .param(id)
                .query(Row.class)
                .optional();
        row.ifPresent(r -> jdbc.sql("update monitoring_scrape_token set revoked_at = ? where id = ?")
                .params(Times.utc(now), id)
                .update());
        return row.map(Row::toToken);
    }

    /** Whether the token may scrape: the configured one, or an admin-created one not revoked. */
    boolean accepts(String token, Instant now) {
        String configured = properties.scrapeToken();
        if (configured != null
                && !configured.isBlank()
                && MessageDigest.isEqual(configured.strip().getBytes(), token.getBytes())) {
            return true;
        }
        int updated = jdbc.sql("update monitoring_scrape_token set last_used_at = ? where token_hash = ? "
                        + "and revoked_at is null and (last_used_at is null or last_used_at < ?)")
                .params(Times.utc(now), Hashes.sha256Hex(token), Times.utc(now.minus(USE_PRECISION)))
                .update();
        if (updated > 0) {
            return true;
        }
        return jdbc.sql("select count(*) from monitoring_scrape_token where token_hash = ? and revoked_at is null")
                        .param(Hashes.sha256Hex(token))
                        .query(Long.class)
                        .single()
                > 0;
    }
}
