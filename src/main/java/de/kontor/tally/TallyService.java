package de.kontor.tally;

import de.kontor.base.audit.AuditService;
import de.kontor.base.crypto.Hashes;
import de.kontor.base.db.Inserts;
import de.kontor.base.error.DomainException;
import de.kontor.security.NewUser;
import de.kontor.security.Role;
import de.kontor.security.UserService;
import de.kontor.tally.TallyModel.ApiClient;
import de.kontor.tally.TallyModel.Blocked;
import de.kontor.tally.TallyModel.Booked;
import de.kontor.tally.TallyModel.BookedEvent;
import de.kontor.tally.TallyModel.Entry;
import de.kontor.tally.TallyModel.InvalidAmount;
import de.kontor.tally.TallyModel.IssuedKey;
import de.kontor.tally.TallyModel.Locked;
import de.kontor.tally.TallyModel.NfcOutcome;
import de.kontor.tally.TallyModel.PersonBalance;
import de.kontor.tally.TallyModel.PersonName;
import de.kontor.tally.TallyModel.QrOutcome;
import de.kontor.tally.TallyModel.Scope;
import de.kontor.tally.TallyModel.Settings;
import de.kontor.tally.TallyModel.UnknownToken;
import de.kontor.tally.TallyModel.UnknownTokenEvent;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Tally accounts: persons with a balance kept as a ledger, NFC tokens, API users with scoped keys,
 * settings. Every booking locks the person's row ({@code SELECT ... FOR UPDATE}) and keeps
 * {@code tally_person.balance} equal to the sum of the active ledger, so concurrent terminals neither
 * lose bookings nor let an NFC booking take a balance below 0.
 */
@Service
public class TallyService {

    static final String MODULE = "tally";
    public static final String CODE_PATTERN = "\\d{10}";
    private static final String KEY_PREFIX = "tly_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final UserService users;
    private final AuditService audit;
    private final Clock clock;

    TallyService(JdbcTemplate jdbc, PlatformTransactionManager transactions, ApplicationEventPublisher events,
                 UserService users, AuditService audit, Clock clock) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.events = events;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- lookups ---------------------------------------------------------------------------------------

    private static final RowMapper<PersonBalance> BALANCE = (rs, i) -> new PersonBalance(rs.getLong("id"),
            rs.getString("code"), rs.getString("last_name"), rs.getString("first_name"), rs.getLong("balance"),
            rs.getBoolean("locked"));

    /** An active (not archived) person by code. */
    public Optional<PersonBalance> person(String code) {
        return jdbc.query("select id, code, last_name, first_name, balance, locked from tally_person "
                + "where code = ? and archived_at is null", BALANCE, code).stream().findFirst();
    }

    /** Active persons sorted by last name, first name. */
    public List<PersonName> persons() {
        return jdbc.query("select id, code, last_name, first_name from tally_person where archived_at is null "
                        + "order by last_name, first_name, code",
                (rs, i) -> new PersonName(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
    }

    /** Active persons by balance, highest first, then by name. */
    public List<PersonBalance> balances() {
        return jdbc.query("select id, code, last_name, first_name, balance, locked from tally_person "
                + "where archived_at is null order by balance desc, last_name, first_name, code", BALANCE);
    }

    /** The active ledger of everyone, newest first. */
    public List<Entry> entries(int limit) {
        return jdbc.query("select e.id, e.person_id, p.last_name, p.first_name, e.amount, e.description, e.booked_at, "
                + "e.source, e.booked_by from tally_entry e join tally_person p on p.id = e.person_id "
                + "where e.reset_id is null order by e.booked_at desc, e.id desc limit ?", ENTRY, limit);
    }

    private static final RowMapper<Entry> ENTRY = (rs, i) -> new Entry(rs.getLong(1), rs.getLong(2), rs.getString(3),
            rs.getString(4), rs.getLong(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8),
            rs.getString(9));

    public Settings settings() {
        return jdbc.queryForObject("select booking_amount, currency, responsible_email, self_registration "
                        + "from tally_settings where id = 1",
                (rs, i) -> new Settings(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)));
    }

    // ---- bookings ----------------------------------------------------------------------------------------

    private record Locking(long id, String firstName, boolean locked, long balance) {
    }

    private Optional<Locking> lock(long personId) {
        return jdbc.query("select id, first_name, locked, balance from tally_person where id = ? and archived_at is null "
                        + "for update",
                (rs, i) -> new Locking(rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getLong(4)), personId)
                .stream().findFirst();
    }

    /** Books the configured amount for the person holding the token; never below 0. */
    public NfcOutcome bookNfc(byte[] token, String terminal, ApiClient by) {
        return tx.execute(status -> {
            Optional<Long> personId = jdbc.query("select t.person_id from tally_token t join tally_person p "
                            + "on p.id = t.person_id where t.token_bytes = ? and p.archived_at is null",
                    (rs, i) -> rs.getLong(1), (Object) token).stream().findFirst();
            if (personId.isEmpty()) {
                events.publishEvent(new UnknownTokenEvent(token.clone(), terminal, clock.instant()));
                return new UnknownToken();
            }
            Locking person = lock(personId.get()).orElseThrow();
            if (person.locked()) {
                return new Locked(person.firstName());
            }
            Settings settings = settings();
            if (settings.bookingAmount() >= 0) {
                return new InvalidAmount(settings.bookingAmount());
            }
            long after = person.balance() + settings.bookingAmount();
            if (after < 0) {
                return new Blocked(person.firstName(), person.balance(), settings.currency());
            }
            book(person, settings.bookingAmount(), terminal, "NFC", "api:" + by.userName());
            jdbc.update("update tally_token set last_used_at = ? where token_bytes = ?", Timestamp.from(clock.instant()),
                    token);
            return new Booked(person.firstName(), after, settings.currency());
        });
    }

    /** Books the configured amount for the person with the code (a QR code); may go below 0. */
    public QrOutcome bookQr(String code, String description, ApiClient by) {
        return tx.execute(status -> {
            Optional<PersonBalance> found = person(code);
            if (found.isEmpty()) {
                return new UnknownToken();
            }
            Locking person = lock(found.get().id()).orElseThrow();
            if (person.locked()) {
                return new Locked(person.firstName());
            }
            Settings settings = settings();
            if (settings.bookingAmount() >= 0) {
                return new InvalidAmount(settings.bookingAmount());
            }
            book(person, settings.bookingAmount(), description, "QR", "api:" + by.userName());
            return new Booked(person.firstName(), person.balance() + settings.bookingAmount(), settings.currency());
        });
    }

    /** An admin's booking (deposit or correction): any whole amount except 0, with a description. */
    public long addBooking(long personId, long amount, String description) {
        if (amount == 0) {
            throw DomainException.invalidField("amount", "INVALID_AMOUNT", "tally.booking.amount");
        }
        if (description == null || description.isBlank()) {
            throw DomainException.invalidField("description", "DESCRIPTION_REQUIRED", "tally.booking.description");
        }
        return tx.execute(status -> {
            Locking person = lock(personId).orElseThrow(() -> DomainException.notFound("PERSON_NOT_FOUND",
                    "tally.person.notFound", personId));
            String by = de.kontor.base.CurrentUser.username().orElse("system");
            long id = book(person, amount, description.strip(), "ADMIN", by);
            audit.record(MODULE, "Entry", id, "CREATE", "Tally booking of " + amount + " for person #" + personId);
            return id;
        });
    }

    private long book(Locking person, long amount, String description, String source, String bookedBy) {
        String text = description.length() > 255 ? description.substring(0, 255) : description;
        long entryId = Inserts.returningId(jdbc, "insert into tally_entry (person_id, amount, description, booked_at, "
                        + "source, booked_by) values (?, ?, ?, ?, ?, ?)", person.id(), amount, text,
                Timestamp.from(clock.instant()), source, bookedBy.length() > 150 ? bookedBy.substring(0, 150) : bookedBy);
        jdbc.update("update tally_person set balance = balance + ? where id = ?", amount, person.id());
        events.publishEvent(new BookedEvent(person.id(), entryId, amount, person.balance(), person.balance() + amount));
        return entryId;
    }

    // ---- persons and ledgers through the terminal API (manage scope) --------------------------------------

    /**
     * A person with a Kontor account (user name = code, role MEMBER). Without a password the account gets
     * a random one nobody knows (the person sets one through "forgot password" or an admin).
     */
    public PersonName createPerson(String code, String lastName, String firstName, @Nullable String password) {
        if (!code.matches(CODE_PATTERN)) {
            throw DomainException.invalidField("code", "INVALID_CODE", "tally.code.pattern");
        }
        if (lastName.isBlank() || firstName.isBlank()) {
            throw DomainException.invalidField("lastName", "NAME_REQUIRED", "tally.name.required");
        }
        return tx.execute(status -> {
            if (jdbc.queryForObject("select count(*) from tally_person where code = ?", Integer.class, code) > 0) {
                throw DomainException.conflict("CODE_TAKEN", "tally.code.taken", code).onField("code");
            }
            Long userId = users.findByUsername(code).map(u -> u.getId()).orElse(null);
            if (userId == null) {
                String secret = password == null || password.isBlank() ? null : password;
                userId = users.createUser(new NewUser(code, firstName.strip() + " " + lastName.strip(), null,
                        EnumSet.of(Role.MEMBER), secret)).account().getId();
            }
            Timestamp now = Timestamp.from(clock.instant());
            long id = Inserts.returningId(jdbc, "insert into tally_person (code, user_id, first_name, last_name, "
                    + "created_at, updated_at) values (?, ?, ?, ?, ?, ?)", code, userId, firstName.strip(), lastName.strip(),
                    now, now);
            audit.record(MODULE, "Person", id, "CREATE", "Tally person " + code + " created");
            return new PersonName(id, code, lastName.strip(), firstName.strip());
        });
    }

    /** Archives the person (kept for the ledger); their account is disabled. False when unknown. */
    public boolean archivePerson(String code) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            Optional<PersonBalance> person = person(code);
            if (person.isEmpty()) {
                return false;
            }
            jdbc.update("update tally_person set archived_at = ?, updated_at = ? where id = ?",
                    Timestamp.from(clock.instant()), Timestamp.from(clock.instant()), person.get().id());
            jdbc.update("update app_user set enabled = false where id = (select user_id from tally_person where id = ?)",
                    person.get().id());
            audit.record(MODULE, "Person", person.get().id(), "ARCHIVE", "Tally person " + code + " archived");
            return true;
        }));
    }

    /**
     * Archives the active ledger of one person (or everyone when {@code personId} is null) as one reset,
     * which an admin can restore. Returns the number of entries archived.
     */
    public int resetLedger(@Nullable Long personId, String by) {
        return tx.execute(status -> {
            List<Long> persons = personId != null ? List.of(personId)
                    : jdbc.queryForList("select id from tally_person order by id", Long.class);
            persons.forEach(id -> jdbc.query("select id from tally_person where id = ? for update", rs -> { }, id));
            long resetId = Inserts.returningId(jdbc, "insert into tally_reset (person_id, reset_at, reset_by, entries) "
                    + "values (?, ?, ?, 0)", personId, Timestamp.from(clock.instant()), by);
            int archived = personId == null
                    ? jdbc.update("update tally_entry set reset_id = ? where reset_id is null", resetId)
                    : jdbc.update("update tally_entry set reset_id = ? where reset_id is null and person_id = ?", resetId,
                            personId);
            jdbc.update("update tally_reset set entries = ? where id = ?", archived, resetId);
            if (personId == null) {
                jdbc.update("update tally_person set balance = 0");
            } else {
                jdbc.update("update tally_person set balance = 0 where id = ?", personId);
            }
            audit.record(MODULE, "Ledger", personId, "RESET", archived + " tally entries archived (reset #" + resetId + ")");
            return archived;
        });
    }

    /** Brings the entries of a reset back into the ledger. */
    public int restoreReset(long resetId) {
        return tx.execute(status -> {
            int restored = jdbc.update("update tally_entry set reset_id = null where reset_id = ?", resetId);
            jdbc.update("update tally_reset set restored_at = ? where id = ?", Timestamp.from(clock.instant()), resetId);
            jdbc.update("update tally_person p set balance = (select coalesce(sum(amount), 0) from tally_entry e "
                    + "where e.person_id = p.id and e.reset_id is null)");
            audit.record(MODULE, "Ledger", resetId, "RESTORE", restored + " tally entries restored (reset #" + resetId + ")");
            return restored;
        });
    }

    // ---- NFC tokens --------------------------------------------------------------------------------------

    /** Registers a token (hex, with or without spaces or colons; 1 to 20 bytes) for a person. */
    public long addToken(long personId, String name, String hex) {
        byte[] bytes = parseHex(hex);
        try {
            return tx.execute(status -> {
                long id = Inserts.returningId(jdbc, "insert into tally_token (person_id, name, token_bytes, created_at) "
                        + "values (?, ?, ?, ?)", personId, name.isBlank() ? "NFC" : name.strip(), bytes,
                        Timestamp.from(clock.instant()));
                audit.record(MODULE, "Token", personId, "CREATE", "NFC token " + HexFormat.ofDelimiter(":").formatHex(bytes)
                        + " registered");
                return id;
            });
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("TOKEN_TAKEN", "tally.token.taken").onField("token");
        }
    }

    static byte[] parseHex(String hex) {
        String compact = hex == null ? "" : hex.replaceAll("[\\s:-]", "");
        if (compact.isEmpty() || compact.length() % 2 != 0 || compact.length() > 40 || !compact.matches("[0-9a-fA-F]+")) {
            throw DomainException.invalidField("token", "INVALID_TOKEN", "tally.token.hex");
        }
        return HexFormat.of().parseHex(compact);
    }

    // ---- API users and keys ------------------------------------------------------------------------------

    public long createApiUser(String name) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw DomainException.invalidField("name", "INVALID_NAME", "tally.apiUser.name");
        }
        long id = Inserts.returningId(jdbc, "insert into tally_api_user (name, created_at) values (?, ?)", name.strip(),
                Timestamp.from(clock.instant()));
        audit.record(MODULE, "ApiUser", id, "CREATE", "Tally API user \"" + name.strip() + "\" created");
        return id;
    }

    /** A new key for the API user; its value is returned once and stored as SHA-256 only. */
    public IssuedKey generateKey(long apiUserId, Scope scope) {
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        String value = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        long keyId = Inserts.returningId(jdbc, "insert into tally_api_key (api_user_id, key_hash, key_prefix, scope, "
                + "created_at) values (?, ?, ?, ?, ?)", apiUserId, Hashes.sha256Hex(value), value.substring(0, 10),
                scope.name(), Timestamp.from(clock.instant()));
        audit.record(MODULE, "ApiKey", keyId, "CREATE", "Tally API key " + value.substring(0, 10) + "… (" + scope
                + ") created");
        return new IssuedKey(keyId, apiUserId, value, scope);
    }

    /** The client a key belongs to, if the key is known and neither it nor its user is deleted. */
    public Optional<ApiClient> authenticate(String key) {
        return jdbc.query("select k.id, u.id, u.name, k.scope from tally_api_key k join tally_api_user u "
                        + "on u.id = k.api_user_id where k.key_hash = ? and k.revoked_at is null and u.deleted_at is null",
                (rs, i) -> new ApiClient(rs.getLong(1), rs.getLong(2), rs.getString(3), Scope.valueOf(rs.getString(4))),
                Hashes.sha256Hex(key)).stream().findFirst();
    }

    // ---- idempotency ---------------------------------------------------------------------------------------

    /** A stored answer: HTTP status and JSON body. */
    public record Answer(int status, String body) {
    }

    /**
     * Runs {@code work} at most once per API key and idempotency key: the first answer is stored in the same
     * transaction as the booking; a repeat (even a concurrent one) gets the stored answer.
     */
    public Answer once(long apiKeyId, String idempotencyKey, Supplier<Answer> work) {
        String idemKey = idempotencyKey.length() > 200 ? idempotencyKey.substring(0, 200) : idempotencyKey;
        try {
            return tx.execute(status -> {
                jdbc.update("insert into tally_idempotency (api_key_id, idem_key, status, body, created_at) "
                        + "values (?, ?, 0, '', ?)", apiKeyId, idemKey, Timestamp.from(clock.instant()));
                Answer answer = work.get();
                jdbc.update("update tally_idempotency set status = ?, body = ? where api_key_id = ? and idem_key = ?",
                        answer.status(), answer.body(), apiKeyId, idemKey);
                return answer;
            });
        } catch (DuplicateKeyException repeat) {
            return jdbc.queryForObject("select status, body from tally_idempotency where api_key_id = ? and idem_key = ?",
                    (rs, i) -> new Answer(rs.getInt(1), rs.getString(2)), apiKeyId, idemKey);
        }
    }

}
