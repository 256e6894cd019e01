package de.kontor.tally.api;

import de.kontor.base.crypto.Hashes;
import de.kontor.base.db.Rows;
import de.kontor.base.db.TransientConflicts;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * Requests with an {@code Idempotency-Key} are carried out at most once per API key: the first answer is
 * stored in the same transaction as the booking it reports, together with a hash of the request (method,
 * path, body). A repeat of the same request, even a concurrent one, gets the stored answer; the same key with
 * another request is refused, so a client reusing keys by mistake does not take another booking's answer
 * for its own.
 */
@Component
class Idempotency {

    /** The longest key kept; longer ones are refused rather than cut (two keys must not become one). */
    static final int MAX_KEY_LENGTH = 200;

    /** What a request with a key came to. */
    sealed interface Outcome permits Done, Reused {}

    /** The answer: the work's own, or the stored one of an earlier identical request. */
    record Done(Answer answer) implements Outcome {}

    /** The key was used before for another request; nothing was done. */
    record Reused() implements Outcome {}

    private record Stored(int status, String body, @Nullable String requestHash) {}

    private static final RowMapper<Stored> STORED = Rows.mapper(Stored.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final TransientConflicts conflicts;
    private final Clock clock;

    Idempotency(JdbcClient jdbc, PlatformTransactionManager transactions, TransientConflicts conflicts, Clock clock) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.conflicts = conflicts;
        this.clock = clock;
    }

    /** The SHA-256 of the request's method, path and body, each length-prefixed so that no two requests share it. */
    static String requestHash(String method, String path, String body) {
        StringBuilder text = new StringBuilder();
        for (String part : new String[] {method, path, body}) {
            text.append(part.getBytes(StandardCharsets.UTF_8).length)
                    .append(':')
                    .append(part);
        }
        return Hashes.sha256Hex(text.toString());
    }

    /**
     * Runs {@code work} unless this API key used {@code key} before: then the stored answer comes back if the
     * request was the same ({@code requestHash}), or {@link Reused} if it was not.
     */
    Outcome once(long apiKeyId, String key, String requestHash, Supplier<Answer> work) {
        try {
            // a transaction that lost a deadlock or certification left nothing behind, its key included: run it again
            return new Done(conflicts.retry(() -> tx.execute(status -> {
                jdbc.sql("insert into tally_idempotency (api_key_id, idem_key, request_hash, status, body, created_at) "
                                + "values (?, ?, ?, 0, '', ?)")
                        .params(apiKeyId, key, requestHash, Timestamp.from(clock.instant()))
                        .update();
                Answer answer = work.get();
                jdbc.sql("update tally_idempotency set status = ?, body = ? where api_key_id = ? and idem_key = ?")
                        .params(answer.status(), answer.body(), apiKeyId, key)
                        .update();
                return answer;
            })));
        } catch (DuplicateKeyException repeat) {
            // the first request has committed (a concurrent one waited for its row lock): answer as it did
            Stored stored = jdbc.sql("select status, body, request_hash from tally_idempotency "
                            + "where api_key_id = ? and idem_key = ?")
                    .params(apiKeyId, key)
                    .query(STORED)
                    .single();
            if (stored.requestHash() != null && !stored.requestHash().equals(requestHash)) {
                return new Reused();
            }
            return new Done(new Answer(stored.status(), stored.body()));
        }
    }
}
