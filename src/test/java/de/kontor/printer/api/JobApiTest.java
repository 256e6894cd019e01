package de.kontor.printer.api;

import de.kontor.HttpClientSupport;
import de.kontor.HttpClientSupport.Response;
import de.kontor.IntegrationTest;
import de.kontor.printer.plug.sim.P110Emulator;
import de.kontor.security.NewUser;
import de.kontor.security.Role;
import de.kontor.security.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/** Reservations, statistics and the scheduler over REST. */
class JobApiTest extends IntegrationTest {

    @Autowired
    UserService users;

    HttpClientSupport http;
    String admin;
    final ExecutorService threads = Executors.newCachedThreadPool();
    P110Emulator plug;
    long printerId;

    @BeforeEach
    void setUp() {
        http = new HttpClientSupport(baseUrl());
        admin = http.token(ADMIN, ADMIN_PASSWORD);
        plug = P110Emulator.start("jobs@example.org", "Plug-Pw-1", "Jobs", clock, threads, 9);
        printerId = http.postJson(
                        "/api/printers",
                        Map.of(
                                "name",
                                unique("Voron"),
                                "plugHost",
                                plug.host(),
                                "plugPort",
                                plug.port(),
                                "plugUsername",
                                "jobs@example.org",
                                "plugPassword",
                                "Plug-Pw-1"),
                        admin)
                .json()
                .get("printer")
                .get("id")
                .asLong();
    }

    @AfterEach
    void tearDown() {
        plug.close();
        threads.shutdownNow();
    }

    String member() {
        String name = unique("maker");
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        ADMIN, null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        users.createUser(new NewUser(name, name, null, EnumSet.of(Role.MEMBER), "Maker-Pw-12345"));
        SecurityContextHolder.clearContext();
        return http.token(name, "Maker-Pw-12345");
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
