package de.kontor.tally;

import de.kontor.base.error.DomainException;
import de.kontor.security.UserService;
import de.kontor.tally.TallyModel.ApiClient;
import de.kontor.tally.TallyModel.ApiKeyInfo;
import de.kontor.tally.TallyModel.ApiUserInfo;
import de.kontor.tally.TallyModel.Entry;
import de.kontor.tally.TallyModel.IssuedKey;
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
import de.kontor.tally.TallyModel.Statement;
import de.kontor.tally.TallyModel.Token;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The tally module's one public service: persons with a balance kept as a ledger, bookings, NFC tokens, API
 * users with scoped keys, statements, resets, self-registration and settings. The work is done by the
 * package-private classes named after it ({@link Bookings}, {@link PersonReader}, {@link PersonWriter},
 * {@link Ledgers}, {@link NfcTokens}, {@link ApiKeys}, {@link Statements}, {@link Registrations},
 * {@link SettingsStore}); this class is where each call becomes one transaction (writes together with their
 * audit entry, reads read-only), and the workers refuse to run outside one ({@code MANDATORY}).
 */
@Service
public class TallyService {

    static final String MODULE = "tally";

    /** A person's code: 10 digits, also their Kontor user name. */
    public static final String CODE_PATTERN = PersonWriter.CODE_PATTERN;

    /** How long a password reset link works. */
    public static final Duration PASSWORD_RESET_VALIDITY = Registrations.RESET_VALIDITY;

    private final Bookings bookings;
    private final PersonReader persons;
    private final PersonWriter writer;
    private final Ledgers ledgers;
    private final NfcTokens tokens;
    private final ApiKeys apiKeys;
    private final Statements statements;
    private final Registrations registrations;
    private final SettingsStore settings;
    private final UserService users;

    TallyService(
            Bookings bookings,
            PersonReader persons,
            PersonWriter writer,
            Ledgers ledgers,
            NfcTokens tokens,
            ApiKeys apiKeys,
            Statements statements,
            Registrations registrations,
            SettingsStore settings,
            UserService users) {
        this.bookings = bookings;
        this.persons = persons;
        this.writer = writer;
        this.ledgers = ledgers;
        this.tokens = tokens;
        this.apiKeys = apiKeys;
        this.statements = statements;
        this.registrations = registrations;
        this.settings = settings;
        this.users = users;
    }

    // ---- bookings ----------------------------------------------------------------------------------------

    /** Books the configured amount for the person holding the token; never below 0. */
    @Transactional
    public NfcOutcome bookNfc(byte[] token, String terminal, ApiClient by) {
        return bookings.nfc(token, terminal, by);
    }

    /** Books the configured amount for the person with the code (a QR code); may go below 0. */
    @Transactional
    public QrOutcome bookQr(String code, String description, ApiClient by) {
        return bookings.qr(code, description, by);
    }

    /** An admin's booking (deposit or correction): a whole amount other than 0, within the bounds. */
    @Transactional
    public long addBooking(long personId, long amount, @Nullable String description) {
        return bookings.admin(personId, amount, description);
    }

    /**
     * The same booking for several persons in one transaction (e.g. "Essen zum Dienst am ..."): all or none.
     * Returns the number of bookings.
     */
    @Transactional
    public int bulkBooking(Collection<Long> personIds, long amount, @Nullable String description) {
        return bookings.bulk(personIds, amount, description);
    }

    /** Reverses ("Storno") an entry: books its exact opposite, linked to it; returns the reversal. */
    @Transactional
    public Entry reverseBooking(long personId, long entryId) {
        return bookings.reverse(personId, entryId);
    }

    /** A booking at a given time (demo data and imports of old ledgers). */
    @Transactional
    long bookAt(long personId, long amount, String description, String source, String bookedBy, Instant at) {
        return bookings.at(personId, amount, description, source, bookedBy, at);
    }

    // ---- persons -----------------------------------------------------------------------------------------

    /** A person (also an archived one) by id. */
    @Transactional(readOnly = true)
    public PersonDetails details(long id) {
        return persons.details(id);
    }

    /** An active (not archived) person by code. */
    @Transactional(readOnly = true)
    public Optional<PersonBalance> person(String code) {
        return persons.byCode(code);
    }

    /** Active persons sorted by last name, first name. */
    @Transactional(readOnly = true)
    public List<PersonName> persons() {
        return persons.names();
    }

    /** Active persons by balance, highest first, then by name. */
    @Transactional(readOnly = true)
    public List<PersonBalance> balances() {
        return persons.balances();
    }

    /** Persons matching the search (code, names, e-mail), active or archived, in the page's sort. */
    @Transactional(readOnly = true)
    public Slice<PersonBalance> findPersons(String search, boolean archived, Pageable page) {
        return persons.find(search, archived, page);
    }

    @Transactional(readOnly = true)
    public long countPersons(String search, boolean archived) {
        return persons.count(search, archived);
    }

    /** The sum of all active balances: what the cash box should hold. */
    @Transactional(readOnly = true)
    public long totalBalance() {
        return persons.totalBalance();
    }

    /**
     * A person with a Kontor account (user name = code, role MEMBER), as the terminal API creates them.
     * Without a password the account gets a random one nobody knows.
     */
    @Transactional
    public PersonName createPerson(String code, String lastName, String firstName, @Nullable String password) {
        PersonDetails created = writer.create(new NewPerson(code, firstName, lastName, null, password), null);
        return new PersonName(created.id(), created.code(), created.lastName(), created.firstName());
    }

    /** An admin adds a person; without a code, a free one is generated. */
    @Transactional
    public PersonDetails createPerson(NewPerson draft) {
        return writer.create(draft, null);
    }

    /**
     * A person for an existing Kontor account whose user name is not a code (demo members); nothing when there is
     * no such account.
     */
    @Transactional
    Optional<PersonDetails> createPersonForAccount(NewPerson draft, String accountUsername) {
        if (users.findByUsername(accountUsername).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(writer.create(draft, null, accountUsername));
    }

    /** Changes a person as loaded in {@code expectedVersion}; refused if someone changed it since. */
    @Transactional
    public PersonDetails updatePerson(long id, long expectedVersion, PersonUpdate update) {
        return writer.update(id, expectedVersion, update);
    }

    /** A locked person cannot book at terminals; admins can still book for them. */
    @Transactional
    public PersonDetails setLocked(long id, boolean locked) {
        return writer.setLocked(id, locked);
    }

    /** Grants or revokes the person's ADMIN role in Kontor. */
    @Transactional
    public PersonDetails setAdmin(long id, boolean admin) {
        return writer.setAdmin(id, admin);
    }

    /** Archives the active person with this code (ledger kept, account disabled); false when there is none. */
    @Transactional
    public boolean archivePerson(String code) {
        return writer.archive(code);
    }

    /** Archives the person by id (ledger kept, account disabled); {@link #restorePerson} brings them back. */
    @Transactional
    public PersonDetails archivePerson(long id) {
        return writer.archive(id);
    }

    @Transactional
    public PersonDetails restorePerson(long id) {
        return writer.restore(id);
    }

    // ---- ledgers and resets ------------------------------------------------------------------------------

    /** One person's active ledger, newest first. */
    @Transactional(readOnly = true)
    public Slice<Entry> ledger(long personId, Pageable page) {
        return ledgers.ledger(personId, page);
    }

    @Transactional(readOnly = true)
    public long ledgerCount(long personId) {
        return ledgers.ledgerCount(personId);
    }

    /** Everyone's active ledger, newest first (the export of all bookings). */
    @Transactional(readOnly = true)
    public Slice<Entry> allEntries(Pageable page) {
        return ledgers.all(page);
    }

    /** The newest entries of everyone's active ledger. */
    @Transactional(readOnly = true)
    public List<Entry> entries(int limit) {
        return ledgers.newest(limit);
    }

    @Transactional(readOnly = true)
    public long entryCount() {
        return ledgers.count();
    }

    /** The resets, newest first. */
    @Transactional(readOnly = true)
    public List<ResetInfo> resets() {
        return ledgers.resets();
    }

    /**
     * Archives the active ledger of one person (or everyone when {@code personId} is null) as one reset,
     * which an admin can restore. Returns the number of entries archived.
     */
    @Transactional
    public int resetLedger(@Nullable Long personId, String by) {
        return ledgers.reset(personId, by);
    }

    /** Brings the entries of a reset back into the ledger. */
    @Transactional
    public int restoreReset(long resetId) {
        return ledgers.restore(resetId);
    }

    // ---- statements --------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Statement statement(long personId, LocalDate from, LocalDate to) {
        return statements.of(persons.details(personId), from, to, settings.get().currency());
    }

    /** A statement as PDF: opening balance, the period's bookings with the running balance, closing balance. */
    public byte[] statementPdf(Statement statement, Locale locale) {
        return statements.pdf(statement, locale);
    }

    // ---- NFC tokens --------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<Token> tokens(long personId) {
        return tokens.of(personId);
    }

    /** Registers a token (hex, with or without spaces or colons; 1 to 20 bytes) for a person. */
    @Transactional
    public long addToken(long personId, @Nullable String name, @Nullable String hex) {
        return tokens.add(personId, name, hex);
    }

    @Transactional
    public void deleteToken(long personId, long tokenId) {
        tokens.delete(personId, tokenId);
    }

    // ---- API users and keys ------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<ApiUserInfo> apiUsers() {
        return apiKeys.users();
    }

    @Transactional(readOnly = true)
    public List<ApiKeyInfo> apiKeys(long apiUserId) {
        return apiKeys.keys(apiUserId);
    }

    @Transactional
    public long createApiUser(String name) {
        return apiKeys.createUser(name);
    }

    /** A new key for the API user; its value is returned once and stored as SHA-256 only. */
    @Transactional
    public IssuedKey generateKey(long apiUserId, Scope scope) {
        return apiKeys.generate(apiUserId, scope);
    }

    /**
     * The client a key belongs to, if the key is known and neither it nor its user is deleted. No transaction
     * around it: most calls are answered from a cache, and a transaction would cost every terminal request a
     * database round trip; the one write ("last used", once a minute) is a transaction of its own.
     */
    public Optional<ApiClient> authenticate(String key) {
        return apiKeys.authenticate(key);
    }

    /** Deletes (revokes) a key: terminals using it get 401 from now on. */
    @Transactional
    public void deleteApiKey(long apiUserId, long keyId) {
        apiKeys.deleteKey(apiUserId, keyId);
    }

    /** Deletes an API user and all its keys (kept for the audit trail, no longer usable). */
    @Transactional
    public void deleteApiUser(long apiUserId) {
        apiKeys.deleteUser(apiUserId);
    }

    // ---- settings ----------------------------------------------------------------------------------------

    /** The settings; kept for a few seconds, so no transaction is needed for the cached copy. */
    public Settings settings() {
        return settings.get();
    }

    @Transactional
    public Settings updateSettings(Settings update) {
        return settings.update(update);
    }

    /** Reads the settings from the database at the next use (after a change made outside this service). */
    void forgetCachedSettings() {
        settings.forget();
    }

    // ---- member self-service -----------------------------------------------------------------------------

    /** The signed-in user's tally account. */
    @Transactional(readOnly = true)
    public Optional<PersonDetails> own() {
        return users.current().flatMap(u -> persons.byAccount(u.getId()));
    }

    private PersonDetails requireOwn() {
        return own().orElseThrow(() -> DomainException.notFound("NO_TALLY_ACCOUNT", "tally.own.none"));
    }

    @Transactional(readOnly = true)
    public Slice<Entry> ownLedger(Pageable page) {
        return ledgers.ledger(requireOwn().id(), page);
    }

    @Transactional(readOnly = true)
    public List<Token> ownTokens() {
        return tokens.of(requireOwn().id());
    }

    @Transactional(readOnly = true)
    public Statement ownStatement(LocalDate from, LocalDate to) {
        return statements.of(requireOwn(), from, to, settings.get().currency());
    }

    @Transactional
    public PersonDetails updateOwnNotifications(NoticeSettings notices) {
        return writer.updateNotices(requireOwn(), notices);
    }

    @Transactional
    public PersonDetails changeOwnEmail(@Nullable String email) {
        return writer.changeEmail(requireOwn(), email);
    }

    // ---- self-registration and password reset ------------------------------------------------------------

    /** A new member signs up (when self-registration is on); the code is generated and mailed to them. */
    @Transactional
    public PersonDetails register(Registration registration) {
        return registrations.register(registration);
    }

    /**
     * Mails a password reset link (valid for one hour) to the person with this e-mail address or code, if there
     * is one; says nothing about whether there is, so the form cannot be used to probe addresses.
     */
    @Transactional
    public void requestPasswordReset(@Nullable String emailOrCode, String baseUrl) {
        registrations.requestReset(emailOrCode, baseUrl);
    }

    /** Whether the link's token is known, unused and not expired. */
    @Transactional(readOnly = true)
    public boolean passwordResetValid(@Nullable String token) {
        return registrations.resetValid(token);
    }

    /** Sets the new password for the link's account; the link is used up. */
    @Transactional
    public void resetPassword(@Nullable String token, @Nullable String newPassword) {
        registrations.reset(token, newPassword);
    }
}
