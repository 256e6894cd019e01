package de.kontor.security;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
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
 */
@ConfigurationProperties("kontor.security")
@Validated
public record SecurityProperties(
        @Valid @NotNull Login login,
        @NotNull Duration apiTokenTtl,
        @NotEmpty List<String> trustedProxies) {

    /**
     * @param maxFailures failed logins for one account or from one address that lock further attempts
     * @param window the time within which the failures count
     * @param lockDuration how long further attempts stay locked
     */
    public record Login(
            @Min(1) int maxFailures,
            @NotNull Duration window,
            @NotNull Duration lockDuration) {}
}
