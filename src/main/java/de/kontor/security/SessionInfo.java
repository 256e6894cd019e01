package de.kontor.security;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * One entry of the session registry: a web UI session or an API token.
 *
 * @param kind {@code UI} or {@code API}
 * @param tokenName the name of a personal API token; null for sign-in tokens and web sessions
 * @param personal whether it is a personal (named) API token rather than a sign-in
 * @param browser the user agent summarised ("Firefox 128 on Linux")
 * @param node the Kontor node that served it last
 * @param current whether it is the session of the request asking
 */
public record SessionInfo(
        long id,
        String kind,
        long userId,
        String username,
        String displayName,
        @Nullable String address,
        @Nullable String browser,
        @Nullable String node,
        Instant startedAt,
        Instant lastSeenAt,
        @Nullable Instant endedAt,
        @Nullable String endReason,
        @Nullable String tokenName,
        boolean personal,
        boolean current) {

    public static final String UI = "UI";
    public static final String API = "API";

    SessionInfo asCurrent() {
        return new SessionInfo(
                id,
                kind,
                userId,
                username,
                displayName,
                address,
                browser,
                node,
                startedAt,
                lastSeenAt,
                endedAt,
                endReason,
                tokenName,
                personal,
                true);
    }
}
