package de.kontor.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.kontor.base.audit.AuditService;
import de.kontor.base.crypto.Hashes;
import de.kontor.base.error.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.http.HttpHeaders;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The session registry's rules behind {@link UserService}: web sessions register on their first signed-in
 * request, record their last activity at most once a minute, and are checked against the database at most
 * once per check interval per node, so an ending made on any node takes effect everywhere within seconds.
 * API tokens are registered when issued and ended by revoking them.
 */
@Component
class Sessions {

    private static final Logger log = LoggerFactory.getLogger(Sessions.class);
    private static final String MODULE = "security";
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);

    private final SessionRegistry registry;
    private final UserAccountRepository users;
    private final ApiTokenRepository tokens;
    private final AuditService audit;
    private final Clock clock;
    private final String node;
    private final Duration idleTimeout;

    /** Per node: what the registry said about a web session, for at most the check interval. */
    private final Cache<String, SessionRegistry.Known> known;
    /** Per node: when a web session's last activity was last written. */
    private final Cache<String, Instant> touched;

    Sessions(
            SessionRegistry registry,
            UserAccountRepository users,
            ApiTokenRepository tokens,
            AuditService audit,
            Clock clock,
            SecurityProperties properties) {
        this.registry = registry;
        this.users = users;
        this.tokens = tokens;
        this.audit = audit;
        this.clock = clock;
        SecurityProperties.Sessions settings = properties.sessions();
        this.node = nodeName(settings.nodeName());
        this.idleTimeout = settings.idleTimeout();
        this.known = Caffeine.newBuilder()
                .expireAfterWrite(settings.checkInterval())
                .maximumSize(100_000)
                .build();
        this.touched = Caffeine.newBuilder()
                .expireAfterAccess(settings.idleTimeout().plus(TOUCH_EVERY))
                .maximumSize(100_000)
                .build();
    }

    /** This node's name in the session lists. */
    String node() {
        return node;
    }

    static String key(String sessionId) {
        return Hashes.sha256Hex(sessionId);
    }

    // ---- web sessions ---------------------------------------------------------------------------

    /**
     * Whether the signed-in web session was ended (here or on another node). Registers it on its first
     * request and records its activity (unless {@code activity} is false, as for Vaadin's heartbeats).
     */
    boolean uiSessionEnded(HttpServletRequest request, String username, boolean activity) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return false;
        }
        String hash = key(session.getId());
        Instant now = clock.instant();
        SessionRegistry.Known state =
                known.get(hash, h -> registry.findUi(h).orElseGet(() -> register(h, username, request, now)));
        if (state == null || state.ended()) {
            return state != null;
        }
        if (activity) {
            Instant last = touched.getIfPresent(hash);
            if (last == null || !last.isAfter(now.minus(TOUCH_EVERY))) {
                touched.put(hash, now);
                registry.touch(state.id(), now, request.getRemoteAddr(), node);
            }
        }
        return false;
    }

    private SessionRegistry.@Nullable Known register(
            String hash, String username, HttpServletRequest request, Instant now) {
        return users.findByUsername(username)
                .map(account -> {
                    touched.put(hash, now);
                    return registry.registerUi(
                            hash,
                            account.getId(),
                            request.getRemoteAddr(),
                            UserAgents.summarise(request.getHeader(HttpHeaders.USER_AGENT)),
                            node,
                            now);
                })
                .orElse(null);
    }

    /** A web session ended by itself: sign-out, timeout or the node going down. */
    void uiSessionClosed(String sessionId) {
        String hash = key(sessionId);
        registry.endUi(hash, clock.instant(), "CLOSED");
        known.invalidate(hash);
        touched.invalidate(hash);
    }

    List<String> endedUiSince(Instant since) {
        return registry.endedUiSince(since);
    }

    // ---- API tokens -----------------------------------------------------------------------------

    void tokenIssued(ApiToken token) {
        HttpServletRequest request = currentRequest();
        registry.registerToken(
                token.getId(),
                token.getUser().getId(),
                request == null ? null : request.getRemoteAddr(),
                request == null ? null : UserAgents.summarise(request.getHeader(HttpHeaders.USER_AGENT)),
                node,
                token.getCreatedAt());
    }

    void tokenUsed(long tokenId, Instant now) {
        HttpServletRequest request = currentRequest();
        registry.touchToken(tokenId, now, request == null ? null : request.getRemoteAddr(), node);
    }

    void tokenRevoked(long tokenId, String reason) {
        registry.endToken(tokenId, clock.instant(), actor(), reason);
    }

    // ---- lists and endings ----------------------------------------------------------------------

    Slice<SessionInfo> find(SessionQuery query, @Nullable Long userId, Pageable pageable) {
        Instant now = clock.instant();
        Slice<SessionInfo> slice = registry.find(query, userId, now, uiCutoff(now), pageable);
        Long current = currentId();
        return current == null ? slice : slice.map(s -> s.id() == current ? s.asCurrent() : s);
    }

    long count(SessionQuery query, @Nullable Long userId) {
        Instant now = clock.instant();
        return registry.count(query, userId, now, uiCutoff(now));
    }

    /** Ends one entry (a web session, or an API token by revoking it); audited. */
    SessionInfo end(long id, String reason, @Nullable Long ownerOnly) {
        SessionInfo session = registry.lock(id)
                .filter(s -> ownerOnly == null || s.userId() == ownerOnly)
                .orElseThrow(() -> DomainException.notFound("SESSION_NOT_FOUND", "session.error.notFound"));
        if (endLocked(session, reason)) {
            audit.record(MODULE, "Session", id, "END", describe(session) + " of " + session.username() + " ended");
        }
        return session;
    }

    /**
     * Ends the open entries of a user, except {@code keepId}; personal API tokens only when
     * {@code personalTokensToo}. Returns how many were ended.
     */
    int endAllOf(long userId, @Nullable Long keepId, boolean personalTokensToo, String reason) {
        int ended = 0;
        for (SessionInfo session : registry.lockOpenOf(userId)) {
            if (Objects.equals(keepId, session.id()) || (session.personal() && !personalTokensToo)) {
                continue;
            }
            if (endLocked(session, reason)) {
                ended++;
            }
        }
        registry.forgetRememberedBrowsers(userId);
        return ended;
    }

    private boolean endLocked(SessionInfo session, String reason) {
        Instant now = clock.instant();
        if (!registry.end(session.id(), now, actor(), reason)) {
            return false;
        }
        // this node notices at once; the others within their check interval
        known.invalidateAll();
        if (SessionInfo.UI.equals(session.kind())) {
            registry.forgetRememberedBrowsers(session.userId());
        }
        registry.tokenOf(session.id()).flatMap(tokens::findById).ifPresent(token -> token.revoke(now));
        return true;
    }

    /** The registry entry of the asking request: its API token, or its web session. */
    @Nullable
    Long currentId() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getDetails() instanceof StepUpDetails details && details.tokenId() != null) {
            return registry.idOfToken(details.tokenId()).orElse(null);
        }
        HttpServletRequest request = currentRequest();
        HttpSession session = request == null ? null : request.getSession(false);
        return session == null
                ? null
                : registry.findUi(key(session.getId()))
                        .map(SessionRegistry.Known::id)
                        .orElse(null);
    }

    int purge() {
        return registry.purgeBefore(clock.instant().minus(Duration.ofDays(30)));
    }

    private Instant uiCutoff(Instant now) {
        return now.minus(idleTimeout).minus(TOUCH_EVERY);
    }

    private static String describe(SessionInfo session) {
        if (SessionInfo.UI.equals(session.kind())) {
            return "Web session";
        }
        return session.tokenName() == null ? "API sign-in token" : "API token \"" + session.tokenName() + "\"";
    }

    private static @Nullable String actor() {
        return UserService.currentUsername();
    }

    private static @Nullable HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest()
                : null;
    }

    private static String nodeName(@Nullable String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        String host = System.getenv("HOSTNAME");
        if (host != null && !host.isBlank()) {
            return host;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            log.debug("No host name for the session registry: {}", e.toString());
            return "localhost";
        }
    }
}
