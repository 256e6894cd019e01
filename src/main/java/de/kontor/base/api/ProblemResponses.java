package de.kontor.base.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes a problem+json body where no controller is involved (security filters), in the same shape
 * as {@link ApiExceptionHandler}'s.
 */
public final class ProblemResponses {

    private ProblemResponses() {}

    public static void write(
            HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code, String detail)
            throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", request.getRequestURI());
        body.put("code", code);
        JsonResponses.write(response, status.value(), MediaType.APPLICATION_PROBLEM_JSON_VALUE, body);
    }
}
