package de.kontor.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;
import java.util.List;

/**
 * The security module's settings ({@code kontor.security.*}); defaults in {@code application.properties}.
 *
 * @param login login throttling
 * @param apiTokenTtl lifetime of tokens from {@code POST /api/auth/token}
 * @param trustedProxies addresses (or CIDR ranges) of the reverse proxies whose {@code X-Forwarded-For}
 *     Kontor believes when {@code server.forward-headers-strategy=native}; any other client's header is
 *     ignored, so it cannot pose as another address to escape the per-address limits
 * @param sessions the session registry
 * @param rememberMe whether the login form offers "stay signed in for 7 days"
 */
@ConfigurationProperties("kontor.security")
@Validated
public record SecurityProperties(
        @Valid @NotNull Login login,
        @NotNull Duration apiTokenTtl,
        @NotEmpty List<String> trustedProxies,
        @Valid @NotNull Sessions sessions,
        boolean rememberMe) {

    /** How long "stay signed in" keeps a browser signed in. */
    public static final Duration REMEMBER_ME_VALIDITY = Duration.ofDays(7);

    /** Session attribute: the login page's "stay signed in" box was ticked. */
    public static final String REMEMBER_ME_REQUESTED = "kontor.rememberMeRequested";

    /**
     * @param maxFailures failed logins for one account or from one address that lock further attempts
     * @param window the time within which the failures count
     * @param lockDuration how long further attempts stay locked
     */
    public record Login(
            @Min(1) int maxFailures,
            @NotNull Duration window,
            @NotNull Duration lockDuration) {}

    /**
     * @param nodeName this node's name in the session lists; blank: the host name
     * @param checkInterval how long a node trusts what it last read about a web session: a session ended on
     *     another node is signed out within this time
     * @param idleTimeout web sessions not seen for this long count as ended (the servlet session timeout)
     */
    public record Sessions(
            @Nullable String nodeName,
            @NotNull Duration checkInterval,
            @NotNull Duration idleTimeout) {}
}
