package de.kontor.tally;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.kontor.base.CurrentUser;
import de.kontor.base.Emails;
import de.kontor.base.audit.AuditChange;
import de.kontor.base.audit.AuditService;
import de.kontor.base.crypto.Hashes;
import de.kontor.base.db.Inserts;
import de.kontor.base.db.Like;
import de.kontor.base.db.Rows;
import de.kontor.base.error.ConcurrentChangeException;
import de.kontor.base.error.DomainException;
import de.kontor.base.export.ExportColumn;
import de.kontor.base.export.ExportFormat;
import de.kontor.base.export.ExportProgress;
import de.kontor.base.export.ExportRequest;
import de.kontor.base.export.ExportService;
import de.kontor.security.NewUser;
import de.kontor.security.Role;
import de.kontor.security.UserService;
import de.kontor.tally.TallyModel.ApiClient;
import de.kontor.tally.TallyModel.ApiKeyInfo;
import de.kontor.tally.TallyModel.ApiUserInfo;
import de.kontor.tally.TallyModel.Blocked;
import de.kontor.tally.TallyModel.Booked;
import de.kontor.tally.TallyModel.BookedEvent;
import de.kontor.tally.TallyModel.Entry;
import de.kontor.tally.TallyModel.InvalidAmount;
import de.kontor.tally.TallyModel.IssuedKey;
import de.kontor.tally.TallyModel.Locked;
import de.kontor.tally.TallyModel.NewPerson;
import de.kontor.tally.TallyModel.NfcOutcome;
import de.kontor.tally.TallyModel.NoticeSettings;
import de.kontor.tally.TallyModel.PersonBalance;
import de.kontor.tally.TallyModel.PersonDetails;
import de.kontor.tally.TallyModel.PersonName;
import de.kontor.tally.TallyModel.PersonUpdate;
import de.kontor.tally.TallyModel.QrOutcome;
import de.kontor.tally.TallyModel.Registration;
import de.kontor.tally.TallyModel.ResetInfo;
import de.kontor.tally.TallyModel.Scope;
import de.kontor.tally.TallyModel.Settings;
import de.kontor.tally.TallyModel.Token;
import de.kontor.tally.TallyModel.UnknownToken;
import de.kontor.tally.TallyModel.UnknownTokenEvent;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
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
    private final ZoneId zone;
    private final TallyNotices notices;
    private final ExportService exports;
    private final MessageSource messages;

    TallyService(
            JdbcTemplate jdbc,
            PlatformTransactionManager transactions,
            ApplicationEventPublisher events,
            UserService users,
            AuditService audit,
            Clock clock,
            ZoneId zone,
            TallyNotices notices,
            ExportService exports,
            MessageSource messages) {
        this.exports = exports;
        this.messages = messages;
        this.zone = zone;
        this.notices = notices;
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(transactions);
        this.events = events;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- lookups ---------------------------------------------------------------------------------------

    private static final RowMapper<PersonBalance> BALANCE = (rs, i) -> new PersonBalance(
            rs.getLong("id"),
            rs.getString("code"),
            rs.getString("last_name"),
            rs.getString("first_name"),
            rs.getLong("balance"),
            rs.getBoolean("locked"));

    /** An active (not archived) person by code. */
    public Optional<PersonBalance> person(String code) {
        return jdbc
                .query(
                        "select id, code, last_name, first_name, balance, locked from tally_person "
                                + "where code = ? and archived_at is null",
                        BALANCE,
                        code)
                .stream()
                .findFirst();
    }

    /** Active persons sorted by last name, first name. */
    public List<PersonName> persons() {
        return jdbc.query(
                "select id, code, last_name, first_name from tally_person where archived_at is null "
                        + "order by last_name, first_name, code",
                (rs, i) -> new PersonName(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
    }

    /** Active persons by balance, highest first, then by name. */
    public List<PersonBalance> balances() {
        return jdbc.query(
                "select id, code, last_name, first_name, balance, locked from tally_person "
                        + "where archived_at is null order by balance desc, last_name, first_name, code",
                BALANCE);
    }

    /** The active ledger of everyone, newest first. */
    public List<Entry> entries(int limit) {
        return jdbc.query(
                "select e.id, e.person_id, p.last_name, p.first_name, e.amount, e.description, e.booked_at, "
                        + "e.source, e.booked_by from tally_entry e join tally_person p on p.id = e.person_id "
                        + "where e.reset_id is null order by e.booked_at desc, e.id desc limit ?",
                ENTRY,
                limit);
    }

    private static final RowMapper<Entry> ENTRY = (rs, i) -> new Entry(
            rs.getLong(1),
            rs.getLong(2),
            rs.getString(3),
            rs.getString(4),
            rs.getLong(5),
            rs.getString(6),
            rs.getTimestamp(7).toInstant(),
            rs.getString(8),
            rs.getString(9));

    /** Settings change rarely and every booking reads them: kept for a few seconds (at once on this node). */
    private volatile @Nullable Settings cachedSettings;

    private volatile long settingsReadAt;
    private static final long SETTINGS_TTL_NANOS = 5_000_000_000L;

    public Settings settings() {
        Settings cached = cachedSettings;
        if (cached != null && System.nanoTime() - settingsReadAt < SETTINGS_TTL_NANOS) {
            return cached;
        }
        Settings fresh = readSettings();
        cachedSettings = fresh;
        settingsReadAt = System.nanoTime();
        return fresh;
    }

    /** Reads the settings from the database at the next use (after a change made outside this service). */
    void forgetCachedSettings() {
        cachedSettings = null;
    }

    private Settings readSettings() {
        return jdbc.queryForObject(
                "select booking_amount, currency, responsible_email, self_registration, privacy_notice "
                        + "from tally_settings where id = 1",
                (rs, i) -> new Settings(
                        rs.getInt(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5)));
    }

    // ---- bookings ----------------------------------------------------------------------------------------

    /** A person's row, locked for the booking; {@code mayNotify}: a booking could cause an e-mail. */
    private record Locking(long id, String firstName, boolean locked, long balance, boolean mayNotify) {}

    private Optional<Locking> lock(long personId) {
        return jdbc
                .query(
                        "select id, first_name, locked, balance, (email is not null and (notify_booking or notify_zero "
                                + "or notify_threshold)) or responsible_threshold is not null from tally_person "
                                + "where id = ? and archived_at is null for update",
                        (rs, i) -> new Locking(
                                rs.getLong(1), rs.getString(2), rs.getBoolean(3), rs.getLong(4), rs.getBoolean(5)),
                        personId)
                .stream()
                .findFirst();
    }

    /** Books the configured amount for the person holding the token; never below 0. */
    public NfcOutcome bookNfc(byte[] token, String terminal, ApiClient by) {
        return tx.execute(status -> {
            Instant now = clock.instant();
            // one round trip: find the token's person and lock the row for the booking
            record Found(Locking person, long tokenId, boolean staleUse) {}
            Optional<Found> found = jdbc
                    .query(
                            "select p.id, p.first_name, p.locked, p.balance, (p.email is not null and "
                                    + "(p.notify_booking or p.notify_zero or p.notify_threshold)) or p.responsible_threshold is not null, "
                                    + "t.id, t.last_used_at from tally_token t join tally_person p on p.id = t.person_id "
                                    + "where t.token_bytes = ? and p.archived_at is null for update",
                            (rs, i) -> {
                                Timestamp used = rs.getTimestamp(7);
                                // "last used" is kept to the minute: most bookings need no write to the token
                                return new Found(
                                        new Locking(
                                                rs.getLong(1),
                                                rs.getString(2),
                                                rs.getBoolean(3),
                                                rs.getLong(4),
                                                rs.getBoolean(5)),
                                        rs.getLong(6),
                                        used == null || used.toInstant().isBefore(now.minusSeconds(60)));
                            },
                            (Object) token)
                    .stream()
                    .findFirst();
            if (found.isEmpty()) {
                events.publishEvent(new UnknownTokenEvent(token.clone(), terminal, clock.instant()));
                return new UnknownToken();
            }
            Locking person = found.get().person();
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
            if (found.get().staleUse()) {
                jdbc.update(
                        "update tally_token set last_used_at = ? where id = ?",
                        Timestamp.from(now),
                        found.get().tokenId());
            }
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
            Locking person = lock(personId)
                    .orElseThrow(() -> DomainException.notFound("PERSON_NOT_FOUND", "tally.person.notFound", personId));
            String by = CurrentUser.username().orElse("system");
            long id = book(person, amount, description.strip(), "ADMIN", by);
            audit.record(MODULE, "Entry", id, "CREATE", "Tally booking of " + amount + " for person #" + personId);
            return id;
        });
    }

    /** A booking at a given time (demo data and imports of old ledgers). */
    long bookAt(long personId, long amount, String description, String source, String bookedBy, Instant at) {
        return tx.execute(status -> {
            Locking person = lock(personId).orElseThrow();
            long id = book(person, amount, description, source, bookedBy);
            jdbc.update("update tally_entry set booked_at = ? where id = ?", Timestamp.from(at), id);
            return id;
        });
    }

    private long book(Locking person, long amount, String description, String source, String bookedBy) {
        String text = description.length() > 255 ? description.substring(0, 255) : description;
        long entryId = Inserts.returningId(
                jdbc,
                "insert into tally_entry (person_id, amount, description, booked_at, "
                        + "source, booked_by) values (?, ?, ?, ?, ?, ?)",
                person.id(),
                amount,
                text,
                Timestamp.from(clock.instant()),
                source,
                bookedBy.length() > 150 ? bookedBy.substring(0, 150) : bookedBy);
        jdbc.update("update tally_person set balance = balance + ? where id = ?", amount, person.id());
        events.publishEvent(new BookedEvent(
                person.id(), entryId, amount, person.balance(), person.balance() + amount, person.mayNotify()));
        return entryId;
    }

    // ---- persons and ledgers through the terminal API (manage scope) --------------------------------------

    /**
     * A person with a Kontor account (user name = code, role MEMBER). Without a password the account gets
     * a random one nobody knows (the person sets one through "forgot password" or an admin).
     */
    public PersonName createPerson(String code, String lastName, String firstName, @Nullable String password) {
        PersonDetails created = insertPerson(new NewPerson(code, firstName, lastName, null, password), null);
        return new PersonName(created.id(), created.code(), created.lastName(), created.firstName());
    }

    /** An admin adds a person; without a code, a free one is generated. */
    public PersonDetails createPerson(NewPerson draft) {
        return insertPerson(draft, null);
    }

    private PersonDetails insertPerson(NewPerson draft, @Nullable Instant privacyAccepted) {
        String code = draft.code() == null || draft.code().isBlank()
                ? freeCode()
                : draft.code().strip();
        if (!code.matches(CODE_PATTERN)) {
            throw DomainException.invalidField("code", "INVALID_CODE", "tally.code.pattern");
        }
        String firstName = required(draft.firstName(), "firstName");
        String lastName = required(draft.lastName(), "lastName");
        String email = email(draft.email());
        Long personId = tx.execute(status -> {
            if (jdbc.queryForObject("select count(*) from tally_person where code = ?", Integer.class, code) > 0) {
                throw DomainException.conflict("CODE_TAKEN", "tally.code.taken", code)
                        .onField("code");
            }
            checkEmailFree(email, null);
            Long userId = users.findByUsername(code).map(u -> u.getId()).orElse(null);
            if (userId == null) {
                String secret = draft.password() == null || draft.password().isBlank() ? null : draft.password();
                userId = users.createUser(
                                new NewUser(code, firstName + " " + lastName, email, EnumSet.of(Role.MEMBER), secret))
                        .account()
                        .getId();
            }
            Timestamp now = Timestamp.from(clock.instant());
            long id = Inserts.returningId(
                    jdbc,
                    "insert into tally_person (code, user_id, first_name, last_name, email, "
                            + "privacy_accepted_at, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)",
                    code,
                    userId,
                    firstName,
                    lastName,
                    email,
                    privacyAccepted == null ? null : Timestamp.from(privacyAccepted),
                    now,
                    now);
            audit.record(MODULE, "Person", id, "CREATE", "Tally person " + code + " created");
            return id;
        });
        return details(personId);
    }

    private String freeCode() {
        for (int attempt = 0; attempt < 20; attempt++) {
            String code = String.valueOf(1_000_000_000L + (RANDOM.nextLong() & Long.MAX_VALUE) % 9_000_000_000L);
            if (jdbc.queryForObject("select count(*) from tally_person where code = ?", Integer.class, code) == 0
                    && users.findByUsername(code).isEmpty()) {
                return code;
            }
        }
        throw new IllegalStateException("No free tally code found");
    }

    private static String required(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalidField(field, "NAME_REQUIRED", "tally.name.required");
        }
        if (value.strip().length() > 100) {
            throw DomainException.invalidField(field, "NAME_TOO_LONG", "tally.name.tooLong", 100);
        }
        return value.strip();
    }

    private static @Nullable String email(@Nullable String value) {
        return email(value, "email");
    }

    private static @Nullable String email(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String email = value.strip();
        if (!Emails.valid(email)) {
            throw DomainException.invalidField(field, "INVALID_EMAIL", "tally.email.invalid");
        }
        return email;
    }

    private void checkEmailFree(@Nullable String email, @Nullable Long personId) {
        if (email != null
                && jdbc.queryForObject(
                                "select count(*) from tally_person where email = ? and id <> ?",
                                Integer.class,
                                email,
                                personId == null ? -1L : personId)
                        > 0) {
            throw DomainException.conflict("EMAIL_TAKEN", "tally.email.taken").onField("email");
        }
    }

    /** Archives the person (kept for the ledger); their account is disabled. False when unknown. */
    public boolean archivePerson(String code) {
        return Boolean.TRUE.equals(tx.execute(status -> {
            Optional<PersonBalance> person = person(code);
            if (person.isEmpty()) {
                return false;
            }
            jdbc.update(
                    "update tally_person set archived_at = ?, updated_at = ? where id = ?",
                    Timestamp.from(clock.instant()),
                    Timestamp.from(clock.instant()),
                    person.get().id());
            jdbc.update(
                    "update app_user set enabled = false where id = (select user_id from tally_person where id = ?)",
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
            List<Long> persons = personId != null
                    ? List.of(personId)
                    : jdbc.queryForList("select id from tally_person order by id", Long.class);
            persons.forEach(id -> jdbc.query("select id from tally_person where id = ? for update", rs -> {}, id));
            long resetId = Inserts.returningId(
                    jdbc,
                    "insert into tally_reset (person_id, reset_at, reset_by, entries) " + "values (?, ?, ?, 0)",
                    personId,
                    Timestamp.from(clock.instant()),
                    by);
            int archived = personId == null
                    ? jdbc.update("update tally_entry set reset_id = ? where reset_id is null", resetId)
                    : jdbc.update(
                            "update tally_entry set reset_id = ? where reset_id is null and person_id = ?",
                            resetId,
                            personId);
            jdbc.update("update tally_reset set entries = ? where id = ?", archived, resetId);
            if (personId == null) {
                jdbc.update("update tally_person set balance = 0");
            } else {
                jdbc.update("update tally_person set balance = 0 where id = ?", personId);
            }
            audit.record(
                    MODULE, "Ledger", personId, "RESET", archived + " tally entries archived (reset #" + resetId + ")");
            return archived;
        });
    }

    /** Brings the entries of a reset back into the ledger. */
    public int restoreReset(long resetId) {
        return tx.execute(status -> {
            int restored = jdbc.update("update tally_entry set reset_id = null where reset_id = ?", resetId);
            jdbc.update(
                    "update tally_reset set restored_at = ? where id = ?", Timestamp.from(clock.instant()), resetId);
            jdbc.update("update tally_person p set balance = (select coalesce(sum(amount), 0) from tally_entry e "
                    + "where e.person_id = p.id and e.reset_id is null)");
            audit.record(
                    MODULE,
                    "Ledger",
                    resetId,
                    "RESTORE",
                    restored + " tally entries restored (reset #" + resetId + ")");
            return restored;
        });
    }

    // ---- NFC tokens --------------------------------------------------------------------------------------

    /** Registers a token (hex, with or without spaces or colons; 1 to 20 bytes) for a person. */
    public long addToken(long personId, String name, String hex) {
        byte[] bytes = parseHex(hex);
        try {
            return tx.execute(status -> {
                long id = Inserts.returningId(
                        jdbc,
                        "insert into tally_token (person_id, name, token_bytes, created_at) " + "values (?, ?, ?, ?)",
                        personId,
                        name.isBlank() ? "NFC" : name.strip(),
                        bytes,
                        Timestamp.from(clock.instant()));
                audit.record(
                        MODULE,
                        "Token",
                        personId,
                        "CREATE",
                        "NFC token " + HexFormat.ofDelimiter(":").formatHex(bytes) + " registered");
                return id;
            });
        } catch (DuplicateKeyException e) {
            throw DomainException.conflict("TOKEN_TAKEN", "tally.token.taken").onField("token");
        }
    }

    static byte[] parseHex(String hex) {
        String compact = hex == null ? "" : hex.replaceAll("[\\s:-]", "");
        if (compact.isEmpty()
                || compact.length() % 2 != 0
                || compact.length() > 40
                || !compact.matches("[0-9a-fA-F]+")) {
            throw DomainException.invalidField("token", "INVALID_TOKEN", "tally.token.hex");
        }
        return HexFormat.of().parseHex(compact);
    }

    // ---- API users and keys ------------------------------------------------------------------------------

    public long createApiUser(String name) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw DomainException.invalidField("name", "INVALID_NAME", "tally.apiUser.name");
        }
        long id = Inserts.returningId(
                jdbc,
                "insert into tally_api_user (name, created_at) values (?, ?)",
                name.strip(),
                Timestamp.from(clock.instant()));
        audit.record(MODULE, "ApiUser", id, "CREATE", "Tally API user \"" + name.strip() + "\" created");
        return id;
    }

    /** A new key for the API user; its value is returned once and stored as SHA-256 only. */
    public IssuedKey generateKey(long apiUserId, Scope scope) {
        requireApiUser(apiUserId);
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        String value = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        long keyId = Inserts.returningId(
                jdbc,
                "insert into tally_api_key (api_user_id, key_hash, key_prefix, scope, "
                        + "created_at) values (?, ?, ?, ?, ?)",
                apiUserId,
                Hashes.sha256Hex(value),
                value.substring(0, 10),
                scope.name(),
                Timestamp.from(clock.instant()));
        audit.record(
                MODULE,
                "ApiKey",
                keyId,
                "CREATE",
                "Tally API key " + value.substring(0, 10) + "… (" + scope + ") created");
        return new IssuedKey(keyId, apiUserId, value, scope);
    }

    /**
     * Known keys by hash, for a few seconds: terminals send their key with every request. Deleting a key or
     * an API user empties the cache on this node at once; other nodes of a cluster follow within 10 s.
     */
    private final Cache<String, ApiClient> keys = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofSeconds(10))
            .build();

    private final ConcurrentHashMap<Long, Instant> keyUseWritten = new ConcurrentHashMap<>();

    /** The client a key belongs to, if the key is known and neither it nor its user is deleted. */
    public Optional<ApiClient> authenticate(String key) {
        String hash = Hashes.sha256Hex(key);
        ApiClient client = keys.getIfPresent(hash);
        if (client == null) {
            client = jdbc
                    .query(
                            "select k.id, u.id, u.name, k.scope from tally_api_key k join tally_api_user u "
                                    + "on u.id = k.api_user_id where k.key_hash = ? and k.revoked_at is null and u.deleted_at is null",
                            (rs, i) -> new ApiClient(
                                    rs.getLong(1), rs.getLong(2), rs.getString(3), Scope.valueOf(rs.getString(4))),
                            hash)
                    .stream()
                    .findFirst()
                    .orElse(null);
            if (client == null) {
                return Optional.empty();
            }
            keys.put(hash, client);
        }
        Instant now = clock.instant();
        Instant written = keyUseWritten.get(client.keyId());
        if (written == null || written.isBefore(now.minusSeconds(60))) {
            // "last used" to the minute: one write a minute per key, so it costs terminals nothing
            keyUseWritten.put(client.keyId(), now);
            jdbc.update("update tally_api_key set last_used_at = ? where id = ?", Timestamp.from(now), client.keyId());
        }
        return Optional.of(client);
    }

    // ---- idempotency ---------------------------------------------------------------------------------------

    /** A stored answer: HTTP status and JSON body. */
    public record Answer(int status, String body) {}

    /**
     * Runs {@code work} at most once per API key and idempotency key: the first answer is stored in the same
     * transaction as the booking; a repeat (even a concurrent one) gets the stored answer.
     */
    public Answer once(long apiKeyId, String idempotencyKey, Supplier<Answer> work) {
        String idemKey = idempotencyKey.length() > 200 ? idempotencyKey.substring(0, 200) : idempotencyKey;
        try {
            return tx.execute(status -> {
                jdbc.update(
                        "insert into tally_idempotency (api_key_id, idem_key, status, body, created_at) "
                                + "values (?, ?, 0, '', ?)",
                        apiKeyId,
                        idemKey,
                        Timestamp.from(clock.instant()));
                Answer answer = work.get();
                jdbc.update(
                        "update tally_idempotency set status = ?, body = ? where api_key_id = ? and idem_key = ?",
                        answer.status(),
                        answer.body(),
                        apiKeyId,
                        idemKey);
                return answer;
            });
        } catch (DuplicateKeyException repeat) {
            return jdbc.queryForObject(
                    "select status, body from tally_idempotency where api_key_id = ? and idem_key = ?",
                    (rs, i) -> new Answer(rs.getInt(1), rs.getString(2)),
                    apiKeyId,
                    idemKey);
        }
    }

    // ---- administration ------------------------------------------------------------------------------------

    private static final String DETAILS_SELECT = "select p.id, p.code, p.first_name, p.last_name, p.email, p.comment, "
            + "p.locked, p.balance, p.notify_booking, p.notify_zero, p.notify_threshold, p.reminder_threshold, "
            + "p.responsible_threshold, exists (select 1 from app_user_role r where r.user_id = p.user_id and r.role = 'ADMIN'), "
            + "p.user_id, p.archived_at, p.created_at, p.version from tally_person p ";

    private static final RowMapper<PersonDetails> DETAILS = (rs, i) -> new PersonDetails(
            rs.getLong(1),
            rs.getString(2),
            rs.getString(3),
            rs.getString(4),
            rs.getString(5),
            rs.getString(6),
            rs.getBoolean(7),
            rs.getLong(8),
            rs.getBoolean(9),
            rs.getBoolean(10),
            rs.getBoolean(11),
            (Integer) rs.getObject(12),
            (Integer) rs.getObject(13),
            rs.getBoolean(14),
            (Long) rs.getObject(15),
            Rows.instant(rs.getTimestamp(16)),
            rs.getTimestamp(17).toInstant(),
            rs.getLong(18));

    /** A person (also an archived one) by id. */
    public PersonDetails details(long id) {
        return jdbc.query(DETAILS_SELECT + "where p.id = ?", DETAILS, id).stream()
                .findFirst()
                .orElseThrow(() -> DomainException.notFound("PERSON_NOT_FOUND", "tally.person.notFound", id));
    }

    /** Persons matching the search (code, names, e-mail), active or archived, in the page's sort. */
    public Slice<PersonBalance> findPersons(String search, boolean archived, Pageable page) {
        List<Object> args = new ArrayList<>();
        String where = personFilter(search, archived, args);
        String order = Rows.orderBy(
                page.getSort(),
                Map.of("code", "code", "name", "last_name, first_name", "balance", "balance", "email", "email"),
                "last_name, first_name");
        args.add(page.getPageSize() + 1);
        args.add(page.getOffset());
        List<PersonBalance> rows = jdbc.query(
                "select id, code, last_name, first_name, balance, locked from tally_person " + where + " order by "
                        + order + ", id limit ? offset ?",
                BALANCE,
                args.toArray());
        return Rows.slice(rows, page);
    }

    public long countPersons(String search, boolean archived) {
        List<Object> args = new ArrayList<>();
        return jdbc.queryForObject(
                "select count(*) from tally_person " + personFilter(search, archived, args),
                Long.class,
                args.toArray());
    }

    private static String personFilter(String search, boolean archived, List<Object> args) {
        String where = archived ? "where archived_at is not null" : "where archived_at is null";
        if (search != null && !search.isBlank()) {
            String like = Like.contains(search); // the columns compare case-insensitively anyway
            where += " and (code like ? or concat(first_name, ' ', last_name) like ? or concat(last_name, ', ', "
                    + "first_name) like ? or email like ?)";
            args.addAll(List.of(like, like, like, like));
        }
        return where;
    }

    /** The sum of all active balances: what the cash box should hold. */
    public long totalBalance() {
        return jdbc.queryForObject(
                "select coalesce(sum(balance), 0) from tally_person where archived_at is null", Long.class);
    }

    public PersonDetails updatePerson(long id, long expectedVersion, PersonUpdate update) {
        String firstName = required(update.firstName(), "firstName");
        String lastName = required(update.lastName(), "lastName");
        String email = email(update.email());
        String comment = update.comment() == null || update.comment().isBlank()
                ? null
                : update.comment().strip();
        if (comment != null && comment.length() > 2000) {
            throw DomainException.invalidField("comment", "COMMENT_TOO_LONG", "tally.comment.tooLong", 2000);
        }
        tx.executeWithoutResult(status -> {
            PersonDetails before = details(id);
            checkEmailFree(email, id);
            int changed = jdbc.update(
                    "update tally_person set first_name = ?, last_name = ?, email = ?, comment = ?, "
                            + "reminder_threshold = ?, responsible_threshold = ?, notify_booking = ?, notify_zero = ?, "
                            + "notify_threshold = ?, updated_at = ?, version = version + 1 where id = ? and version = ?",
                    firstName,
                    lastName,
                    email,
                    comment,
                    update.reminderThreshold(),
                    update.responsibleThreshold(),
                    update.notifyBooking(),
                    update.notifyZero(),
                    update.notifyThreshold(),
                    Timestamp.from(clock.instant()),
                    id,
                    expectedVersion);
            if (changed == 0) {
                throw new ConcurrentChangeException();
            }
            syncAccount(before, firstName + " " + lastName, email);
            audit.record(MODULE, "Person", id, "UPDATE", "Tally person " + before.code() + " updated");
        });
        return details(id);
    }

    private void syncAccount(PersonDetails before, String displayName, @Nullable String email) {
        if (before.userId() == null) {
            return;
        }
        if (!Objects.equals(before.email(), email)) {
            users.setEmail(before.userId(), email);
        }
        if (!before.name().equals(displayName)) {
            users.setDisplayName(before.userId(), displayName);
        }
    }

    /** A locked person cannot book at terminals; admins can still book for them. */
    public PersonDetails setLocked(long id, boolean locked) {
        tx.executeWithoutResult(status -> {
            PersonDetails person = details(id);
            jdbc.update(
                    "update tally_person set locked = ?, updated_at = ?, version = version + 1 where id = ?",
                    locked,
                    Timestamp.from(clock.instant()),
                    id);
            audit.record(
                    MODULE,
                    "Person",
                    id,
                    locked ? "LOCK" : "UNLOCK",
                    "Tally person " + person.code() + (locked ? " locked" : " unlocked"));
        });
        return details(id);
    }

    /** Grants or revokes the person's ADMIN role in Kontor. */
    public PersonDetails setAdmin(long id, boolean admin) {
        PersonDetails person = details(id);
        if (person.userId() == null) {
            throw DomainException.conflict("NO_ACCOUNT", "tally.person.noAccount");
        }
        users.setAdmin(person.userId(), admin);
        return details(id);
    }

    /** Archives the person by id (ledger kept, account disabled); {@link #restorePerson} brings them back. */
    public PersonDetails archivePerson(long id) {
        PersonDetails person = details(id);
        if (person.archivedAt() == null) {
            archivePerson(person.code());
        }
        return details(id);
    }

    public PersonDetails restorePerson(long id) {
        tx.executeWithoutResult(status -> {
            PersonDetails person = details(id);
            if (person.archivedAt() == null) {
                return;
            }
            jdbc.update(
                    "update tally_person set archived_at = null, updated_at = ?, version = version + 1 where id = ?",
                    Timestamp.from(clock.instant()),
                    id);
            if (person.userId() != null) {
                users.setEnabled(person.userId(), true);
            }
            audit.record(MODULE, "Person", id, "RESTORE", "Tally person " + person.code() + " restored");
        });
        return details(id);
    }

    /** One person's active ledger, newest first. */
    public Slice<Entry> ledger(long personId, Pageable page) {
        List<Entry> rows = jdbc.query(
                ENTRY_SELECT + "where e.person_id = ? and e.reset_id is null "
                        + "order by e.booked_at desc, e.id desc limit ? offset ?",
                ENTRY,
                personId,
                page.getPageSize() + 1,
                page.getOffset());
        return Rows.slice(rows, page);
    }

    public long ledgerCount(long personId) {
        return jdbc.queryForObject(
                "select count(*) from tally_entry where person_id = ? and reset_id is null", Long.class, personId);
    }

    /** Everyone's active ledger, newest first (the export of all bookings). */
    public Slice<Entry> allEntries(Pageable page) {
        List<Entry> rows = jdbc.query(
                ENTRY_SELECT + "where e.reset_id is null order by e.booked_at desc, e.id desc " + "limit ? offset ?",
                ENTRY,
                page.getPageSize() + 1,
                page.getOffset());
        return Rows.slice(rows, page);
    }

    public long entryCount() {
        return jdbc.queryForObject("select count(*) from tally_entry where reset_id is null", Long.class);
    }

    /** A person's bookings (active ledger) in a period, oldest first, and the balance before it. */
    public record Statement(
            PersonDetails person,
            LocalDate from,
            LocalDate to,
            long opening,
            List<Entry> entries,
            long closing,
            String currency) {}

    public Statement statement(long personId, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            throw DomainException.invalidField("to", "INVALID_PERIOD", "tally.statement.period");
        }
        PersonDetails person = details(personId);
        Timestamp start = Timestamp.from(from.atStartOfDay(zone).toInstant());
        Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant());
        long opening = jdbc.queryForObject(
                "select coalesce(sum(amount), 0) from tally_entry where person_id = ? "
                        + "and reset_id is null and booked_at < ?",
                Long.class,
                personId,
                start);
        List<Entry> entries = jdbc.query(
                ENTRY_SELECT + "where e.person_id = ? and e.reset_id is null and e.booked_at >= ? "
                        + "and e.booked_at < ? order by e.booked_at, e.id",
                ENTRY,
                personId,
                start,
                end);
        long closing = opening + entries.stream().mapToLong(Entry::amount).sum();
        return new Statement(
                person, from, to, opening, entries, closing, settings().currency());
    }

    /** A statement as PDF: opening balance, the period's bookings with the running balance, closing balance. */
    public byte[] statementPdf(Statement st, Locale locale) {
        record Line(
                @Nullable Instant at,
                String text,
                @Nullable Long amount,
                long balance,
                @Nullable String by) {}
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(
                null,
                message("tally.statement.opening", locale, dateText(st.from(), locale)),
                null,
                st.opening(),
                null));
        long running = st.opening();
        for (Entry e : st.entries()) {
            running += e.amount();
            lines.add(new Line(e.bookedAt(), e.description(), e.amount(), running, e.bookedBy()));
        }
        lines.add(new Line(
                null, message("tally.statement.closing", locale, dateText(st.to(), locale)), null, st.closing(), null));
        String title = message(
                "tally.statement.title",
                locale,
                st.person().name(),
                st.person().code(),
                dateText(st.from(), locale),
                dateText(st.to(), locale));
        String currency = " (" + st.currency() + ")";
        ExportRequest<Line> request = new ExportRequest<>(
                title,
                List.of(
                        ExportColumn.<Line>of(message("tally.column.time", locale), Line::at)
                                .withWidth(1.3f),
                        ExportColumn.<Line>of(message("tally.column.description", locale), Line::text)
                                .withWidth(3f),
                        ExportColumn.<Line>of(message("tally.column.amount", locale) + currency, Line::amount),
                        ExportColumn.<Line>of(message("tally.column.balance", locale) + currency, Line::balance),
                        ExportColumn.<Line>of(message("tally.column.bookedBy", locale), Line::by)
                                .withWidth(1.2f)),
                page -> new SliceImpl<>(lines, page, false),
                Sort.unsorted(),
                (long) lines.size(),
                locale,
                zone);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            exports.write(request, ExportFormat.PDF, out, ExportProgress.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static String dateText(LocalDate date, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(locale)
                .format(date);
    }

    /**
     * The same booking for several persons in one transaction (e.g. "Essen zum Dienst am ..."); the rows are
     * locked in id order so concurrent bulk bookings cannot deadlock. Returns the number of bookings.
     */
    public int bulkBooking(Collection<Long> personIds, long amount, String description) {
        if (personIds.isEmpty()) {
            throw DomainException.invalidField("persons", "NO_PERSONS", "tally.bulk.noPersons");
        }
        if (amount == 0) {
            throw DomainException.invalidField("amount", "INVALID_AMOUNT", "tally.booking.amount");
        }
        if (description == null || description.isBlank()) {
            throw DomainException.invalidField("description", "DESCRIPTION_REQUIRED", "tally.booking.description");
        }
        String by = CurrentUser.username().orElse("system");
        return tx.execute(status -> {
            int booked = 0;
            for (long id : new TreeSet<>(personIds)) {
                Locking person = lock(id).orElseThrow(
                                () -> DomainException.notFound("PERSON_NOT_FOUND", "tally.person.notFound", id));
                book(person, amount, description.strip(), "BULK", by);
                booked++;
            }
            audit.record(
                    MODULE,
                    "Entry",
                    null,
                    "BULK",
                    "Bulk tally booking of " + amount + " for " + booked + " persons: " + description.strip());
            return booked;
        });
    }

    /** The resets, newest first. */
    public List<ResetInfo> resets() {
        return jdbc.query(
                "select r.id, r.person_id, concat(p.first_name, ' ', p.last_name, ' (', p.code, ')'), r.reset_at, "
                        + "r.reset_by, r.entries, r.restored_at from tally_reset r left join tally_person p on p.id = r.person_id "
                        + "order by r.reset_at desc, r.id desc",
                (rs, i) -> new ResetInfo(
                        rs.getLong(1),
                        (Long) rs.getObject(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getString(5),
                        rs.getInt(6),
                        Rows.instant(rs.getTimestamp(7))));
    }

    // ---- tokens ------------------------------------------------------------------------------------------

    public List<Token> tokens(long personId) {
        return jdbc.query(
                "select id, person_id, name, token_bytes, created_at, last_used_at from tally_token "
                        + "where person_id = ? order by created_at, id",
                (rs, i) -> new Token(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        HexFormat.ofDelimiter(":").withUpperCase().formatHex(rs.getBytes(4)),
                        rs.getTimestamp(5).toInstant(),
                        Rows.instant(rs.getTimestamp(6))),
                personId);
    }

    public void deleteToken(long personId, long tokenId) {
        tx.executeWithoutResult(status -> {
            Token token = tokens(personId).stream()
                    .filter(t -> t.id() == tokenId)
                    .findFirst()
                    .orElseThrow(() -> DomainException.notFound("TOKEN_NOT_FOUND", "tally.token.notFound", tokenId));
            jdbc.update("delete from tally_token where id = ?", tokenId);
            audit.record(
                    MODULE,
                    "Token",
                    personId,
                    "DELETE",
                    "NFC token " + token.hex() + " (" + token.name() + ") removed");
        });
    }

    // ---- API users -----------------------------------------------------------------------------------------

    public List<ApiUserInfo> apiUsers() {
        return jdbc.query(
                "select u.id, u.name, u.created_at, count(k.id), max(k.last_used_at) from tally_api_user u "
                        + "left join tally_api_key k on k.api_user_id = u.id and k.revoked_at is null "
                        + "where u.deleted_at is null group by u.id, u.name, u.created_at order by u.name, u.id",
                (rs, i) -> new ApiUserInfo(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getTimestamp(3).toInstant(),
                        rs.getInt(4),
                        Rows.instant(rs.getTimestamp(5))));
    }

    public List<ApiKeyInfo> apiKeys(long apiUserId) {
        return jdbc.query(
                "select id, api_user_id, key_prefix, scope, created_at, last_used_at from tally_api_key "
                        + "where api_user_id = ? and revoked_at is null order by created_at, id",
                (rs, i) -> new ApiKeyInfo(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        Scope.valueOf(rs.getString(4)),
                        rs.getTimestamp(5).toInstant(),
                        Rows.instant(rs.getTimestamp(6))),
                apiUserId);
    }

    private void requireApiUser(long apiUserId) {
        if (jdbc.queryForObject(
                        "select count(*) from tally_api_user where id = ? and deleted_at is null",
                        Integer.class,
                        apiUserId)
                == 0) {
            throw DomainException.notFound("API_USER_NOT_FOUND", "tally.apiUser.notFound", apiUserId);
        }
    }

    /** Deletes (revokes) a key: terminals using it get 401 from now on. */
    public void deleteApiKey(long apiUserId, long keyId) {
        int revoked = jdbc.update(
                "update tally_api_key set revoked_at = ? where id = ? and api_user_id = ? " + "and revoked_at is null",
                Timestamp.from(clock.instant()),
                keyId,
                apiUserId);
        if (revoked == 0) {
            throw DomainException.notFound("API_KEY_NOT_FOUND", "tally.apiKey.notFound", keyId);
        }
        keys.invalidateAll();
        audit.record(MODULE, "ApiKey", keyId, "DELETE", "Tally API key #" + keyId + " deleted");
    }

    /** Deletes an API user and all its keys (kept for the audit trail, no longer usable). */
    public void deleteApiUser(long apiUserId) {
        tx.executeWithoutResult(status -> {
            requireApiUser(apiUserId);
            Timestamp now = Timestamp.from(clock.instant());
            jdbc.update(
                    "update tally_api_key set revoked_at = ? where api_user_id = ? and revoked_at is null",
                    now,
                    apiUserId);
            jdbc.update("update tally_api_user set deleted_at = ? where id = ?", now, apiUserId);
            keys.invalidateAll();
            audit.record(MODULE, "ApiUser", apiUserId, "DELETE", "Tally API user #" + apiUserId + " deleted");
        });
        keys.invalidateAll(); // again after commit: a request meanwhile may have cached the old row
    }

    // ---- settings and outbox --------------------------------------------------------------------------------

    public Settings updateSettings(Settings settings) {
        if (settings.bookingAmount() >= 0) {
            throw DomainException.invalidField("bookingAmount", "INVALID_AMOUNT", "tally.settings.amount");
        }
        String currency = settings.currency() == null ? "" : settings.currency().strip();
        if (currency.isEmpty() || currency.length() > 10) {
            throw DomainException.invalidField("currency", "INVALID_CURRENCY", "tally.settings.currency.invalid");
        }
        String responsible = email(settings.responsibleEmail(), "responsibleEmail");
        String privacy =
                settings.privacyNotice() == null || settings.privacyNotice().isBlank()
                        ? null
                        : settings.privacyNotice().strip();
        Settings before = readSettings();
        cachedSettings = null;
        jdbc.update(
                "update tally_settings set booking_amount = ?, currency = ?, responsible_email = ?, "
                        + "self_registration = ?, privacy_notice = ? where id = 1",
                settings.bookingAmount(),
                currency,
                responsible,
                settings.selfRegistration(),
                privacy);
        Settings after = readSettings();
        cachedSettings = null;
        audit.record(
                MODULE,
                "Settings",
                1L,
                "UPDATE",
                "Tally settings changed",
                AuditChange.diff(
                        Map.of(
                                "bookingAmount",
                                before.bookingAmount(),
                                "currency",
                                before.currency(),
                                "responsibleEmail",
                                String.valueOf(before.responsibleEmail()),
                                "selfRegistration",
                                before.selfRegistration()),
                        Map.of(
                                "bookingAmount",
                                after.bookingAmount(),
                                "currency",
                                after.currency(),
                                "responsibleEmail",
                                String.valueOf(after.responsibleEmail()),
                                "selfRegistration",
                                after.selfRegistration())));
        return after;
    }

    // ---- member self-service ------------------------------------------------------------------------------

    /** The signed-in user's tally account. */
    public Optional<PersonDetails> own() {
        return users.current()
                .flatMap(
                        u -> jdbc
                                .query(
                                        DETAILS_SELECT + "where p.user_id = ? and p.archived_at is null",
                                        DETAILS,
                                        u.getId())
                                .stream()
                                .findFirst());
    }

    private PersonDetails requireOwn() {
        return own().orElseThrow(() -> DomainException.notFound("NO_TALLY_ACCOUNT", "tally.own.none"));
    }

    public Slice<Entry> ownLedger(Pageable page) {
        return ledger(requireOwn().id(), page);
    }

    public List<Token> ownTokens() {
        return tokens(requireOwn().id());
    }

    public Statement ownStatement(LocalDate from, LocalDate to) {
        return statement(requireOwn().id(), from, to);
    }

    public PersonDetails updateOwnNotifications(NoticeSettings notifications) {
        PersonDetails me = requireOwn();
        jdbc.update(
                "update tally_person set notify_booking = ?, notify_zero = ?, notify_threshold = ?, "
                        + "reminder_threshold = ?, updated_at = ?, version = version + 1 where id = ?",
                notifications.notifyBooking(),
                notifications.notifyZero(),
                notifications.notifyThreshold(),
                notifications.reminderThreshold(),
                Timestamp.from(clock.instant()),
                me.id());
        audit.record(MODULE, "Person", me.id(), "UPDATE", "Tally person " + me.code() + " changed their notices");
        return details(me.id());
    }

    public PersonDetails changeOwnEmail(@Nullable String newEmail) {
        PersonDetails me = requireOwn();
        String email = email(newEmail);
        tx.executeWithoutResult(status -> {
            checkEmailFree(email, me.id());
            jdbc.update(
                    "update tally_person set email = ?, updated_at = ?, version = version + 1 where id = ?",
                    email,
                    Timestamp.from(clock.instant()),
                    me.id());
            syncAccount(me, me.name(), email);
            audit.record(MODULE, "Person", me.id(), "UPDATE", "Tally person " + me.code() + " changed their e-mail");
        });
        return details(me.id());
    }

    // ---- self-registration and password reset -------------------------------------------------------------

    /** A new member signs up (when self-registration is on); the code is generated and mailed to them. */
    public PersonDetails register(Registration registration) {
        Settings settings = settings();
        if (!settings.selfRegistration()) {
            throw new DomainException(403, "REGISTRATION_CLOSED", "tally.register.closed");
        }
        if (!registration.privacyAccepted()) {
            throw DomainException.invalidField("privacyAccepted", "PRIVACY_NOT_ACCEPTED", "tally.register.privacy");
        }
        if (registration.email() == null || registration.email().isBlank()) {
            throw DomainException.invalidField("email", "EMAIL_REQUIRED", "tally.register.emailRequired");
        }
        if (registration.password() == null || registration.password().isBlank()) {
            throw DomainException.invalidField("password", "PASSWORD_REQUIRED", "tally.register.passwordRequired");
        }
        String code = freeCode();
        users.checkPasswordPolicy(code, registration.password(), "password");
        PersonDetails person = insertPerson(
                new NewPerson(
                        code,
                        registration.firstName(),
                        registration.lastName(),
                        registration.email(),
                        registration.password()),
                clock.instant());
        notices.queue(
                "REGISTRATION",
                person.email(),
                "tally.mail.registration.subject",
                "tally.mail.registration.body",
                person.firstName(),
                person.code(),
                person.email());
        return person;
    }

    /**
     * Mails a password reset link (valid for one hour) to the person with this e-mail address or code, if there
     * is one; says nothing about whether there is, so the form cannot be used to probe addresses.
     */
    public void requestPasswordReset(String emailOrCode, String baseUrl) {
        if (emailOrCode == null || emailOrCode.isBlank()) {
            throw DomainException.invalidField("email", "EMAIL_REQUIRED", "tally.register.emailRequired");
        }
        String key = emailOrCode.strip();
        Optional<PersonDetails> person = jdbc
                .query(
                        DETAILS_SELECT + "where (p.email = ? or p.code = ?) "
                                + "and p.archived_at is null and p.email is not null",
                        DETAILS,
                        key,
                        key)
                .stream()
                .findFirst();
        if (person.isEmpty() || person.get().userId() == null) {
            return;
        }
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = clock.instant();
        jdbc.update(
                "insert into tally_password_reset (user_id, token_hash, created_at, expires_at) values (?, ?, ?, ?)",
                person.get().userId(),
                Hashes.sha256Hex(token),
                Timestamp.from(now),
                Timestamp.from(now.plus(PASSWORD_RESET_VALIDITY)));
        String link = baseUrl.replaceAll("/+$", "") + "/reset-password?token=" + token;
        notices.queue(
                "PASSWORD_RESET",
                person.get().email(),
                "tally.mail.reset.subject",
                "tally.mail.reset.body",
                person.get().firstName(),
                link,
                person.get().code());
    }

    /** How long a password reset link works. */
    public static final Duration PASSWORD_RESET_VALIDITY = Duration.ofHours(1);

    /** Whether the link's token is known, unused and not expired. */
    public boolean passwordResetValid(String token) {
        return resetUser(token).isPresent();
    }

    private Optional<long[]> resetUser(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return jdbc
                .query(
                        "select id, user_id from tally_password_reset where token_hash = ? and used_at is null "
                                + "and expires_at > ?",
                        (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)},
                        Hashes.sha256Hex(token),
                        Timestamp.from(clock.instant()))
                .stream()
                .findFirst();
    }

    /** Sets the new password for the link's account; the link is used up. */
    public void resetPassword(String token, String newPassword) {
        tx.executeWithoutResult(status -> {
            long[] reset = resetUser(token)
                    .orElseThrow(
                            () -> DomainException.invalidField("token", "RESET_LINK_INVALID", "tally.pwreset.invalid"));
            if (newPassword == null || newPassword.isBlank()) {
                throw DomainException.invalidField("password", "PASSWORD_REQUIRED", "tally.register.passwordRequired");
            }
            users.setChosenPassword(reset[1], newPassword, "password");
            jdbc.update(
                    "update tally_password_reset set used_at = ? where id = ?",
                    Timestamp.from(clock.instant()),
                    reset[0]);
        });
    }

    // ---- helpers ------------------------------------------------------------------------------------------

    private static final String ENTRY_SELECT = "select e.id, e.person_id, p.last_name, p.first_name, e.amount, "
            + "e.description, e.booked_at, e.source, e.booked_by from tally_entry e join tally_person p on p.id = e.person_id ";
}
