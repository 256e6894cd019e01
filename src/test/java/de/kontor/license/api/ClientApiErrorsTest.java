package de.kontor.license.api;

import de.kontor.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;

import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Licensed software tells "send it again later" from "Kontor failed" by the status and code. */
class ClientApiErrorsTest extends IntegrationTest {

    @Autowired
    MessageSource messages;

    @Test
    void anUnreachableDatabaseIsA503WithRetryAfterNotAnInternalError() {
        var answer = new ClientApiErrors(messages)
                .unexpected(new DataAccessResourceFailureException(
                        "no connection", new SQLTransientConnectionException("Connection is not available")));

        assertThat(answer.getStatusCode().value()).isEqualTo(503);
        assertThat(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(answer.getBody())
                .containsEntry("code", "DATABASE_UNAVAILABLE")
                .containsEntry("retryAfterSeconds", 5L);
    }

    @Test
    void anyOtherFailureStaysAnInternalError() {
        var answer = new ClientApiErrors(messages).unexpected(new IllegalStateException("a bug"));

        assertThat(answer.getStatusCode().value()).isEqualTo(500);
        assertThat(answer.getBody()).containsEntry("code", "INTERNAL_ERROR");
    }
}
