package de.kontor.base.api;

import de.kontor.HttpClientSupport;
import de.kontor.IntegrationTest;
import de.kontor.base.db.InjectedConflicts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A REST call whose transaction lost a conflict with another one (a deadlock, a Galera certification failure)
 * left nothing behind: the client is told to send it again, not that Kontor failed.
 */
class ConflictAnswerTest extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void aCallThatLostAConflictIsAnswered503WithRetryAfterAndNothingIsSaved() {
        HttpClientSupport http = new HttpClientSupport(baseUrl());
        String token = http.token(ADMIN, ADMIN_PASSWORD);
        String name = unique("Conflict customer");
        try (InjectedConflicts conflict =
                InjectedConflicts.always(jdbc, "insert", "customer", "NEW.name = '" + name + "'")) {
            var response = http.postJson("/api/customers", Map.of("name", name), token);

            assertThat(response.status()).as(response.body()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.json().path("code").asString()).isEqualTo("CONFLICT_RETRY");
            assertThat(response.json().path("detail").asString()).isNotBlank();
            assertThat(conflict.attempts()).isPositive();
        }
        assertThat(jdbc.sql("select count(*) from customer where name = ?")
                        .param(name)
                        .query(Integer.class)
                        .single())
                .isZero();
    }
}
