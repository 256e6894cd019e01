package de.kontor.license.api;

import de.kontor.base.api.PublicEndpoint;
import de.kontor.base.error.DomainException;
import de.kontor.license.ClientMessages.ActivateRequest;
import de.kontor.license.ClientMessages.Activated;
import de.kontor.license.ClientMessages.DeactivateRequest;
import de.kontor.license.ClientMessages.Deactivated;
import de.kontor.license.ClientMessages.HeartbeatRequest;
import de.kontor.license.ClientMessages.Info;
import de.kontor.license.ClientMessages.PublicKeyInfo;
import de.kontor.license.ClientMessages.Verdict;
import de.kontor.license.ClientMessages.VerifyRequest;
import de.kontor.license.ClientMessages.VersionCheckRequest;
import de.kontor.license.ClientMessages.VersionInfo;
import de.kontor.license.LicenseEnums.Channel;
import de.kontor.license.LicenseService;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Locale;

/**
 * The API vendors' software calls. Authenticated by the product's client key ({@code X-API-Key},
 * checked by {@link ClientKeyFilter}); requests per license key are rate limited here.
 * Errors: {@code {"code", "message"}} with the HTTP status ({@link ClientApiErrors}).
 */
@RestController
@PublicEndpoint
@Tag(name = "License client API", description = "For licensed software: send the product's client key as X-API-Key.")
class ClientApiController {

    private final LicenseService licenses;
    private final ClientRateLimiter limiter;
    private final MeterRegistry meters;

    ClientApiController(LicenseService licenses, ClientRateLimiter limiter, MeterRegistry meters) {
        this.licenses = licenses;
        this.limiter = limiter;
        this.meters = meters;
    }

    @PostMapping("/api/license/activate")
    @Operation(
            summary = "Activate a license on this machine",
            description = "The same machine (per the product's match rule) gets its existing activation back.",
            parameters = @Parameter(name = "X-API-Key", in = ParameterIn.HEADER, required = true))
    Activated activate(@RequestBody ActivateRequest body, HttpServletRequest request, HttpServletResponse response) {
        limitKey(body.licenseKey(), response);
        return licenses.activate(product(request), body);
    }

    @PostMapping("/api/license/verify")
    @Operation(
            summary = "Is the license valid on this machine?",
            description = "200 with valid=true and a fresh lease, or valid=false with a reason code.",
            parameters = @Parameter(name = "X-API-Key", in = ParameterIn.HEADER, required = true))
    Verdict verify(@RequestBody VerifyRequest body, HttpServletRequest request, HttpServletResponse response) {
        limitKey(body.licenseKey(), response);
        Verdict verdict = licenses.verify(product(request), body);
        // counted for /actuator/prometheus, by outcome
        meters.counter("kontor.license.verifies", "valid", Boolean.toString(verdict.valid()))
                .increment();
        return verdict;
    }

    @PostMapping("/api/license/heartbeat")
    @Operation(
            summary = "I am alive (with usage counters)",
            parameters = @Parameter(name = "X-API-Key", in = ParameterIn.HEADER, required = true))
    Verdict heartbeat(@RequestBody HeartbeatRequest body, HttpServletRequest request, HttpServletResponse response) {
        limitKey(body.licenseKey(), response);
        return licenses.heartbeat(product(request), body, request.getRemoteAddr());
    }

    @PostMapping("/api/license/deactivate")
    @Operation(
            summary = "Free this machine's activation",
            parameters = @Parameter(name = "X-API-Key", in = ParameterIn.HEADER, required = true))
    Deactivated deactivate(
            @RequestBody DeactivateRequest body, HttpServletRequest request, HttpServletResponse response) {
        limitKey(body.licenseKey(), response);
        return licenses.deactivate(product(request), body);
    }

    @GetMapping("/api/license/info/{licenseKey}")
    @Operation(
            summary = "A license's terms and how many activations it uses",
            parameters = @Parameter(name = "X-API-Key", in = ParameterIn.HEADER, required = true))
    Info info(@PathVariable String licenseKey, HttpServletRequest request, HttpServletResponse response) {
        limitKey(licenseKey, response);
        return licenses.info(product(request), licenseKey);
    }

    @PostMapping("/api/version/check")
    @Operation(
            summary = "Is there a newer version; is this one still supported?",
            parameters = @Parameter(name = "X-API-Key", in = ParameterIn.HEADER, required = true))
    VersionInfo check(@RequestBody VersionCheckRequest body, HttpServletRequest request) {
        return licenses.checkVersion(product(request), body);
    }

    @GetMapping("/api/version/latest")
    @Operation(
            summary = "The latest release (stable, or beta with channel=beta)",
            parameters = @Parameter(name = "X-API-Key", in = ParameterIn.HEADER, required = true))
    VersionInfo latest(
            @RequestParam(required = false) @Nullable String product,
            @RequestParam(defaultValue = "stable") String channel,
            HttpServletRequest request) {
        Channel parsed;
        try {
            parsed = Channel.valueOf(channel.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new DomainException(400, "INVALID_REQUEST", "license.client.badChannel", channel);
        }
        return licenses.latestVersion(product(request), product, parsed);
    }

    @GetMapping("/api/license/public-key")
    @Operation(summary = "The Ed25519 public key that verifies leases offline (no API key needed)")
    ResponseEntity<PublicKeyInfo> publicKey() {
        return ResponseEntity.ok(licenses.publicKey());
    }

    private void limitKey(@Nullable String licenseKey, HttpServletResponse response) {
        if (licenseKey == null || licenseKey.isBlank()) {
            return;
        }
        ClientRateLimiter.Decision decision =
                limiter.byLicenseKey(licenseKey.strip().toUpperCase(Locale.ROOT));
        if (!decision.allowed()) {
            ClientApiSupport.rateLimitHeaders(response, decision);
            throw new RateLimited(decision.retryAfterSeconds());
        }
    }

    private static long product(HttpServletRequest request) {
        return (Long) request.getAttribute(ClientApiSupport.PRODUCT_ATTRIBUTE);
    }

    /** Too many requests for one license key. */
    static final class RateLimited extends DomainException {
        private final long retryAfterSeconds;

        RateLimited(long retryAfterSeconds) {
            super(429, "RATE_LIMITED", "license.client.rateLimited");
            this.retryAfterSeconds = retryAfterSeconds;
        }

        long retryAfterSeconds() {
            return retryAfterSeconds;
        }
    }
}
