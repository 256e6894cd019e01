package de.kontor.security;

import de.kontor.base.db.Like;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code user_session} table: web UI sessions (by the hash of their id) and API tokens, with where and
 * when they were used. Callers hold the transaction; single-statement writes (registering, last activity)
 * need none.
 */
@Component
class SessionRegistry {

    /** What a node needs to know about a web session on each request. */
    record Known(long id, boolean ended) {}

    private static final String SELECT = """
            select s.id, s.kind, s.user_id, u.username, u.display_name, s.address, s.browser, s.node,
                   s.started_at, s.last_seen_at, s.ended_at, s.end_reason, t.name as token_name,
                   coalesce(t.kind = 'PERSONAL', false) as personal, false as current
            from user_session s
            join app_user u on u.id = s.user_id
            left join api_token t on t.id = s.token_id
            """;

    /** Open: not ended, a web session seen within the idle timeout, a token neither revoked nor expired. */
    private static final String ACTIVE = """
            s.ended_at is null
            and ((s.kind = 'UI' and s.last_seen_at >= :uiCutoff)
              or (s.kind = 'API' and t.revoked_at is null and (t.expires_at is null or t.expires_at > :now)))
            """;

    private static final Map<String, String> SORTABLE = Map.of(
            "username", "u.username",
            "startedAt", "s.started_at",
            "lastSeenAt", "s.last_seen_at",
            "address", "s.address",
            "node", "s.node",
            "kind", "s.kind");

    private final JdbcClient jdbc;

    SessionRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Known> findUi(String hash) {
        return jdbc.sql("select id, ended_at is not null as ended from user_session where session_hash = ?")
                .param(hash)
                .query(Known.class)
                .optional();
    }

    /** Registers a web session (once, however many requests race to do it) and returns what is known of it. */
    Known registerUi(
            String hash, long userId, @Nullable String address, @Nullable String browser, String node, Instant now) {
        jdbc.sql("""
                        insert ignore into user_session
                            (kind, session_hash, user_id, address, browser, node, started_at, last_seen_at)
                        values ('UI', ?, ?, ?, ?, ?, ?, ?)
                        """).params(hash, userId, address, browser, node, now, now).update();
        return findUi(hash).orElseThrow();
    }

    void registerToken(
            long tokenId, long userId, @Nullable String address, @Nullable String browser, String node, Instant now) {
        jdbc.sql("""
                        insert ignore into user_session
                            (kind, token_id, user_id, address, browser, node, started_at, last_seen_at)
                        values ('API', ?, ?, ?, ?, ?, ?, ?)
                        """).params(tokenId, userId, address, browser, node, now, now).update();
    }

    void touch(long id, Instant now, @Nullable String address, String node) {
        jdbc.sql("update user_session set last_seen_at = ?, address = coalesce(?, address), node = ? where id = ?")
                .params(now, address, node, id)
                .update();
    }

    void touchToken(long tokenId, Instant now, @Nullable String address, String node) {
        jdbc.sql("""
                        update user_session set last_seen_at = ?, address = coalesce(?, address), node = ?
                        where token_id = ?
                        """).params(now, address, node, tokenId).update();
    }

    Optional<SessionInfo> lock(long id) {
        return jdbc.sql(SELECT + " where s.id = ? for update")
                .param(id)
                .query(SessionInfo.class)
                .optional();
    }

    Optional<Long> tokenOf(long id) {
        return jdbc.sql("select token_id from user_session where id = ? and token_id is not null")
                .param(id)
                .query(Long.class)
                .optional();
    }

    Optional<Long> idOfToken(long tokenId) {
        return jdbc.sql("select id from user_session where token_id = ?")
                .param(tokenId)
                .query(Long.class)
                .optional();
    }

    /** Forgets the user's "stay signed in" browsers, so none signs back in after its session was ended. */
    void forgetRememberedBrowsers(long userId) {
        jdbc.sql("delete from persistent_logins where username = (select username from app_user where id = ?)")
                .param(userId)
                .update();
    }

    /** Marks the entry ended; false when it already was. */
    boolean end(long id, Instant now, @Nullable String by, String reason) {
        return jdbc.sql("""
                                update user_session set ended_at = ?, ended_by = ?, end_reason = ?
                                where id = ? and ended_at is null
                                """).params(now, by, reason, id).update() > 0;
    }

    /** The web session ended by itself (sign-out, timeout, node shutdown). */
    void endUi(String hash, Instant now, String reason) {
        jdbc.sql("""
                        update user_session set ended_at = ?, end_reason = ?
                        where session_hash = ? and ended_at is null
                        """).params(now, reason, hash).update();
    }

    /** Ends the entry of an API token that was revoked. */
    void endToken(long tokenId, Instant now, @Nullable String by, String reason) {
        jdbc.sql("""
                        update user_session set ended_at = ?, ended_by = ?, end_reason = ?
                        where token_id = ? and ended_at is null
                        """).params(now, by, reason, tokenId).update();
    }

    /** Open entries of a user (locked), to end them. */
    List<SessionInfo> lockOpenOf(long userId) {
        return jdbc.sql(SELECT + " where s.user_id = ? and s.ended_at is null for update")
                .param(userId)
                .query(SessionInfo.class)
                .list();
    }

    /** Hashes of web sessions ended at or after {@code since}, for nodes to close them at once. */
    List<String> endedUiSince(Instant since) {
        return jdbc.sql("select session_hash from user_session where ended_at >= ? and kind = 'UI'")
                .param(since)
                .query(String.class)
                .list();
    }

    Slice<SessionInfo> find(
            SessionQuery query, @Nullable Long userId, Instant now, Instant uiCutoff, Pageable pageable) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(query, userId, now, uiCutoff, params);
        String sql = SELECT + where + " order by " + order(pageable.getSort()) + " limit :limit offset :offset";
        params.put("limit", pageable.getPageSize() + 1);
        params.put("offset", pageable.getOffset());
        List<SessionInfo> rows = new ArrayList<>(
                jdbc.sql(sql).params(params).query(SessionInfo.class).list());
        boolean more = rows.size() > pageable.getPageSize();
        if (more) {
            rows.removeLast();
        }
        return new SliceImpl<>(rows, pageable, more);
    }

    long count(SessionQuery query, @Nullable Long userId, Instant now, Instant uiCutoff) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(query, userId, now, uiCutoff, params);
        return jdbc.sql("""
                        select count(*) from user_session s
                        join app_user u on u.id = s.user_id
                        left join api_token t on t.id = s.token_id
                        """ + where).params(params).query(Long.class).single();
    }

    /** Forgets entries that ended (or went idle) long ago. */
    int purgeBefore(Instant before) {
        return jdbc.sql("""
                        delete from user_session
                        where (ended_at is not null and ended_at < ?) or (kind = 'UI' and last_seen_at < ?)
                        """).params(before, before).update();
    }

    private static String where(
            SessionQuery query, @Nullable Long userId, Instant now, Instant uiCutoff, Map<String, Object> params) {
        List<String> where = new ArrayList<>();
        if (!query.includeEnded()) {
            where.add(ACTIVE);
            params.put("now", now);
            params.put("uiCutoff", uiCutoff);
        }
        if (userId != null) {
            where.add("s.user_id = :userId");
            params.put("userId", userId);
        }
        if (query.user() != null && !query.user().isBlank()) {
            where.add("(lower(u.username) like :user or lower(u.display_name) like :user)");
            params.put("user", Like.contains(query.user()));
        }
        if (query.kind() != null) {
            where.add("s.kind = :kind");
            params.put("kind", query.kind());
        }
        return where.isEmpty() ? "" : " where " + String.join(" and ", where);
    }

    private static String order(Sort sort) {
        List<String> parts = new ArrayList<>();
        for (Sort.Order order : sort) {
            String column = SORTABLE.get(order.getProperty());
            if (column != null) {
                parts.add(column + (order.isAscending() ? " asc" : " desc"));
            }
        }
        parts.add("s.last_seen_at desc");
        parts.add("s.id desc");
        return String.join(", ", parts);
    }
}
