package de.kontor.tally;

import de.kontor.base.audit.AuditService;
import de.kontor.base.db.Rows;
import de.kontor.base.error.DomainException;
import de.kontor.tally.TallyModel.Token;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/** The NFC tokens of persons: raw bytes, unique, entered and shown as hex. */
@Component
@Transactional(propagation = Propagation.MANDATORY)
class NfcTokens {

    private static final HexFormat HEX = HexFormat.ofDelimiter(":").withUpperCase();

    private record TokenRow(
            long id,
            long personId,
            String name,
            byte[] tokenBytes,
            Instant createdAt,
            @Nullable Instant lastUsedAt) {
        Token token() {
            return new Token(id, personId, name, HEX.formatHex(tokenBytes), createdAt, lastUsedAt);
        }
    }

    private static final RowMapper<TokenRow> ROW = Rows.mapper(TokenRow.class);

    private final JdbcClient jdbc;
    private final PersonReader persons;
    private final AuditService audit;
    private final Clock clock;

    NfcTokens(JdbcClient jdbc, PersonReader persons, AuditService audit, Clock clock) {
        this.jdbc = jdbc;
        this.persons = persons;
        this.audit = audit;
        this.clock = clock;
    }

    List<Token> of(long personId) {
        return jdbc
                .sql("select id, person_id, name, token_bytes, created_at, last_used_at from tally_token "
                        + "where person_id = ? order by created_at, id")
                .param(personId)
                .query(ROW)
                .list()
                .stream()
                .map(TokenRow::token)
                .toList();
    }

    /** Registers a token (hex, with or without spaces or colons; 1 to 20 bytes) for a person. */
    long add(long personId, @Nullable String name, @Nullable String hex) {
        byte[] bytes = Checks.hex(hex);
        persons.lockedRow(personId);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.sql("insert into tally_token (person_id, name, token_bytes, created_at) values (?, ?, ?, ?)")
                    .params(
                            personId,
                            name == null || name.isBlank() ? "NFC" : Checks.cut(name.strip(), Checks.NAME_MAX),
                            bytes,
                            Timestamp.from(clock.instant()))
                    .update(key, "id");
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("TOKEN_TAKEN", "tally.token.taken").onField("token");
        }
        audit.record(
                TallyService.MODULE,
                "Token",
                personId,
                "CREATE",
                "NFC token " + HexFormat.ofDelimiter(":").formatHex(bytes) + " registered");
        return key.getKeyAs(Number.class).longValue();
    }

    void delete(long personId, long tokenId) {
        Token token = jdbc.sql("select id, person_id, name, token_bytes, created_at, last_used_at from tally_token "
                        + "where id = ? and person_id = ? for update")
                .params(tokenId, personId)
                .query(ROW)
                .optional()
                .map(TokenRow::token)
                .orElseThrow(() -> DomainException.notFound("TOKEN_NOT_FOUND", "tally.token.notFound", tokenId));
        jdbc.sql("delete from tally_token where id = ?").param(tokenId).update();
        audit.record(
                TallyService.MODULE,
                "Token",
                personId,
                "DELETE",
                "NFC token " + token.hex() + " (" + token.name() + ") removed");
    }
}
