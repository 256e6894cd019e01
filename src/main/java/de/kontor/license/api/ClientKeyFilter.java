package de.kontor.license.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.kontor.base.api.JsonResponses;
import de.kontor.license.LicenseService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The client API's gate: requests per client address are limited; every call except the public key
 * needs a valid {@code X-API-Key}, which names the product. Valid keys are remembered for 30 seconds
 * (a revoked key stops working within that time).
 */
class ClientKeyFilter extends OncePerRequestFilter {

    static final String HEADER = "X-API-Key";

    private final LicenseService licenses;
    private final ClientRateLimiter limiter;
    private final MessageSource messages;
    private final Cache<String, Optional<Long>> keys;

    ClientKeyFilter(LicenseService licenses, ClientRateLimiter limiter, MessageSource messages, Clock clock) {
        this.licenses = licenses;
        this.limiter = limiter;
        this.messages = messages;
        this.keys = Caffeine.newBuilder()
                .expireAfterWrite(Duration.ofSeconds(30))
                .maximumSize(10_000)
                .ticker(() -> clock.millis() * 1_000_000L)
                .build();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ClientRateLimiter.Decision decision = limiter.byAddress(request.getRemoteAddr());
        ClientApiSupport.rateLimitHeaders(response, decision);
        if (!decision.allowed()) {
            var body = ClientApiSupport.body("RATE_LIMITED", text("license.client.rateLimited", request));
            body.put("retryAfterSeconds", decision.retryAfterSeconds());
            JsonResponses.write(response, 429, body);
            return;
        }
        if (request.getRequestURI().endsWith("/api/license/public-key")) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getHeader(HEADER);
        Optional<Long> product = key == null || key.isBlank()
                ? Optional.empty()
                : keys.get(key.strip(), k -> licenses.productOfClientKey(k));
        if (product.isEmpty()) {
            JsonResponses.write(
                    response,
                    401,
                    ClientApiSupport.body(
                            "INVALID_API_KEY",
                            text(
                                    key == null || key.isBlank()
                                            ? "license.client.apiKeyMissing"
                                            : "license.client.apiKeyInvalid",
                                    request)));
            return;
        }
        request.setAttribute(ClientApiSupport.PRODUCT_ATTRIBUTE, product.get());
        chain.doFilter(request, response);
    }

    private String text(String key, HttpServletRequest request) {
        Locale locale =
                request.getLocale() != null && "de".equals(request.getLocale().getLanguage())
                        ? Locale.GERMAN
                        : Locale.ENGLISH;
        return messages.getMessage(key, null, key, locale);
    }
}
