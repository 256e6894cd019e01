package de.kontor.base.api;

import de.kontor.base.db.DatabaseUnavailable;
import de.kontor.base.db.TransientConflicts;
import de.kontor.base.error.DomainException;
import de.kontor.base.i18n.KontorI18NProvider;
import de.kontor.base.i18n.MessageArguments;
import de.kontor.base.web.JsonFieldErrors;
import jakarta.validation.ConstraintViolationException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Kontor's REST errors: {@code application/problem+json} with a stable {@code code} and, for
 * validation errors, one entry per field. Module APIs with a contract of their own (terminal and
 * license client APIs) have advices that take precedence over this one. Errors a client should simply send
 * again later are 503 with {@code Retry-After}: the database is unavailable ({@code DATABASE_UNAVAILABLE}), or
 * the request's transaction lost a conflict with another one ({@code CONFLICT_RETRY}) and left nothing behind.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    /** A transaction lost a conflict with another one (deadlock, Galera certification) and was rolled back. */
    public static final String CONFLICT_CODE = "CONFLICT_RETRY";
    /** Seconds a client should wait before it sends such a request again: the other transaction is done by then. */
    public static final String CONFLICT_RETRY_AFTER_SECONDS = "1";

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final MessageSource messages;
    private final ZoneId zone;

    ApiExceptionHandler(MessageSource messages, ZoneId zone) {
        this.messages = messages;
        this.zone = zone;
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<ProblemDetail> domain(DomainException e) {
        Locale locale = locale();
        String message = messages.getMessage(
                e.messageKey(), MessageArguments.localize(e.args(), locale, zone), e.messageKey(), locale);
        ProblemDetail problem = problem(HttpStatus.valueOf(e.status()), e.code(), message);
        if (e.field() != null) {
            problem.setProperty("errors", List.of(Map.of("field", e.field(), "message", message)));
        }
        return ResponseEntity.status(e.status()).body(problem);
    }

    @ExceptionHandler(ObjectOptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrentChange(ObjectOptimisticLockingFailureException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .body(problem(
                        HttpStatus.CONFLICT,
                        "CONCURRENT_CHANGE",
                        messages.getMessage("error.concurrentChange", null, locale())));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
        List<Map<String, String>> errors = new ArrayList<>();
        e.getConstraintViolations()
                .forEach(v -> errors.add(
                        Map.of("field", lastNode(v.getPropertyPath().toString()), "message", v.getMessage())));
        return validationProblem(errors);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException e) {
        return ResponseEntity.status(HttpStatus.FORBIDDEN)
                .body(problem(HttpStatus.FORBIDDEN, "FORBIDDEN", messages.getMessage("api.forbidden", null, locale())));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        if (DatabaseUnavailable.isCause(e)) {
            log.warn("API call while the database is unavailable: {}", e.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, DatabaseUnavailableFilter.RETRY_AFTER_SECONDS)
                    .body(problem(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            DatabaseUnavailableFilter.CODE,
                            messages.getMessage("api.databaseUnavailable", null, locale())));
        }
        if (TransientConflicts.isCause(e)) {
            // even after the retries where they are safe: the request left nothing behind and may be sent again
            log.warn("API call lost a conflict with another transaction: {}", e.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header(HttpHeaders.RETRY_AFTER, CONFLICT_RETRY_AFTER_SECONDS)
                    .body(problem(
                            HttpStatus.SERVICE_UNAVAILABLE,
                            CONFLICT_CODE,
                            messages.getMessage("api.conflictRetry", null, locale())));
        }
        log.error("Unexpected error in an API call", e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
                .body(problem(
                        HttpStatus.INTERNAL_SERVER_ERROR,
                        "INTERNAL_ERROR",
                        messages.getMessage("api.internalError", null, locale())));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        for (FieldError error : ex.getBindingResult().getFieldErrors()) {
            errors.add(Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())));
        }
        ex.getBindingResult()
                .getGlobalErrors()
                .forEach(error -> errors.add(
                        Map.of("field", error.getObjectName(), "message", String.valueOf(error.getDefaultMessage()))));
        return ResponseEntity.badRequest().body(validationProblem(errors).getBody());
    }

    /** An address under {@code /api/} that no controller serves (the UI does not answer there either). */
    @Override
    protected @Nullable ResponseEntity<Object> handleNoResourceFoundException(
            NoResourceFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
                .body(problem(HttpStatus.NOT_FOUND, "NOT_FOUND", messages.getMessage("api.notFound", null, locale())));
    }

    /** A value of the wrong type (strict JSON binding) is a field error; broken JSON stays a plain 400. */
    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        var field = JsonFieldErrors.of(ex);
        if (field.isEmpty()) {
            return super.handleHttpMessageNotReadable(ex, headers, status, request);
        }
        String message = messages.getMessage(field.get().messageKey(), null, locale());
        return ResponseEntity.badRequest()
                .body(validationProblem(List.of(Map.of("field", field.get().field(), "message", message)))
                        .getBody());
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getParameterValidationResults()
                .forEach(result -> result.getResolvableErrors()
                        .forEach(error -> errors.add(Map.of(
                                "field",
                                String.valueOf(result.getMethodParameter().getParameterName()),
                                "message",
                                String.valueOf(error.getDefaultMessage())))));
        return ResponseEntity.badRequest().body(validationProblem(errors).getBody());
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null
                && response.getBody() instanceof ProblemDetail problem
                && problem.getProperties() == null) {
            problem.setProperty("code", codeFor(statusCode));
        }
        return response;
    }

    private ResponseEntity<ProblemDetail> validationProblem(List<Map<String, String>> errors) {
        ProblemDetail problem = problem(
                HttpStatus.BAD_REQUEST,
                "VALIDATION_FAILED",
                messages.getMessage("api.validationFailed", null, locale()));
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    /** A problem body with Kontor's machine-readable {@code code}. */
    public static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code);
        return problem;
    }

    private static String codeFor(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "HTTP_" + status.value() : known.name();
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static Locale locale() {
        return KontorI18NProvider.supported(LocaleContextHolder.getLocale());
    }
}
