package de.kontor.security;

import de.kontor.base.CurrentUser;
import de.kontor.base.Texts;
import de.kontor.base.ViewerAllowed;
import de.kontor.base.audit.AuditChange;
import de.kontor.base.audit.AuditService;
import de.kontor.base.crypto.Hashes;
import de.kontor.base.crypto.Tokens;
import de.kontor.base.db.Like;
import de.kontor.base.error.ConcurrentChangeException;
import de.kontor.base.error.DomainException;
import jakarta.persistence.criteria.Predicate;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The security module's service: user accounts, passwords, two-factor sign-in and API tokens.
 * <p>
 * Why this class is long: it is the module's one public front, so every account operation other modules,
 * views and controllers need has its entry here; the two-factor logic lives in {@link TwoFactorAccounts}.
 */
@Service
@Validated
public class UserService {

    public static final String USERNAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9._@-]*";
    public static final int PASSWORD_MIN = 10;
    public static final int PASSWORD_MAX = 128;
    static final String TOKEN_PREFIX = "kt_";
    private static final String MODULE = "security";
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final PasswordRules PASSWORD_RULES = new PasswordRules(PASSWORD_MIN, PASSWORD_MAX);

    private final UserAccountRepository users;
    private final ApiTokenRepository tokens;
    private final PasswordEncoder encoder;
    private final AuditService audit;
    private final Clock clock;
    private final Duration sessionTokenTtl;
    private final TwoFactorAccounts twoFactor;
    private final Sessions sessions;

    UserService(
            UserAccountRepository users,
            ApiTokenRepository tokens,
            PasswordEncoder encoder,
            AuditService audit,
            Clock clock,
            SecurityProperties properties,
            TwoFactorAccounts twoFactor,
            Sessions sessions) {
        this.users = users;
        this.sessions = sessions;
        this.tokens = tokens;
        this.twoFactor = twoFactor;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
        this.sessionTokenTtl = properties.apiTokenTtl();
    }

    // ---- accounts -------------------------------------------------------------------------------

    @Transactional
    public CreatedUser createUser(@Valid NewUser draft) {
        String username = draft.username().strip();
        if (users.existsByUsername(username)) {
            throw DomainException.conflict("USERNAME_TAKEN", "user.error.usernameTaken", username)
                    .onField("username");
        }
        checkRoles(draft.roles());
        String generated = null;
        String password = draft.password();
        if (password == null || password.isBlank()) {
            generated = Passwords.generate(16);
            password = generated;
        } else {
            checkPasswordPolicy(username, password, "password");
        }
        UserAccount account = new UserAccount(
                username,
                draft.displayName().strip(),
                Texts.blankToNull(draft.email()),
                encoder.encode(password),
                draft.roles(),
                clock.instant());
        if (generated != null) {
            account.changePassword(account.getPasswordHash(), true, clock.instant());
        }
        users.save(account);
        audit.record(
                MODULE,
                "User",
                account.getId(),
                "CREATE",
                "User " + username + " created",
                AuditChange.diff(Map.of(), snapshot(account)));
        return new CreatedUser(account, generated);
    }

    /** Creates the first admin if no enabled admin exists; returns the generated password if one was made. */
    @Transactional
    public Optional<String> ensureFirstAdmin(String username, @Nullable String configuredPassword) {
        if (users.countEnabledAdmins() > 0) {
            return Optional.empty();
        }
        boolean generate = configuredPassword == null || configuredPassword.isBlank();
        String password = generate ? Passwords.generate(20) : configuredPassword;
        Optional<UserAccount> existing = users.findByUsername(username);
        UserAccount admin;
        if (existing.isPresent()) {
            admin = existing.get();
            admin.grantRoles(EnumSet.of(Role.ADMIN), clock.instant());
            admin.enable(true, clock.instant());
            admin.changePassword(encoder.encode(password), generate, clock.instant());
        } else {
            admin = new UserAccount(
                    username, "Administrator", null, encoder.encode(password), EnumSet.of(Role.ADMIN), clock.instant());
            admin.changePassword(admin.getPasswordHash(), generate, clock.instant());
            users.save(admin);
        }
        audit.record(MODULE, "User", admin.getId(), "CREATE", "First admin " + username + " set up");
        return generate ? Optional.of(password) : Optional.empty();
    }

    @Transactional
    public UserAccount updateUser(
            long id, long expectedVersion, String displayName, @Nullable String email, Set<Role> roles) {
        UserAccount account = get(id);
        if (account.getVersion() != expectedVersion) {
            throw new ConcurrentChangeException();
        }
        if (displayName.isBlank()) {
            throw DomainException.invalidField("displayName", "DISPLAY_NAME_REQUIRED", "validation.required");
        }
        checkRoles(roles);
        if (account.hasRole(Role.ADMIN) && !roles.contains(Role.ADMIN) && account.isEnabled()) {
            guardLastAdmin(account);
        }
        Map<String, Object> before = snapshot(account);
        account.describe(displayName.strip(), Texts.blankToNull(email), clock.instant());
        account.grantRoles(roles, clock.instant());
        users.saveAndFlush(account);
        audit.record(
                MODULE,
                "User",
                id,
                "UPDATE",
                "User " + account.getUsername() + " updated",
                AuditChange.diff(before, snapshot(account)));
        return account;
    }

    @Transactional
    public UserAccount setEnabled(long id, boolean enabled) {
        UserAccount account = get(id);
        if (!enabled) {
            if (account.getUsername().equals(currentUsername())) {
                throw DomainException.conflict("CANNOT_DISABLE_SELF", "user.error.disableSelf");
            }
            if (account.hasRole(Role.ADMIN) && account.isEnabled()) {
                guardLastAdmin(account);
            }
            tokens.revokeAllOf(account.getId(), clock.instant());
            sessions.endAllOf(account.getId(), null, true, "USER_DISABLED");
        }
        if (account.isEnabled() != enabled) {
            account.enable(enabled, clock.instant());
            audit.record(
                    MODULE,
                    "User",
                    id,
                    enabled ? "ENABLE" : "DISABLE",
                    "User " + account.getUsername() + (enabled ? " enabled" : " disabled"),
                    List.of(AuditChange.of("enabled", !enabled, enabled)));
        }
        return account;
    }

    /** Changes only the e-mail address (e.g. from a module's own profile form). */
    @Transactional
    public UserAccount setEmail(long id, @Nullable String email) {
        UserAccount account = get(id);
        String before = account.getEmail();
        account.describe(account.getDisplayName(), Texts.blankToNull(email), clock.instant());
        audit.record(
                MODULE,
                "User",
                id,
                "UPDATE",
                "E-mail of " + account.getUsername() + " changed",
                List.of(AuditChange.of("email", before, account.getEmail())));
        return account;
    }

    /** Changes only the display name. */
    @Transactional
    public UserAccount setDisplayName(long id, String displayName) {
        UserAccount account = get(id);
        account.describe(displayName.strip(), account.getEmail(), clock.instant());
        return account;
    }

    /** Grants or revokes the ADMIN role, keeping the other roles; the last enabled admin keeps it. */
    @Transactional
    public UserAccount setAdmin(long id, boolean admin) {
        UserAccount account = get(id);
        if (account.hasRole(Role.ADMIN) == admin) {
            return account;
        }
        EnumSet<Role> roles = EnumSet.noneOf(Role.class);
        roles.addAll(account.getRoles());
        if (admin) {
            roles.remove(Role.VIEWER);
            roles.add(Role.ADMIN);
        } else {
            if (account.isEnabled()) {
                guardLastAdmin(account);
            }
            roles.remove(Role.ADMIN);
            roles.add(Role.MEMBER);
        }
        account.grantRoles(roles, clock.instant());
        audit.record(
                MODULE,
                "User",
                id,
                admin ? "GRANT_ADMIN" : "REVOKE_ADMIN",
                (admin ? "Admin role granted to " : "Admin role revoked from ") + account.getUsername());
        return account;
    }

    /**
     * Sets a password the user chose without knowing the old one, after proving who they are another way
     * (a password reset link sent to their e-mail address).
     */
    @Transactional
    public void setChosenPassword(long id, String newPassword, String field) {
        UserAccount account = get(id);
        checkPasswordPolicy(account.getUsername(), newPassword, field);
        account.changePassword(encoder.encode(newPassword), false, clock.instant());
        audit.record(MODULE, "User", id, "RESET_PASSWORD", account.getUsername() + " set a new password by reset link");
    }

    /** Sets a new generated password that must be changed at the next login; returns it (shown once). */
    @Transactional
    public String resetPassword(long id) {
        UserAccount account = get(id);
        String password = Passwords.generate(16);
        account.changePassword(encoder.encode(password), true, clock.instant());
        audit.record(MODULE, "User", id, "RESET_PASSWORD", "Password of " + account.getUsername() + " reset");
        return password;
    }

    /** The signed-in user changes their own password. */
    @Transactional
    @ViewerAllowed
    public void changeOwnPassword(String currentPassword, String newPassword) {
        String username = currentUsername();
        UserAccount account = users.findByUsername(username == null ? "" : username)
                .orElseThrow(() -> DomainException.notFound("USER_NOT_FOUND", "user.error.notFound"));
        if (!encoder.matches(currentPassword, account.getPasswordHash())) {
            throw DomainException.invalidField("currentPassword", "WRONG_PASSWORD", "account.error.wrongPassword");
        }
        checkPasswordPolicy(account.getUsername(), newPassword, "newPassword");
        if (encoder.matches(newPassword, account.getPasswordHash())) {
            throw DomainException.invalidField("newPassword", "PASSWORD_UNCHANGED", "account.error.samePassword");
        }
        account.changePassword(encoder.encode(newPassword), false, clock.instant());
        audit.record(
                MODULE, "User", account.getId(), "CHANGE_PASSWORD", account.getUsername() + " changed their password");
    }

    /**
     * Checks a new password against the rules (length, not containing the user name, not a common
     * password, no character repeated many times in a row); {@code field} names the form field for the error.
     */
    public void checkPasswordPolicy(String username, String password, String field) {
        PASSWORD_RULES.check(username, password, field);
    }

    @Transactional(readOnly = true)
    public Slice<UserAccount> find(UserQuery query, Pageable pageable) {
        return users.findBy(specification(query), q -> q.slice(pageable));
    }

    @Transactional(readOnly = true)
    public long count(UserQuery query) {
        return users.count(specification(query));
    }

    @Transactional(readOnly = true)
    public UserAccount get(long id) {
        return users.findById(id).orElseThrow(() -> DomainException.notFound("USER_NOT_FOUND", "user.error.notFound"));
    }

    @Transactional(readOnly = true)
    public Optional<UserAccount> findByUsername(String username) {
        return users.findByUsername(username);
    }

    /** Whether the account has the role; false for an unknown account. */
    @Transactional(readOnly = true)
    public boolean hasRole(long id, Role role) {
        return users.findById(id).map(a -> a.hasRole(role)).orElse(false);
    }

    /** E-mail addresses of the enabled admins (for notices to "the admins"). */
    @Transactional(readOnly = true)
    public List<String> adminEmails() {
        return users.enabledAdminEmails();
    }

    /** The signed-in user's account, if any. */
    @Transactional(readOnly = true)
    public Optional<UserAccount> current() {
        String username = currentUsername();
        return username == null ? Optional.empty() : users.findByUsername(username);
    }

    @Transactional
    void recordLogin(String username) {
        users.markLoggedIn(username, clock.instant());
    }

    /** At least one role; a viewer (read-only) has no other, so read-only means read-only. */
    private static void checkRoles(Set<Role> roles) {
        if (roles.isEmpty()) {
            throw DomainException.invalidField("roles", "ROLE_REQUIRED", "user.error.roleRequired");
        }
        if (roles.contains(Role.VIEWER) && roles.size() > 1) {
            throw DomainException.invalidField("roles", "VIEWER_ALONE", "user.error.viewerAlone");
        }
    }

    private void guardLastAdmin(UserAccount account) {
        if (users.countEnabledAdmins() <= 1) {
            throw DomainException.conflict("LAST_ADMIN", "user.error.lastAdmin", account.getUsername());
        }
    }

    // ---- two-factor sign-in --------------------------------------------------------------------

    /** Starts two-factor enrolment of the signed-in user: a new key, waiting for its first code. */
    @Transactional
    @ViewerAllowed
    public TotpEnrolment startTotpEnrolment() {
        return twoFactor.start(me());
    }

    /** Switches two-factor sign-in on with a code of the new key; returns ten recovery codes (shown once). */
    @Transactional
    @ViewerAllowed
    public List<String> confirmTotpEnrolment(String code) {
        return twoFactor.confirm(me(), code);
    }

    /** Switches the signed-in user's two-factor sign-in off, with their password and a current code. */
    @Transactional(noRollbackFor = DomainException.class)
    @ViewerAllowed
    public void disableOwnTotp(String password, String code) {
        twoFactor.disable(me(), password, code);
    }

    /** Replaces the signed-in user's recovery codes, confirmed with a current code. */
    @Transactional
    @ViewerAllowed
    public List<String> newRecoveryCodes(String code) {
        return twoFactor.newRecoveryCodes(me(), code);
    }

    @Transactional(readOnly = true)
    public int unusedRecoveryCodes() {
        return twoFactor.unusedRecoveryCodes(me());
    }

    /** An admin resets another user's two-factor sign-in (needs a recent step-up confirmation; audited). */
    @Transactional
    public void resetTotp(long userId) {
        twoFactor.reset(get(userId));
    }

    public boolean twoFactorRequiredForAdmins() {
        return twoFactor.requiredForAdmins();
    }

    /** The admin setting: every admin signs in with two factors (those without enrol at their next sign-in). */
    @Transactional
    public void requireTwoFactorForAdmins(boolean required) {
        twoFactor.requireForAdmins(required);
    }

    /** Whether the account must set up two-factor sign-in before it may do anything else. */
    @Transactional(readOnly = true)
    public boolean mustEnrolTwoFactor(UserAccount account) {
        return twoFactor.mustEnrol(account);
    }

    /**
     * The second step of a sign-in on the login form: checks the code (a wrong one counts toward the lock)
     * and returns the full authentication, confirmed for step-up.
     */
    @Transactional(noRollbackFor = AuthenticationException.class)
    public Authentication completeSignIn(PendingSignIn pending, String code) {
        UserAccount account = twoFactor.checkSignIn(pending.username(), pending.address(), code);
        return authenticated(account, new StepUpDetails(pending.address(), clock.instant()));
    }

    /**
     * Refuses with 403 {@code STEP_UP_REQUIRED} unless the signed-in user confirmed their second factor
     * within the last ten minutes: the check every dangerous action makes first.
     */
    public void requireStepUp() {
        twoFactor.requireStepUp();
    }

    /** The signed-in user confirms their second factor for the next ten minutes of dangerous actions. */
    @Transactional(noRollbackFor = DomainException.class)
    @ViewerAllowed
    public void confirmStepUp(String code) {
        twoFactor.confirmStepUp(me(), code);
    }

    static Authentication authenticated(UserAccount account, StepUpDetails details) {
        var authorities = account.getRoles().stream()
                .map(r -> new SimpleGrantedAuthority(r.authority()))
                .toList();
        var auth = UsernamePasswordAuthenticationToken.authenticated(
                KontorUserDetailsService.toUserDetails(account), null, authorities);
        auth.setDetails(details);
        return auth;
    }

    private UserAccount me() {
        return current().orElseThrow(() -> DomainException.notFound("USER_NOT_FOUND", "user.error.notFound"));
    }

    // ---- API tokens -----------------------------------------------------------------------------

    /** A short-lived token for the given (already authenticated) user: {@code POST /api/auth/token}. */
    @Transactional
    public IssuedToken issueSessionToken(Authentication authenticated) {
        UserAccount account = users.findByUsername(authenticated.getName())
                .orElseThrow(() -> DomainException.notFound("USER_NOT_FOUND", "user.error.notFound"));
        IssuedToken issued =
                issue(account, ApiToken.Kind.SESSION, null, clock.instant().plus(sessionTokenTtl));
        if (authenticated.getDetails() instanceof StepUpDetails details && details.confirmedAt() != null) {
            issued.token().secondFactorConfirmed(details.confirmedAt());
        }
        return issued;
    }

    /** A named token of the signed-in user, e.g. for a script or a shop; optionally expiring. */
    @Transactional
    public IssuedToken createPersonalToken(String name, @Nullable Duration validity) {
        if (name.isBlank()) {
            throw DomainException.invalidField("name", "TOKEN_NAME_REQUIRED", "validation.required");
        }
        if (name.length() > ApiToken.NAME_MAX) {
            throw DomainException.invalidField("name", "TOKEN_NAME_TOO_LONG", "validation.tooLong", ApiToken.NAME_MAX);
        }
        twoFactor.requireStepUp();
        UserAccount account =
                current().orElseThrow(() -> DomainException.notFound("USER_NOT_FOUND", "user.error.notFound"));
        Instant expires = validity == null ? null : clock.instant().plus(validity);
        IssuedToken issued = issue(account, ApiToken.Kind.PERSONAL, name.strip(), expires);
        audit.record(
                MODULE,
                "ApiToken",
                issued.token().getId(),
                "CREATE",
                "API token \"" + name.strip() + "\" created for " + account.getUsername());
        return issued;
    }

    @Transactional
    public void revokeToken(long tokenId) {
        ApiToken token = tokens.findById(tokenId)
                .orElseThrow(() -> DomainException.notFound("TOKEN_NOT_FOUND", "token.error.notFound"));
        if (token.getRevokedAt() == null) {
            token.revoke(clock.instant());
            sessions.tokenRevoked(tokenId, "REVOKED");
            audit.record(
                    MODULE,
                    "ApiToken",
                    tokenId,
                    "REVOKE",
                    "API token \"" + token.getName() + "\" of "
                            + token.getUser().getUsername() + " revoked");
        }
    }

    @Transactional(readOnly = true)
    public Slice<ApiToken> personalTokens(Pageable pageable) {
        return tokens.findByKind(ApiToken.Kind.PERSONAL, pageable);
    }

    /**
     * The account behind a bearer token, if the token is valid (known, not revoked, not expired) and the
     * account is enabled.
     */
    @Transactional
    public Optional<Authentication> authenticateToken(String value) {
        if (!value.startsWith(TOKEN_PREFIX)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return tokens.findByHash(hash(value))
                .filter(t -> t.isActive(now))
                .filter(t -> t.getUser().isEnabled())
                .map(t -> {
                    if (t.getLastUsedAt() == null || t.getLastUsedAt().isBefore(now.minus(TOUCH_EVERY))) {
                        tokens.touch(t.getId(), now);
                        sessions.tokenUsed(t.getId(), now);
                    }
                    return authenticated(t.getUser(), new StepUpDetails(null, t.getSecondFactorAt(), t.getId()));
                });
    }

    // ---- sessions -------------------------------------------------------------------------------

    /** The session registry for admins and viewers: web sessions and API tokens of everyone, filtered. */
    @Transactional(readOnly = true)
    public Slice<SessionInfo> sessions(SessionQuery query, Pageable pageable) {
        return sessions.find(query, null, pageable);
    }

    @Transactional(readOnly = true)
    public long countSessions(SessionQuery query) {
        return sessions.count(query, null);
    }

    /** The signed-in user's open sessions, the one asking marked as current. */
    @Transactional(readOnly = true)
    public Slice<SessionInfo> mySessions(Pageable pageable) {
        return sessions.find(SessionQuery.active(), me().getId(), pageable);
    }

    /**
     * Ends a session: a web session is signed out on whichever node it runs, an API token is revoked. Admins
     * end anyone's; others only their own (someone else's is "not found" to them).
     */
    @Transactional
    @ViewerAllowed
    public SessionInfo endSession(long id) {
        Long owner = CurrentUser.hasRole(Role.ADMIN.name()) ? null : me().getId();
        return sessions.end(id, "ENDED", owner);
    }

    /** Ends every session of a user: web sessions and all their API tokens. Returns how many. */
    @Transactional
    public int endSessionsOf(long userId) {
        UserAccount account = get(userId);
        int ended = sessions.endAllOf(userId, null, true, "ENDED");
        audit.record(
                MODULE, "User", userId, "END_SESSIONS", ended + " sessions of " + account.getUsername() + " ended");
        return ended;
    }

    /**
     * "Sign out the others": ends the signed-in user's other web sessions and sign-in tokens; named personal
     * tokens stay (they belong to scripts, and are revoked in the API tokens view).
     */
    @Transactional
    @ViewerAllowed
    public int endMyOtherSessions() {
        UserAccount account = me();
        int ended = sessions.endAllOf(account.getId(), sessions.currentId(), false, "SIGNED_OUT_ELSEWHERE");
        audit.record(
                MODULE,
                "User",
                account.getId(),
                "END_SESSIONS",
                account.getUsername() + " signed out " + ended + " other sessions");
        return ended;
    }

    /**
     * For the web UI's filter: whether this signed-in web session was ended (here or on another node).
     * Registers the session on its first request and records activity at most once a minute, unless
     * {@code activity} is false.
     */
    public boolean uiSessionEnded(HttpServletRequest request, String username, boolean activity) {
        return sessions.uiSessionEnded(request, username, activity);
    }

    /** A web session ended by itself (signed out, timed out): the registry says so. */
    public void uiSessionClosed(String sessionId) {
        sessions.uiSessionClosed(sessionId);
    }

    /** Keys ({@link #sessionKey}) of web sessions ended since the given time, on any node. */
    public List<String> endedUiSessionsSince(Instant since) {
        return sessions.endedUiSince(since);
    }

    /** The key the registry knows a web session by: a hash of its id. */
    public static String sessionKey(String sessionId) {
        return Sessions.key(sessionId);
    }

    /** This node's name in the session registry. */
    public String nodeName() {
        return sessions.node();
    }

    @Transactional
    public int purgeOldSessions() {
        return sessions.purge();
    }

    @Transactional
    public int purgeExpiredSessionTokens() {
        return tokens.deleteExpiredSessionTokens(clock.instant().minus(Duration.ofDays(1)));
    }

    private IssuedToken issue(
            UserAccount account, ApiToken.Kind kind, @Nullable String name, @Nullable Instant expires) {
        String value = TOKEN_PREFIX + Tokens.random(32);
        ApiToken token = tokens.save(new ApiToken(
                account,
                kind,
                name,
                hash(value),
                value.substring(0, TOKEN_PREFIX.length() + 6),
                clock.instant(),
                expires));
        sessions.tokenIssued(token);
        return new IssuedToken(token, value, expires);
    }

    static String hash(String token) {
        return Hashes.sha256Hex(token);
    }

    // ---- helpers --------------------------------------------------------------------------------

    static @Nullable String currentUsername() {
        return CurrentUser.username().orElse(null);
    }

    private static Map<String, Object> snapshot(UserAccount account) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("username", account.getUsername());
        map.put("displayName", account.getDisplayName());
        map.put("email", account.getEmail());
        map.put("roles", account.getRoles().stream().map(Enum::name).sorted().collect(Collectors.joining(", ")));
        map.put("enabled", account.isEnabled());
        return map;
    }

    private static Specification<UserAccount> specification(UserQuery query) {
        return (root, cq, cb) -> {
            List<Predicate> where = new ArrayList<>();
            if (query.text() != null && !query.text().isBlank()) {
                String like = Like.contains(query.text());
                where.add(cb.or(
                        cb.like(cb.lower(root.get("username")), like, '\\'),
                        cb.like(cb.lower(root.get("displayName")), like, '\\'),
                        cb.like(cb.lower(root.get("email")), like, '\\')));
            }
            if (query.role() != null) {
                where.add(cb.isMember(query.role(), root.get("roles")));
            }
            if (!query.includeDisabled()) {
                where.add(cb.isTrue(root.get("enabled")));
            }
            return cb.and(where.toArray(Predicate[]::new));
        };
    }
}
