package de.kontor.printer.api;

import de.kontor.HttpClientSupport;
import de.kontor.HttpClientSupport.Response;
import de.kontor.IntegrationTest;
import de.kontor.security.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Reservations, statistics and the scheduler over REST. */
class JobApiTest extends IntegrationTest {

    @Autowired
    UserService users;

    PrinterApiFixture fixture;
    HttpClientSupport http;
    String admin;
    long printerId;

    @BeforeEach
    void setUp() {
        fixture = new PrinterApiFixture(baseUrl(), ADMIN, ADMIN_PASSWORD, clock, users);
        http = fixture.http;
        admin = fixture.admin;
        printerId = fixture.printer(unique("Voron"));
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    String member() {
        return fixture.member(unique("maker"));
    }

    @Test
    void membersReserveExtendAndCancelTheirOwnSlots() {
        String mara = member();
        String jonas = member();
        String start = clock.instant().plus(Duration.ofHours(2)).toString();
        Response created = http.postJson(
                "/api/jobs",
                Map.of("printerId", printerId, "start", start, "durationMinutes", 60, "title", "Benchy"),
                mara);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("state").asString()).isEqualTo("PLANNED");

        Response taken = http.postJson(
                "/api/jobs",
                Map.of("printerId", printerId, "start", start, "durationMinutes", 30, "title", "Mine"),
                jonas);
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("code").asString()).isEqualTo("SLOT_TAKEN");
        Response noEnd =
                http.postJson("/api/jobs", Map.of("printerId", printerId, "start", start, "title", "x"), jonas);
        assertThat(noEnd.status()).isEqualTo(400);
        assertThat(noEnd.json().get("code").asString()).isEqualTo("END_REQUIRED");

        assertThat(http.get("/api/jobs/" + id, jonas).status()).isEqualTo(404);
        assertThat(http.get("/api/jobs/" + id, mara).status()).isEqualTo(200);
        assertThat(http.get("/api/jobs/" + id, admin).status()).isEqualTo(200);

        Response extended = http.postJson("/api/jobs/" + id + "/extend", Map.of("minutes", 30), mara);
        assertThat(extended.status()).as(extended.body()).isEqualTo(200);
        assertThat(http.get("/api/jobs", mara).json().get(0).get("id").asLong()).isEqualTo(id);
        assertThat(http.get("/api/jobs", jonas).json().size()).isZero();

        assertThat(http.delete("/api/jobs/" + id, jonas).status()).isEqualTo(404);
        Response cancelled = http.delete("/api/jobs/" + id, mara);
        assertThat(cancelled.json().get("state").asString()).isEqualTo("CANCELLED");
        assertThat(http.postJson(
                                "/api/jobs",
                                Map.of(
                                        "printerId",
                                        printerId,
                                        "start",
                                        start,
                                        "durationMinutes",
                                        30,
                                        "title",
                                        "Now free"),
                                jonas)
                        .status())
                .isEqualTo(201);
    }

    @Test
    void statsAndTheSchedulerForAdmins() {
        String mara = member();
        assertThat(http.get("/api/stats", mara).json().get("printers").asInt()).isPositive();
        assertThat(http.get("/api/scheduler/status", mara).status()).isEqualTo(403);
        Response stopped = http.postJson("/api/scheduler/stop", Map.of(), admin);
        assertThat(stopped.json().get("paused").asBoolean()).isTrue();
        Response started = http.postJson("/api/scheduler/start", Map.of(), admin);
        assertThat(started.json().get("paused").asBoolean()).isFalse();
    }
}
