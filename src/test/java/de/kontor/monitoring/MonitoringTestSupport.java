package de.kontor.monitoring;

import de.kontor.HttpClientSupport;
import de.kontor.HttpClientSupport.Response;
import de.kontor.IntegrationTest;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Nodes through the REST API, as an admin would create them. */
final class MonitoringTestSupport {

    private MonitoringTestSupport() {}

    record CreatedNode(long id, String name, String token) {}

    static String adminToken(HttpClientSupport http) {
        return http.token(IntegrationTest.ADMIN, IntegrationTest.ADMIN_PASSWORD);
    }

    static CreatedNode createNode(HttpClientSupport http, String admin, String name, String... tags) {
        Response created = http.postJson("/api/monitoring/nodes", Map.of("name", name, "tags", List.of(tags)), admin);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new CreatedNode(
                created.json().get("id").asLong(),
                created.json().get("name").asString(),
                created.json().get("token").asString());
    }
}
