package de.kontor.access;

import de.kontor.base.CurrentUser;
import de.kontor.base.Texts;
import de.kontor.base.ViewerAllowed;
import de.kontor.base.audit.AuditChange;
import de.kontor.base.audit.AuditService;
import de.kontor.base.db.Rows;
import de.kontor.base.error.DomainException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The access module's front: blocked addresses, the networks admins may sign in from, and the login
 * throttling's shared counters. Sign-in and the API ask {@link #isBlocked}; the security module asks
 * {@link #adminSignInAllowed} once the password of an admin was right.
 */
@Service
public class AccessService {

    static final String MODULE = "access";
    private static final int PRUNE_EVERY = 100;

    private final JdbcClient jdbc;
    private final AccessRules rules;
    private final LoginThrottle throttle;
    private final AuditService audit;
    private final Clock clock;
    private final AtomicInteger failuresSincePrune = new AtomicInteger();

    AccessService(JdbcClient jdbc, AccessRules rules, LoginThrottle throttle, AuditService audit, Clock clock) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- questions on every request ----------------------------------------------------------------------

    /** Whether an admin's block covers this client address (sign-in and the API refuse it). */
    public boolean isBlocked(@Nullable String address) {
        return rules.blocked(address);
    }

    /** Whether an admin may sign in from this address: yes from anywhere while no admin network is listed. */
    public boolean adminSignInAllowed(@Nullable String address) {
        return rules.adminAllowed(address);
    }

    // ---- login throttling ------------------------------------------------------------------------------

    /** How long the account or the address is still locked, if either is. */
    @Transactional(readOnly = true)
    public Optional<Duration> loginLockRemaining(String account, @Nullable String address) {
        Duration byAccount = throttle.remaining(LoginThrottle.ACCOUNT, LoginThrottle.accountKey(account));
        Duration byAddress = address == null ? Duration.ZERO : throttle.remaining(LoginThrottle.ADDRESS, address);
        Duration longest = byAccount.compareTo(byAddress) >= 0 ? byAccount : byAddress;
        return longest.isPositive() ? Optional.of(longest) : Optional.empty();
    }

    /**
     * Counts a failed sign-in for the account and the address; returns whether either is locked now. In a
     * transaction of its own: the caller's usually ends in an exception, which must not undo the count.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    @ViewerAllowed
    public boolean loginFailed(String account, @Nullable String address, LoginLimits limits) {
        if (failuresSincePrune.incrementAndGet() >= PRUNE_EVERY) {
            failuresSincePrune.set(0);
            throttle.prune(limits.window());
        }
        boolean locked = throttle.fail(LoginThrottle.ACCOUNT, LoginThrottle.accountKey(account), limits);
        if (address != null) {
            locked |= throttle.fail(LoginThrottle.ADDRESS, address, limits);
        }
        return locked;
    }

    /**
     * A successful sign-in clears the account's failures, not the address's: one good account must not let an
     * address go on guessing others.
     */
    @Transactional
    @ViewerAllowed
    public void loginSucceeded(String account) {
        throttle.clear(LoginThrottle.ACCOUNT, LoginThrottle.accountKey(account));
    }

    // ---- blocks ------------------------------------------------------------------------------------------

    /** Manual blocks in force and the login throttling's current locks, newest first. */
    @Transactional(readOnly = true)
    public Slice<AddressBlock> blocks(Pageable page) {
        List<AddressBlock> rows = jdbc.sql("""
                        SELECT CONVERT(CAST(id AS CHAR) USING utf8mb4) COLLATE utf8mb4_unicode_ci AS id,
                               CONVERT('MANUAL' USING utf8mb4) COLLATE utf8mb4_unicode_ci AS source,
                               cidr COLLATE utf8mb4_unicode_ci AS subject,
                               comment COLLATE utf8mb4_unicode_ci AS comment,
                               until_at AS until,
                               created_by COLLATE utf8mb4_unicode_ci AS created_by,
                               created_at
                          FROM access_rule
                         WHERE kind = 'BLOCK' AND (until_at IS NULL OR until_at > :now)
                        UNION ALL
                        SELECT CONVERT(CONCAT(LOWER(kind), ':', subject) USING utf8mb4) COLLATE utf8mb4_unicode_ci,
                               CONVERT(CONCAT('LOGIN_', kind) USING utf8mb4) COLLATE utf8mb4_unicode_ci,
                               subject COLLATE utf8mb4_unicode_ci,
                               CONVERT(NULL USING utf8mb4) COLLATE utf8mb4_unicode_ci,
                               locked_until,
                               CONVERT('system' USING utf8mb4) COLLATE utf8mb4_unicode_ci,
                               window_start
                          FROM login_throttle
                         WHERE locked_until > :now
                         ORDER BY created_at DESC, id
                         LIMIT :limit OFFSET :offset
                        """)
                .param("now", Timestamp.from(clock.instant()))
                .param("limit", page.getPageSize() + 1)
                .param("offset", page.getOffset())
                .query(Rows.mapper(AddressBlock.class))
                .list();
        return Rows.slice(rows, page);
    }

    /**
     * Blocks an address or network, until a time or until removed. An admin cannot block the address they
     * work from: they would lock themselves out.
     */
    @Transactional
    public AddressBlock block(
            @Nullable String cidr, @Nullable Instant until, @Nullable String comment, @Nullable String ownAddress) {
        String value = AccessRules.normalize(cidr);
        Instant now = clock.instant();
        if (until != null && !until.isAfter(now)) {
            throw DomainException.invalidField("until", "INVALID_UNTIL", "access.error.until");
        }
        if (AccessRules.covers(value, ownAddress)) {
            throw DomainException.conflict("BLOCKS_OWN_ADDRESS", "access.error.ownAddress", value);
        }
        String text = trimmed(comment);
        long id = insert(AccessRules.BLOCK, value, text, until, now);
        rules.changed();
        audit.record(
                MODULE,
                "AddressBlock",
                id,
                "CREATE",
                "Blocked " + value + (until == null ? "" : " until " + until),
                List.of(AuditChange.of("cidr", null, value)));
        return new AddressBlock(Long.toString(id), BlockSource.MANUAL, value, text, until, actor(), now);
    }

    /** Ends a manual block ({@code id} a number) or a lock of the throttling ({@code address:…}, {@code account:…}). */
    @Transactional
    public void unblock(String id) {
        int colon = id.indexOf(':');
        if (colon > 0) {
            String kind = id.substring(0, colon).toUpperCase(Locale.ROOT);
            String subject = id.substring(colon + 1);
            if (!kind.equals(LoginThrottle.ACCOUNT) && !kind.equals(LoginThrottle.ADDRESS)
                    || throttle.remaining(kind, subject).isZero()) {
                throw DomainException.notFound("BLOCK_NOT_FOUND", "access.error.notFound");
            }
            throttle.clear(kind, subject);
            audit.record(MODULE, "LoginLock", id, "DELETE", "Login lock of " + subject + " lifted");
            return;
        }
        long number;
        try {
            number = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw DomainException.notFound("BLOCK_NOT_FOUND", "access.error.notFound");
        }
        String cidr = lockRule(number, AccessRules.BLOCK);
        delete(number);
        audit.record(
                MODULE,
                "AddressBlock",
                number,
                "DELETE",
                "Block of " + cidr + " removed",
                List.of(AuditChange.of("cidr", cidr, null)));
    }

    // ---- admin networks ------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public List<AdminNetwork> adminNetworks() {
        return jdbc.sql("SELECT id, cidr, comment, created_by, created_at FROM access_rule"
                        + " WHERE kind = 'ADMIN_ALLOW' ORDER BY cidr")
                .query(Rows.mapper(AdminNetwork.class))
                .list();
    }

    /**
     * Adds a network admins may sign in from. The first entry turns the allow list on; it must include the
     * address the admin works from, or the next sign-in would be refused.
     */
    @Transactional
    public AdminNetwork allowAdminNetwork(
            @Nullable String cidr, @Nullable String comment, @Nullable String ownAddress) {
        String value = AccessRules.normalize(cidr);
        List<AdminNetwork> existing = lockedAdminNetworks();
        boolean ownCovered = AccessRules.covers(value, ownAddress)
                || existing.stream().anyMatch(n -> AccessRules.covers(n.cidr(), ownAddress));
        if (!ownCovered) {
            throw DomainException.conflict("ADMIN_NETWORKS_EXCLUDE_YOU", "access.error.excludesYou", value);
        }
        Instant now = clock.instant();
        String text = trimmed(comment);
        long id = insert(AccessRules.ADMIN_ALLOW, value, text, null, now);
        rules.changed();
        audit.record(
                MODULE,
                "AdminNetwork",
                id,
                "CREATE",
                "Admins may sign in from " + value,
                List.of(AuditChange.of("cidr", null, value)));
        return new AdminNetwork(id, value, text, actor(), now);
    }

    /** Removes a network; what is left (if anything) must still include the admin's own address. */
    @Transactional
    public void removeAdminNetwork(long id, @Nullable String ownAddress) {
        String cidr = lockRule(id, AccessRules.ADMIN_ALLOW);
        List<AdminNetwork> rest =
                lockedAdminNetworks().stream().filter(n -> n.id() != id).toList();
        if (!rest.isEmpty() && rest.stream().noneMatch(n -> AccessRules.covers(n.cidr(), ownAddress))) {
            throw DomainException.conflict("ADMIN_NETWORKS_EXCLUDE_YOU", "access.error.excludesYou", cidr);
        }
        delete(id);
        audit.record(
                MODULE,
                "AdminNetwork",
                id,
                "DELETE",
                "Admins no longer restricted to " + cidr,
                List.of(AuditChange.of("cidr", cidr, null)));
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private List<AdminNetwork> lockedAdminNetworks() {
        return jdbc.sql("SELECT id, cidr, comment, created_by, created_at FROM access_rule"
                        + " WHERE kind = 'ADMIN_ALLOW' FOR UPDATE")
                .query(Rows.mapper(AdminNetwork.class))
                .list();
    }

    private String lockRule(long id, String kind) {
        return jdbc.sql("SELECT cidr FROM access_rule WHERE id = :id AND kind = :kind FOR UPDATE")
                .param("id", id)
                .param("kind", kind)
                .query(String.class)
                .optional()
                .orElseThrow(() -> DomainException.notFound("BLOCK_NOT_FOUND", "access.error.notFound"));
    }

    private void delete(long id) {
        jdbc.sql("DELETE FROM access_rule WHERE id = :id").param("id", id).update();
        rules.changed();
    }

    private long insert(String kind, String cidr, @Nullable String comment, @Nullable Instant until, Instant now) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO access_rule (kind, cidr, comment, until_at, created_at, created_by)"
                        + " VALUES (:kind, :cidr, :comment, :until, :now, :by)")
                .param("kind", kind)
                .param("cidr", cidr)
                .param("comment", comment)
                .param("until", until == null ? null : Timestamp.from(until))
                .param("now", Timestamp.from(now))
                .param("by", actor())
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    private static String actor() {
        return CurrentUser.username().orElse(AuditService.SYSTEM_USER);
    }

    private static @Nullable String trimmed(@Nullable String text) {
        String s = Texts.blankToNull(text);
        return s == null ? null : Texts.atMost(s, 500);
    }
}
