package de.kontor.license.api;

import de.kontor.base.api.ApiExceptionHandler;
import de.kontor.base.db.DatabaseUnavailable;
import de.kontor.base.db.TransientConflicts;
import de.kontor.base.error.DomainException;
import de.kontor.base.web.JsonFieldErrors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.Locale;
import java.util.Map;

/**
 * The client API's errors: {@code {"code": ..., "message": ...}} with a stable code (see
 * docs/license-server.md) — simpler for licensed software to parse than problem+json. A call to simply send
 * again later (database away, or its transaction lost a conflict with another one even after retrying) is 503
 * with {@code Retry-After} and {@code retryAfterSeconds}.
 */
@RestControllerAdvice(assignableTypes = ClientApiController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ClientApiErrors {

    /** Seconds to wait while the database is away: about one restart of the embedded server. */
    private static final long DATABASE_RETRY_AFTER_SECONDS = 5;

    private static final Logger log = LoggerFactory.getLogger(ClientApiErrors.class);

    private final MessageSource messages;

    ClientApiErrors(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<Map<String, Object>> domain(DomainException e) {
        Map<String, Object> body = ClientApiSupport.body(e.code(), text(e.messageKey(), e.args()));
        if (e instanceof ClientApiController.RateLimited limited) {
            body.put("retryAfterSeconds", limited.retryAfterSeconds());
        }
        return ResponseEntity.status(e.status()).body(body);
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, HttpMediaTypeNotSupportedException.class})
    ResponseEntity<Map<String, Object>> unreadable(Exception e) {
        Map<String, Object> body = ClientApiSupport.body("INVALID_REQUEST", text("license.client.unreadable"));
        JsonFieldErrors.of(e).ifPresent(field -> {
            body.put("field", field.field());
            body.put("message", field.field() + " " + text(field.messageKey()));
        });
        return ResponseEntity.badRequest().body(body);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> method(HttpRequestMethodNotSupportedException e) {
        return ResponseEntity.status(405).body(ClientApiSupport.body("INVALID_REQUEST", e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> unexpected(Exception e) {
        if (DatabaseUnavailable.isCause(e)) {
            log.warn("License client API call while the database is unavailable: {}", e.toString());
            return retryLater("DATABASE_UNAVAILABLE", "api.databaseUnavailable", DATABASE_RETRY_AFTER_SECONDS);
        }
        if (TransientConflicts.isCause(e)) {
            // the retries ran out; the call left nothing behind and may be sent again
            log.warn("License client API call lost a conflict with another transaction: {}", e.toString());
            return retryLater(
                    ApiExceptionHandler.CONFLICT_CODE,
                    "api.conflictRetry",
                    Long.parseLong(ApiExceptionHandler.CONFLICT_RETRY_AFTER_SECONDS));
        }
        log.error("Unexpected error in the license client API", e);
        return ResponseEntity.status(500).body(ClientApiSupport.body("INTERNAL_ERROR", text("api.internalError")));
    }

    private ResponseEntity<Map<String, Object>> retryLater(String code, String messageKey, long seconds) {
        Map<String, Object> body = ClientApiSupport.body(code, text(messageKey));
        body.put("retryAfterSeconds", seconds);
        return ResponseEntity.status(503)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                .body(body);
    }

    private String text(String key, Object... args) {
        Locale locale = "de".equals(LocaleContextHolder.getLocale().getLanguage()) ? Locale.GERMAN : Locale.ENGLISH;
        return messages.getMessage(key, args, key, locale);
    }
}
