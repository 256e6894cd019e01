package de.kontor.tally;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.kontor.base.audit.AuditService;
import de.kontor.base.crypto.Hashes;
import de.kontor.base.crypto.Tokens;
import de.kontor.base.db.Rows;
import de.kontor.base.error.DomainException;
import de.kontor.tally.TallyModel.ApiClient;
import de.kontor.tally.TallyModel.ApiKeyInfo;
import de.kontor.tally.TallyModel.ApiUserInfo;
import de.kontor.tally.TallyModel.IssuedKey;
import de.kontor.tally.TallyModel.Scope;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API users (terminals and other clients of the terminal API) and their keys: stored as SHA-256 only, with a
 * scope. Known keys are cached for a few seconds, since terminals send their key with every request.
 */
@Component
class ApiKeys {

    private static final String KEY_PREFIX = "tly_";
    private static final RowMapper<ApiUserInfo> USER = Rows.mapper(ApiUserInfo.class);
    private static final RowMapper<ApiKeyInfo> KEY = Rows.mapper(ApiKeyInfo.class);

    /** By name, without a reflective mapper: read for every request whose key is not cached. */
    private static final RowMapper<ApiClient> CLIENT = (rs, i) -> new ApiClient(
            rs.getLong("key_id"),
            rs.getLong("user_id"),
            rs.getString("user_name"),
            Scope.valueOf(rs.getString("scope")));

    /**
     * Known keys by hash. Deleting a key or an API user empties the cache on this node at once (and again after
     * the commit, in case a request cached the old row meanwhile); other nodes of a cluster follow within 10 s.
     */
    private final Cache<String, ApiClient> keys = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofSeconds(10))
            .build();

    private final ConcurrentHashMap<Long, Instant> keyUseWritten = new ConcurrentHashMap<>();

    private final JdbcClient jdbc;
    private final AuditService audit;
    private final Clock clock;

    ApiKeys(JdbcClient jdbc, AuditService audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    List<ApiUserInfo> users() {
        return jdbc.sql("select u.id, u.name, u.created_at, count(k.id) as active_keys, max(k.last_used_at) "
                        + "as last_used_at from tally_api_user u left join tally_api_key k on k.api_user_id = u.id "
                        + "and k.revoked_at is null where u.deleted_at is null group by u.id, u.name, u.created_at "
                        + "order by u.name, u.id")
                .query(USER)
                .list();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    List<ApiKeyInfo> keys(long apiUserId) {
        return jdbc.sql("select id, api_user_id, key_prefix as prefix, scope, created_at, last_used_at "
                        + "from tally_api_key where api_user_id = ? and revoked_at is null order by created_at, id")
                .param(apiUserId)
                .query(KEY)
                .list();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    long createUser(String name) {
        if (name == null || name.isBlank() || name.strip().length() > Checks.NAME_MAX) {
            throw DomainException.invalidField("name", "INVALID_NAME", "tally.apiUser.name");
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into tally_api_user (name, created_at) values (?, ?)")
                .params(name.strip(), Timestamp.from(clock.instant()))
                .update(key, "id");
        long id = key.getKeyAs(Number.class).longValue();
        audit.record(TallyService.MODULE, "ApiUser", id, "CREATE", "Tally API user \"" + name.strip() + "\" created");
        return id;
    }

    /** Locks the API user's row: a key is never added to a user being deleted. */
    private void lockUser(long apiUserId) {
        jdbc.sql("select id from tally_api_user where id = ? and deleted_at is null for update")
                .param(apiUserId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> DomainException.notFound("API_USER_NOT_FOUND", "tally.apiUser.notFound", apiUserId));
    }

    /** A new key for the API user; its value is returned once and stored as SHA-256 only. */
    @Transactional(propagation = Propagation.MANDATORY)
    IssuedKey generate(long apiUserId, Scope scope) {
        lockUser(apiUserId);
        String value = KEY_PREFIX + Tokens.random(24);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into tally_api_key (api_user_id, key_hash, key_prefix, scope, created_at) "
                        + "values (?, ?, ?, ?, ?)")
                .params(
                        apiUserId,
                        Hashes.sha256Hex(value),
                        value.substring(0, 10),
                        scope.name(),
                        Timestamp.from(clock.instant()))
                .update(key, "id");
        long keyId = key.getKeyAs(Number.class).longValue();
        audit.record(
                TallyService.MODULE,
                "ApiKey",
                keyId,
                "CREATE",
                "Tally API key " + value.substring(0, 10) + "… (" + scope + ") created");
        return new IssuedKey(keyId, apiUserId, value, scope);
    }

    /**
     * The client a key belongs to, if the key is known and neither it nor its user is deleted. Writes "last
     * used" at most once a minute per key (one statement, its own transaction), so it costs terminals nothing.
     */
    Optional<ApiClient> authenticate(String key) {
        String hash = Hashes.sha256Hex(key);
        ApiClient client = keys.getIfPresent(hash);
        if (client == null) {
            client = jdbc.sql("select k.id as key_id, u.id as user_id, u.name as user_name, k.scope "
                            + "from tally_api_key k join tally_api_user u on u.id = k.api_user_id "
                            + "where k.key_hash = ? and k.revoked_at is null and u.deleted_at is null")
                    .param(hash)
                    .query(CLIENT)
                    .optional()
                    .orElse(null);
            if (client == null) {
                return Optional.empty();
            }
            keys.put(hash, client);
        }
        Instant now = clock.instant();
        Instant written = keyUseWritten.get(client.keyId());
        if (written == null || written.isBefore(now.minusSeconds(60))) {
            keyUseWritten.put(client.keyId(), now);
            jdbc.sql("update tally_api_key set last_used_at = ? where id = ?")
                    .params(Timestamp.from(now), client.keyId())
                    .update();
        }
        return Optional.of(client);
    }

    /** Deletes (revokes) a key: terminals using it get 401 from now on. */
    @Transactional(propagation = Propagation.MANDATORY)
    void deleteKey(long apiUserId, long keyId) {
        int revoked = jdbc.sql("update tally_api_key set revoked_at = ? where id = ? and api_user_id = ? "
                        + "and revoked_at is null")
                .params(Timestamp.from(clock.instant()), keyId, apiUserId)
                .update();
        if (revoked == 0) {
            throw DomainException.notFound("API_KEY_NOT_FOUND", "tally.apiKey.notFound", keyId);
        }
        forgetKeys();
        audit.record(TallyService.MODULE, "ApiKey", keyId, "DELETE", "Tally API key #" + keyId + " deleted");
    }

    /** Deletes an API user and all its keys (kept for the audit trail, no longer usable). */
    @Transactional(propagation = Propagation.MANDATORY)
    void deleteUser(long apiUserId) {
        lockUser(apiUserId);
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("update tally_api_key set revoked_at = ? where api_user_id = ? and revoked_at is null")
                .params(now, apiUserId)
                .update();
        jdbc.sql("update tally_api_user set deleted_at = ? where id = ?")
                .params(now, apiUserId)
                .update();
        forgetKeys();
        audit.record(TallyService.MODULE, "ApiUser", apiUserId, "DELETE", "Tally API user #" + apiUserId + " deleted");
    }

    private void forgetKeys() {
        keys.invalidateAll();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    keys.invalidateAll();
                }
            });
        }
    }
}
