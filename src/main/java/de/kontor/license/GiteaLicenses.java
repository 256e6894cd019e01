package de.kontor.license;

import de.kontor.base.crypto.Hashes;
import de.kontor.base.ui.Formats;
import de.kontor.license.GiteaClient.Answer;
import de.kontor.license.GiteaClient.Denied;
import de.kontor.license.GiteaClient.Granted;
import de.kontor.license.GiteaClient.Unreachable;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Licensing by Gitea repository access: whether a token may read a product's repository, with the
 * reference system's cache rules. A successful answer is reused for 24 hours without asking Gitea;
 * after that Gitea is asked again. When Gitea cannot be reached, the last successful answer holds for
 * 7 days after it was obtained (grace); a definite "no" (401/403/404, or an expiry in the past) ends
 * the license at once. The answers are kept in {@code license_gitea_check} (by the token's SHA-256),
 * so they hold across restarts and cluster nodes.
 */
@Component
class GiteaLicenses {

    private static final Logger log = LoggerFactory.getLogger(GiteaLicenses.class);

    static final Duration CACHE = Duration.ofHours(24);
    static final Duration GRACE = Duration.ofDays(7);
    private static final String FEATURE_TOPIC = "feature-";
    /** "expires: 2026-12-31", "valid until: ...", "License expires: ...", in any case. */
    private static final Pattern EXPIRY =
            Pattern.compile("(?i)(?:license\\s+expires|expires|valid\\s+until)\\s*:\\s*(\\d{4}-\\d{2}-\\d{2})");

    enum Source {
        ONLINE,
        CACHE,
        GRACE
    }

    /**
     * The outcome for one token and product. {@code reason} (when not valid): GITEA_TOKEN_INVALID,
     * GITEA_NO_ACCESS, GITEA_REPOSITORY_NOT_FOUND, LICENSE_EXPIRED, GITEA_UNREACHABLE, GITEA_NOT_CONFIGURED.
     */
    record Result(
            boolean valid,
            @Nullable String reason,
            String repository,
            @Nullable String licensedTo,
            @Nullable LocalDate expiresOn,
            Set<String> features,
            @Nullable Source source,
            @Nullable Instant succeededAt,
            @Nullable String detail) {

        /** Until when an offline lease may be trusted: 7 days after Gitea last said yes. */
        @Nullable
        Instant graceEnd() {
            return succeededAt == null ? null : succeededAt.plus(GRACE);
        }
    }

    private final GiteaClient gitea;
    private final JdbcTemplate jdbc;
    private final MessageSource messages;
    private final Clock clock;
    private final ZoneId zone;

    GiteaLicenses(GiteaClient gitea, JdbcTemplate jdbc, MessageSource messages, Clock clock, ZoneId zone) {
        this.gitea = gitea;
        this.messages = messages;
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = zone;
    }

    /** Checks the token for the product; {@code online} skips the 24-hour cache (an admin's "check now"). */
    Result check(Product product, String token, boolean online) {
        Optional<GiteaSettings> configured = product.giteaSettings();
        if (configured.isEmpty()) {
            return new Result(false, "GITEA_NOT_CONFIGURED", "", null, null, Set.of(), null, null, null);
        }
        GiteaSettings settings = configured.get();
        String repository = settings.repositoryFor(product.getCode());
        String fullName = settings.organization() + "/" + repository;
        String where = settings.apiBase() + " " + fullName;
        String hash = hash(token);
        Instant now = clock.instant();
        Optional<Result> last = last(product.getId(), hash, where, fullName);
        if (!online
                && last.isPresent()
                && last.get().valid()
                && last.get().succeededAt() != null
                && now.isBefore(last.get().succeededAt().plus(CACHE))) {
            Result cached = last.get();
            Result stillValid = expiredToday(cached);
            return stillValid != null ? stillValid : withSource(cached, Source.CACHE);
        }
        Answer answer = gitea.repository(settings, repository, token);
        return switch (answer) {
            case Granted granted -> store(product.getId(), hash, where, fullName, granted, now);
            case Denied denied -> {
                String reason = switch (denied.status()) {
                    case 401 -> "GITEA_TOKEN_INVALID";
                    case 403 -> "GITEA_NO_ACCESS";
                    default -> "GITEA_REPOSITORY_NOT_FOUND";
                };
                Result no = new Result(false, reason, fullName, null, null, Set.of(), Source.ONLINE, null, null);
                save(product.getId(), hash, where, no, now);
                yield no;
            }
            case Unreachable unreachable -> {
                log.warn("Gitea not reachable for product {}: {}", product.getCode(), unreachable.why());
                if (last.isPresent()
                        && last.get().valid()
                        && last.get().succeededAt() != null
                        && now.isBefore(last.get().graceEnd())) {
                    Result stillValid = expiredToday(last.get());
                    yield stillValid != null ? stillValid : withSource(last.get(), Source.GRACE);
                }
                yield new Result(
                        false,
                        "GITEA_UNREACHABLE",
                        fullName,
                        null,
                        null,
                        Set.of(),
                        null,
                        last.map(Result::succeededAt).orElse(null),
                        unreachable.why());
            }
        };
    }

    /** What a result means, in words: confirmed, in grace until when, or why not. */
    String message(Result r, Locale locale) {
        String key;
        Object[] args;
        if (r.valid()) {
            boolean grace = r.source() == Source.GRACE;
            key = grace ? "license.module.license.gitea.grace" : "license.module.license.gitea.ok";
            args = grace
                    ? new Object[] {r.repository(), Formats.dateTime(r.graceEnd(), zone)}
                    : new Object[] {r.repository()};
        } else if ("LICENSE_EXPIRED".equals(r.reason())) {
            key = "license.module.license.expired";
            args = new Object[] {r.expiresOn()};
        } else {
            key = "license.module.license.gitea." + r.reason();
            args = new Object[] {r.repository()};
        }
        return messages.getMessage(key, args, key, locale);
    }

    /** Forgets every answer for a product (its Gitea settings changed). */
    void forget(long productId) {
        jdbc.update("delete from license_gitea_check where product_id = ?", productId);
    }

    private Result store(long productId, String hash, String where, String fullName, Granted granted, Instant now) {
        Set<String> features = new TreeSet<>();
        for (String topic : granted.topics()) {
            String t = topic.strip().toLowerCase(Locale.ROOT);
            if (t.startsWith(FEATURE_TOPIC) && t.length() > FEATURE_TOPIC.length()) {
                features.add(t.substring(FEATURE_TOPIC.length()));
            }
        }
        LocalDate expires = expiry(granted.description());
        boolean expired = expires != null && LocalDate.ofInstant(now, zone).isAfter(expires);
        Result result = expired
                ? new Result(
                        false,
                        "LICENSE_EXPIRED",
                        fullName,
                        granted.licensedTo(),
                        expires,
                        features,
                        Source.ONLINE,
                        null,
                        null)
                : new Result(true, null, fullName, granted.licensedTo(), expires, features, Source.ONLINE, now, null);
        save(productId, hash, where, result, now);
        return result;
    }

    static @Nullable LocalDate expiry(@Nullable String description) {
        if (description == null) {
            return null;
        }
        Matcher m = EXPIRY.matcher(description);
        while (m.find()) {
            try {
                return LocalDate.parse(m.group(1));
            } catch (DateTimeParseException notADate) {
                // "expires: 2026-13-45": look further
            }
        }
        return null;
    }

    /** A cached yes whose expiry date has passed since it was obtained is a no now. */
    private @Nullable Result expiredToday(Result cached) {
        if (cached.expiresOn() != null
                && LocalDate.ofInstant(clock.instant(), zone).isAfter(cached.expiresOn())) {
            return new Result(
                    false,
                    "LICENSE_EXPIRED",
                    cached.repository(),
                    cached.licensedTo(),
                    cached.expiresOn(),
                    cached.features(),
                    cached.source(),
                    null,
                    null);
        }
        return null;
    }

    private static Result withSource(Result r, Source source) {
        return new Result(
                r.valid(),
                r.reason(),
                r.repository(),
                r.licensedTo(),
                r.expiresOn(),
                r.features(),
                source,
                r.succeededAt(),
                r.detail());
    }

    private Optional<Result> last(long productId, String hash, String where, String fullName) {
        return jdbc
                .query(
                        "select valid, reason, repository, licensed_to, expires_on, features, succeeded_at "
                                + "from license_gitea_check where product_id = ? and token_hash = ?",
                        (rs, i) -> {
                            if (!where.equals(rs.getString("repository"))) {
                                return null; // answered for another server or repository: not this question
                            }
                            Timestamp succeeded = rs.getTimestamp("succeeded_at");
                            Date expires = rs.getDate("expires_on");
                            String features = rs.getString("features");
                            return new Result(
                                    rs.getBoolean("valid"),
                                    rs.getString("reason"),
                                    fullName,
                                    rs.getString("licensed_to"),
                                    expires == null ? null : expires.toLocalDate(),
                                    features.isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(features.split(","))),
                                    Source.CACHE,
                                    succeeded == null ? null : succeeded.toInstant(),
                                    null);
                        },
                        productId,
                        hash)
                .stream()
                .filter(Objects::nonNull)
                .findFirst();
    }

    private void save(long productId, String hash, String where, Result r, Instant now) {
        jdbc.update(
                "insert into license_gitea_check (product_id, token_hash, repository, valid, reason, licensed_to, "
                        + "expires_on, features, checked_at, succeeded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                        + "on duplicate key update repository = values(repository), valid = values(valid), "
                        + "reason = values(reason), licensed_to = values(licensed_to), expires_on = values(expires_on), "
                        + "features = values(features), checked_at = values(checked_at), succeeded_at = values(succeeded_at)",
                productId,
                hash,
                where,
                r.valid(),
                r.reason(),
                truncate(r.licensedTo(), 255),
                r.expiresOn() == null ? null : Date.valueOf(r.expiresOn()),
                String.join(",", r.features()),
                Timestamp.from(now),
                r.succeededAt() == null ? null : Timestamp.from(r.succeededAt()));
    }

    private static @Nullable String truncate(@Nullable String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    static String hash(String token) {
        return Hashes.sha256Hex(token.strip());
    }

    /** A token as it may be shown: its last four characters. */
    static String hint(String token) {
        String t = token.strip();
        return "…" + (t.length() <= 4 ? "" : t.substring(t.length() - 4));
    }

    static List<String> reasons() {
        return List.of(
                "GITEA_TOKEN_INVALID",
                "GITEA_NO_ACCESS",
                "GITEA_REPOSITORY_NOT_FOUND",
                "LICENSE_EXPIRED",
                "GITEA_UNREACHABLE",
                "GITEA_NOT_CONFIGURED");
    }
}
