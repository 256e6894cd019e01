package de.kontor.base.api;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** JSON answers written by filters: the status, the type with its charset, and the body as UTF-8 JSON. */
class JsonResponsesTest {

    @Test
    void aContractBodyIsWrittenAsCompactUtf8Json() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        JsonResponses.write(response, 401, Map.of("message", "API-Schlüssel fehlt!"));

        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentType()).isEqualTo("application/json;charset=UTF-8");
        assertThat(response.getContentAsByteArray())
                .isEqualTo("{\"message\":\"API-Schlüssel fehlt!\"}".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aProblemIsWrittenAsProblemJson() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/x");
        MockHttpServletResponse response = new MockHttpServletResponse();

        ProblemResponses.write(request, response, HttpStatus.FORBIDDEN, "ADDRESS_BLOCKED", "Blocked.");

        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentType()).isEqualTo("application/problem+json;charset=UTF-8");
        assertThat(response.getContentAsString(StandardCharsets.UTF_8))
                .isEqualTo("{\"type\":\"about:blank\",\"title\":\"Forbidden\",\"status\":403,\"detail\":\"Blocked.\","
                        + "\"instance\":\"/api/x\",\"code\":\"ADDRESS_BLOCKED\"}");
    }
}
