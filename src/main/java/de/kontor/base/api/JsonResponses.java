package de.kontor.base.api;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;

/**
 * Writes a JSON answer where no controller is involved (servlet filters): the problem+json of the REST APIs
 * ({@link ProblemResponses}) and the bodies the license client and tally terminal contracts define.
 */
public final class JsonResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonResponses() {}

    /** The body as {@code application/json} (UTF-8) with the status. */
    public static void write(HttpServletResponse response, int status, Object body) throws IOException {
        write(response, status, MediaType.APPLICATION_JSON_VALUE, body);
    }

    static void write(HttpServletResponse response, int status, String contentType, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType(contentType);
        response.setCharacterEncoding("UTF-8");
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }
}
