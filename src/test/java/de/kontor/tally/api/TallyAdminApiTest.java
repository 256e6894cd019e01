package de.kontor.tally.api;

import de.kontor.HttpClientSupport;
import de.kontor.HttpClientSupport.Response;
import de.kontor.IntegrationTest;
import de.kontor.security.Role;
import de.kontor.security.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The tally admin REST API over real HTTP with an ADMIN bearer token. */
class TallyAdminApiTest extends IntegrationTest {

    HttpClientSupport http;
    String token;

    @Autowired
    UserService users;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void setUp() {
        http = new HttpClientSupport(baseUrl());
        token = http.token(ADMIN, ADMIN_PASSWORD);
    }

    private static String code() {
        return Long.toString(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
    }

    private static void assertProblem(Response r, int status, String code, String field) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).contains("application/problem+json");
        assertThat(r.json().get("code").asString()).isEqualTo(code);
        if (field != null) {
            assertThat(r.body()).contains("\"" + field + "\"");
        }
    }

    private JsonNode createPerson(Map<String, Object> body) {
        Response r = http.postJson("/api/admin/tally/persons", body, token);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    private int terminal(String method, String path, String key, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + "/api/tally" + path))
                .header("X-API-Key", key);
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient()
                .send(b.build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    @Test
    void personsAreCreatedWithAGeneratedCodeValidatedAndChangedWithTheirVersion() {
        String last = unique("Api");
        JsonNode created = createPerson(Map.of(
                "firstName",
                "Paula",
                "lastName",
                last,
                "email",
                last.toLowerCase() + "@example.org",
                "reminderThreshold",
                5));
        assertThat(created.get("code").asString()).matches("\\d{10}");
        assertThat(created.get("balance").asLong()).isZero();
        assertThat(created.get("reminderThreshold").asInt()).isEqualTo(5);
        long id = created.get("id").asLong();

        assertProblem(
                http.postJson(
                        "/api/admin/tally/persons",
                        Map.of("firstName", "X", "lastName", "Y", "email", "not-an-address"),
                        token),
                400,
                "INVALID_EMAIL",
                "email");
        assertProblem(
                http.postJson(
                        "/api/admin/tally/persons",
                        Map.of("firstName", "X", "lastName", "Y", "email", last.toUpperCase() + "@EXAMPLE.org"),
                        token),
                409,
                "EMAIL_TAKEN",
                "email");
        assertProblem(
                http.postJson("/api/admin/tally/persons", Map.of("firstName", "", "lastName", "Y"), token),
                400,
                "NAME_REQUIRED",
                "firstName");
        assertProblem(
                http.postJson(
                        "/api/admin/tally/persons", Map.of("code", "12ab", "firstName", "X", "lastName", "Y"), token),
                400,
                "INVALID_CODE",
                "code");
        assertProblem(
                http.postJson(
                        "/api/admin/tally/persons",
                        Map.of("code", created.get("code").asString(), "firstName", "X", "lastName", "Y"),
                        token),
                409,
                "CODE_TAKEN",
                "code");

        long version = created.get("version").asLong();
        Response updated = http.putJson(
                "/api/admin/tally/persons/" + id,
                Map.of("comment", "Kassenwart", "locked", true, "version", version),
                token);
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("comment").asString()).isEqualTo("Kassenwart");
        assertThat(updated.json().get("locked").asBoolean()).isTrue();
        assertThat(updated.json().get("firstName").asString()).isEqualTo("Paula");
        Response stale =
                http.putJson("/api/admin/tally/persons/" + id, Map.of("comment", "other", "version", version), token);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(http.get("/api/admin/tally/persons/" + id, token)
                        .json()
                        .get("comment")
                        .asString())
                .isEqualTo("Kassenwart");

        assertThat(http.postJson("/api/admin/tally/persons/" + id + "/unlock", Map.of(), token)
                        .json()
                        .get("locked")
                        .asBoolean())
                .isFalse();

        // the admin role is granted and revoked on the person's Kontor account
        long current = http.get("/api/admin/tally/persons/" + id, token)
                .json()
                .get("version")
                .asLong();
        Response admin =
                http.putJson("/api/admin/tally/persons/" + id, Map.of("admin", true, "version", current), token);
        assertThat(admin.json().get("admin").asBoolean()).isTrue();
        assertThat(users.findByUsername(created.get("code").asString())
                        .orElseThrow()
                        .getRoles())
                .contains(Role.ADMIN);
        current = admin.json().get("version").asLong();
        assertThat(http.putJson("/api/admin/tally/persons/" + id, Map.of("admin", false, "version", current), token)
                        .json()
                        .get("admin")
                        .asBoolean())
                .isFalse();
        assertThat(users.findByUsername(created.get("code").asString())
                        .orElseThrow()
                        .getRoles())
                .doesNotContain(Role.ADMIN);
        assertProblem(http.get("/api/admin/tally/persons/999999999", token), 404, "PERSON_NOT_FOUND", null);
    }

    @Test
    void bookingsTokensAndTheListWithTheTotal() {
        String last = unique("Ledger");
        long id = createPerson(Map.of("firstName", "Lena", "lastName", last))
                .get("id")
                .asLong();
        Response booked = http.postJson(
                "/api/admin/tally/persons/" + id + "/bookings",
                Map.of("amount", 15, "description", "Einzahlung"),
                token);
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        assertThat(booked.json().get("balance").asLong()).isEqualTo(15);
        assertProblem(
                http.postJson(
                        "/api/admin/tally/persons/" + id + "/bookings", Map.of("amount", 0, "description", "x"), token),
                400,
                "INVALID_AMOUNT",
                "amount");
        assertProblem(
                http.postJson("/api/admin/tally/persons/" + id + "/bookings", Map.of("amount", 3), token),
                400,
                "DESCRIPTION_REQUIRED",
                "description");
        http.postJson(
                "/api/admin/tally/persons/" + id + "/bookings",
                Map.of("amount", -4, "description", "Korrektur"),
                token);
        JsonNode ledger =
                http.get("/api/admin/tally/persons/" + id + "/bookings", token).json();
        assertThat(ledger.get("total").asLong()).isEqualTo(2);
        assertThat(ledger.get("items").get(0).get("description").asString()).isEqualTo("Korrektur");
        assertThat(ledger.get("items").get(1).get("amount").asLong()).isEqualTo(15);

        String hex = String.format("%08x", ThreadLocalRandom.current().nextInt() & 0x7fffffff);
        Response token1 = http.postJson(
                "/api/admin/tally/persons/" + id + "/tokens",
                Map.of(
                        "name",
                        "Karte",
                        "token",
                        hex.substring(0, 2) + " " + hex.substring(2, 4) + ":" + hex.substring(4)),
                token);
        assertThat(token1.status()).as(token1.body()).isEqualTo(201);
        assertThat(token1.json().get("hex").asString())
                .isEqualTo((hex.substring(0, 2) + ":" + hex.substring(2, 4) + ":" + hex.substring(4, 6) + ":"
                                + hex.substring(6))
                        .toUpperCase());
        assertProblem(
                http.postJson("/api/admin/tally/persons/" + id + "/tokens", Map.of("token", "xyz"), token),
                400,
                "INVALID_TOKEN",
                "token");
        assertProblem(
                http.postJson("/api/admin/tally/persons/" + id + "/tokens", Map.of("token", hex), token),
                409,
                "TOKEN_TAKEN",
                "token");
        long tokenId = token1.json().get("id").asLong();
        assertThat(http.delete("/api/admin/tally/persons/" + id + "/tokens/" + tokenId, token)
                        .status())
                .isEqualTo(204);
        assertThat(http.get("/api/admin/tally/persons/" + id + "/tokens", token)
                        .json()
                        .size())
                .isZero();

        JsonNode page = http.get("/api/admin/tally/persons?q=" + last, token).json();
        assertThat(page.get("total").asLong()).isEqualTo(1);
        assertThat(page.get("items").get(0).get("balance").asLong()).isEqualTo(11);
        long sum = 0;
        for (int p = 0; ; p++) {
            JsonNode all = http.get("/api/admin/tally/persons?size=500&page=" + p, token)
                    .json();
            for (JsonNode row : all.get("items")) {
                sum += row.get("balance").asLong();
            }
            if (!all.get("hasNext").asBoolean()) {
                assertThat(all.get("totalBalance").asLong()).isEqualTo(sum);
                break;
            }
        }
        assertProblem(http.get("/api/admin/tally/persons?sort=password", token), 400, "INVALID_SORT", null);
    }

    @Test
    void amountsAreBoundedSoThatBalancesAndTheirSumStayReadable() {
        String last = unique("Bounds");
        long id = createPerson(Map.of("firstName", "Bea", "lastName", last))
                .get("id")
                .asLong();
        String bookings = "/api/admin/tally/persons/" + id + "/bookings";
        for (long amount : new long[] {Long.MIN_VALUE, -100_001, 100_001, Long.MAX_VALUE}) {
            assertProblem(
                    http.postJson(bookings, Map.of("amount", amount, "description", "x"), token),
                    400,
                    "AMOUNT_OUT_OF_RANGE",
                    "amount");
        }
        assertThat(http.postJson(bookings, Map.of("amount", 100_000, "description", "Einzahlung"), token)
                        .status())
                .isEqualTo(201);
        Response back = http.postJson(bookings, Map.of("amount", -100_000, "description", "Korrektur"), token);
        assertThat(back.status()).isEqualTo(201);
        assertThat(back.json().get("balance").asLong()).isZero();

        Response list = http.get("/api/admin/tally/persons?size=500", token);
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(http.get("/api/admin/tally/persons?q=" + last, token)
                        .json()
                        .get("items")
                        .get(0)
                        .get("balance")
                        .asLong())
                .isZero();
        assertProblem(
                http.putJson("/api/admin/tally/settings", Map.of("bookingAmount", -100_001), token),
                400,
                "AMOUNT_OUT_OF_RANGE",
                "bookingAmount");
    }

    @Test
    void aBookingIsReversedOnceByItsExactOppositeAndNothingIsDeleted() {
        long id = createPerson(Map.of("firstName", "Rosa", "lastName", unique("Storno")))
                .get("id")
                .asLong();
        String bookings = "/api/admin/tally/persons/" + id + "/bookings";
        http.postJson(bookings, Map.of("amount", 1250, "description", "Einzahlung 12,50"), token);
        long entryId =
                http.get(bookings, token).json().get("items").get(0).get("id").asLong();

        Response reversal = http.postJson(bookings + "/" + entryId + "/reversal", Map.of(), token);
        assertThat(reversal.status()).as(reversal.body()).isEqualTo(201);
        assertThat(reversal.json().get("amount").asLong()).isEqualTo(-1250);
        assertThat(reversal.json().get("reversesId").asLong()).isEqualTo(entryId);
        assertThat(reversal.json().get("source").asString()).isEqualTo("REVERSAL");
        assertThat(reversal.json().get("bookedBy").asString()).isEqualTo(ADMIN);
        long reversalId = reversal.json().get("id").asLong();

        JsonNode ledger = http.get(bookings, token).json();
        assertThat(ledger.get("total").asLong()).as("nothing deleted").isEqualTo(2);
        assertThat(ledger.get("items").get(1).get("reversedById").asLong()).isEqualTo(reversalId);
        assertThat(http.get("/api/admin/tally/persons/" + id, token)
                        .json()
                        .get("balance")
                        .asLong())
                .isZero();

        assertProblem(
                http.postJson(bookings + "/" + entryId + "/reversal", Map.of(), token), 409, "ALREADY_REVERSED", null);
        assertProblem(
                http.postJson(bookings + "/" + reversalId + "/reversal", Map.of(), token),
                409,
                "REVERSAL_NOT_REVERSIBLE",
                null);
        assertProblem(http.postJson(bookings + "/999999999/reversal", Map.of(), token), 404, "ENTRY_NOT_FOUND", null);
        long other = createPerson(Map.of("firstName", "Otto", "lastName", unique("Storno")))
                .get("id")
                .asLong();
        assertProblem(
                http.postJson(
                        "/api/admin/tally/persons/" + other + "/bookings/" + entryId + "/reversal", Map.of(), token),
                404,
                "ENTRY_NOT_FOUND",
                null);
        assertThat(http.get(bookings, token).json().get("total").asLong()).isEqualTo(2);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_log where module = 'tally' and action = 'REVERSE' and entity_id = ?",
                        Integer.class,
                        Long.toString(reversalId)))
                .isEqualTo(1);
    }

    @Test
    void archivedPersonsKeepTheirLedgerAndCanBeRestored() {
        String last = unique("Archive");
        JsonNode created = createPerson(Map.of("firstName", "Ole", "lastName", last));
        long id = created.get("id").asLong();
        http.postJson(
                "/api/admin/tally/persons/" + id + "/bookings",
                Map.of("amount", 7, "description", "Einzahlung"),
                token);
        JsonNode archived = http.delete("/api/admin/tally/persons/" + id, token).json();
        assertThat(archived.get("archived").asBoolean()).isTrue();
        assertThat(http.get("/api/admin/tally/persons?q=" + last, token)
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
        assertThat(http.get("/api/admin/tally/persons?status=archived&q=" + last, token)
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(1);
        JsonNode restored = http.postJson("/api/admin/tally/persons/" + id + "/restore", Map.of(), token)
                .json();
        assertThat(restored.get("archived").asBoolean()).isFalse();
        assertThat(restored.get("balance").asLong()).isEqualTo(7);
    }

    @Test
    void apiUsersGetKeysThatWorkAtTheTerminalApiUntilDeleted() throws Exception {
        Response user = http.postJson("/api/admin/tally/api-users", Map.of("name", unique("Kasse")), token);
        assertThat(user.status()).as(user.body()).isEqualTo(201);
        long userId = user.json().get("id").asLong();
        assertProblem(
                http.postJson("/api/admin/tally/api-users/" + userId + "/keys", Map.of("scope", "root"), token),
                400,
                "INVALID_SCOPE",
                "scope");
        assertProblem(
                http.postJson("/api/admin/tally/api-users/999999999/keys", Map.of("scope", "book"), token),
                404,
                "API_USER_NOT_FOUND",
                null);
        Response key = http.postJson("/api/admin/tally/api-users/" + userId + "/keys", Map.of("scope", "book"), token);
        assertThat(key.status()).isEqualTo(201);
        String value = key.json().get("value").asString();
        long keyId = key.json().get("keyId").asLong();
        assertThat(terminal("GET", "/health-protected", value, null)).isEqualTo(200);
        assertThat(terminal("DELETE", "/transaktionen", value, null)).isEqualTo(403);

        JsonNode listed = http.get("/api/admin/tally/api-users", token).json();
        JsonNode mine = null;
        for (JsonNode u : listed) {
            if (u.get("id").asLong() == userId) {
                mine = u;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("keys").get(0).get("prefix").asString()).isEqualTo(value.substring(0, 10));
        assertThat(mine.toString()).doesNotContain(value);

        assertThat(http.delete("/api/admin/tally/api-users/" + userId + "/keys/" + keyId, token)
                        .status())
                .isEqualTo(204);
        assertThat(terminal("GET", "/health-protected", value, null)).isEqualTo(401);
        assertProblem(
                http.delete("/api/admin/tally/api-users/" + userId + "/keys/" + keyId, token),
                404,
                "API_KEY_NOT_FOUND",
                null);

        String second = http.postJson(
                        "/api/admin/tally/api-users/" + userId + "/keys", Map.of("scope", "manage"), token)
                .json()
                .get("value")
                .asString();
        assertThat(terminal("GET", "/health-protected", second, null)).isEqualTo(200);
        assertThat(http.delete("/api/admin/tally/api-users/" + userId, token).status())
                .isEqualTo(204);
        assertThat(terminal("GET", "/health-protected", second, null)).isEqualTo(401);
    }

    @Test
    void settingsAreValidatedAndKeptWhenInvalid() {
        JsonNode before = http.get("/api/admin/tally/settings", token).json();
        assertProblem(
                http.putJson("/api/admin/tally/settings", Map.of("bookingAmount", 2), token),
                400,
                "INVALID_AMOUNT",
                "bookingAmount");
        assertProblem(
                http.putJson("/api/admin/tally/settings", Map.of("currency", "   "), token),
                400,
                "INVALID_CURRENCY",
                "currency");
        assertProblem(
                http.putJson("/api/admin/tally/settings", Map.of("responsibleEmail", "kasse at verein"), token),
                400,
                "INVALID_EMAIL",
                "responsibleEmail");
        assertThat(http.get("/api/admin/tally/settings", token).json()).isEqualTo(before);
        Map<String, Object> change = new HashMap<>();
        change.put("currency", "Pkt");
        Response saved = http.putJson("/api/admin/tally/settings", change, token);
        assertThat(saved.json().get("currency").asString()).isEqualTo("Pkt");
        assertThat(saved.json().get("bookingAmount").asInt())
                .isEqualTo(before.get("bookingAmount").asInt());
        http.putJson(
                "/api/admin/tally/settings",
                Map.of("currency", before.get("currency").asString()),
                token);
    }

    @Test
    void membersAndAnonymousCallersAreRefused() {
        String member = code();
        Response created = http.postJson(
                "/api/admin/tally/persons",
                Map.of(
                        "code",
                        member,
                        "firstName",
                        "Mia",
                        "lastName",
                        unique("Member"),
                        "password",
                        "Member-Secret-Pw-42"),
                token);
        assertThat(created.status()).isEqualTo(201);
        String memberToken = http.token(member, "Member-Secret-Pw-42");
        for (String path :
                List.of("/api/admin/tally/persons", "/api/admin/tally/settings", "/api/admin/tally/api-users")) {
            assertThat(http.get(path, memberToken).status()).as(path).isEqualTo(403);
            assertThat(http.get(path, null).status()).as(path).isEqualTo(401);
        }
    }
}
