package de.kontor.access;

import de.kontor.base.error.DomainException;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The admin's rules in {@code access_rule}. Every API request asks whether its address is blocked, so each
 * node keeps the active rules for a few seconds ({@link #REFRESH}): a change on another node takes effect
 * here within that time, on this node at once.
 */
@Component
class AccessRules {

    static final String BLOCK = "BLOCK";
    static final String ADMIN_ALLOW = "ADMIN_ALLOW";
    static final Duration REFRESH = Duration.ofSeconds(5);

    /** IPv4 or IPv6 literal with an optional prefix length: never a host name (that would mean DNS look-ups). */
    private static final Pattern CIDR = Pattern.compile("[0-9a-fA-F:.]{2,45}(/\\d{1,3})?");

    private record Rule(String kind, String cidr, @Nullable Instant untilAt) {}

    private record Active(Instant loadedAt, List<Entry> blocks, List<Entry> adminNetworks) {}

    private record Entry(IpAddressMatcher matcher, @Nullable Instant until) {
        boolean matches(String address, Instant now) {
            return (until == null || until.isAfter(now)) && matcher.matches(address);
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile @Nullable Active active;

    AccessRules(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The rule's text as stored: a plain address or a range, checked to be one. */
    static String normalize(@Nullable String cidr) {
        String value = cidr == null ? "" : cidr.strip();
        if (!CIDR.matcher(value).matches()) {
            throw DomainException.invalidField("cidr", "INVALID_CIDR", "access.error.cidr", value);
        }
        try {
            matcher(value).matches(value.contains(":") ? "::1" : "127.0.0.1");
        } catch (IllegalArgumentException e) {
            throw DomainException.invalidField("cidr", "INVALID_CIDR", "access.error.cidr", value);
        }
        return value;
    }

    static boolean covers(String cidr, @Nullable String address) {
        return address != null && matcher(cidr).matches(address);
    }

    private static IpAddressMatcher matcher(String cidr) {
        return new IpAddressMatcher(cidr);
    }

    boolean blocked(@Nullable String address) {
        if (address == null) {
            return false;
        }
        Instant now = clock.instant();
        return current(now).blocks().stream().anyMatch(e -> e.matches(address, now));
    }

    boolean adminAllowed(@Nullable String address) {
        Instant now = clock.instant();
        List<Entry> networks = current(now).adminNetworks();
        return networks.isEmpty() || (address != null && networks.stream().anyMatch(e -> e.matches(address, now)));
    }

    /** Forgets the rules kept in memory: the next question reads them again. */
    void changed() {
        active = null;
    }

    private Active current(Instant now) {
        Active snapshot = active;
        if (snapshot == null || !snapshot.loadedAt().plus(REFRESH).isAfter(now)) {
            List<Rule> rules = jdbc.sql("SELECT kind, cidr, until_at FROM access_rule"
                            + " WHERE until_at IS NULL OR until_at > :now")
                    .param("now", Timestamp.from(now))
                    .query((rs, n) -> new Rule(
                            rs.getString("kind"),
                            rs.getString("cidr"),
                            rs.getTimestamp("until_at") == null
                                    ? null
                                    : rs.getTimestamp("until_at").toInstant()))
                    .list();
            snapshot = new Active(now, entries(rules, BLOCK), entries(rules, ADMIN_ALLOW));
            active = snapshot;
        }
        return snapshot;
    }

    private static List<Entry> entries(List<Rule> rules, String kind) {
        return rules.stream()
                .filter(r -> r.kind().equals(kind))
                .map(r -> new Entry(matcher(r.cidr()), r.untilAt()))
                .toList();
    }
}
