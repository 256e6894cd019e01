package de.kontor.license.api;

import jakarta.servlet.http.HttpServletResponse;

import java.util.LinkedHashMap;
import java.util.Map;

/** The client API's error body: {"code": ..., "message": ...}, written where no controller is involved. */
final class ClientApiSupport {

    static final String PRODUCT_ATTRIBUTE = "kontor.license.productId";

    private ClientApiSupport() {}

    static Map<String, Object> body(String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        return body;
    }

    static void rateLimitHeaders(HttpServletResponse response, ClientRateLimiter.Decision decision) {
        response.setHeader("X-RateLimit-Limit", Long.toString(decision.limit()));
        response.setHeader("X-RateLimit-Remaining", Long.toString(decision.remaining()));
        if (!decision.allowed()) {
            response.setHeader("Retry-After", Long.toString(decision.retryAfterSeconds()));
            response.setHeader("X-RateLimit-Reset", Long.toString(decision.retryAfterSeconds()));
        }
    }
}
