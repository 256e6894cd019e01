package de.kontor.customer.api;

import de.kontor.HttpClientSupport;
import de.kontor.IntegrationTest;
import de.kontor.security.NewUser;
import de.kontor.security.Role;
import de.kontor.security.UserService;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerApiTest extends IntegrationTest {

    @Autowired
    UserService users;

    HttpClientSupport http;
    String token;

    @BeforeEach
    void setUp() {
        http = new HttpClientSupport(baseUrl());
        token = http.token(ADMIN, ADMIN_PASSWORD);
    }

    private JsonNode create(Map<String, Object> body) {
        var response = http.postJson("/api/customers", body, token);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    @Test
    void createReturnsTheCustomerWithNumberAndLocation() {
        String name = unique("API GmbH");
        var response = http.postJson(
                "/api/customers",
                Map.of(
                        "name",
                        name,
                        "email",
                        "Info@Api.Example",
                        "city",
                        "Görlitz",
                        "country",
                        "de",
                        "tags",
                        List.of("Industrie")),
                token);

        assertThat(response.status()).isEqualTo(201);
        JsonNode body = response.json();
        assertThat(body.get("number").asString()).matches("K-\\d{6}");
        assertThat(body.get("email").asString()).isEqualTo("info@api.example");
        assertThat(body.get("country").asString()).isEqualTo("DE");
        assertThat(body.get("version").asLong()).isZero();
        assertThat(response.header("Location"))
                .endsWith("/api/customers/" + body.get("id").asLong());
        var fetched = http.get("/api/customers/" + body.get("id").asLong(), token);
        assertThat(fetched.json().get("name").asString()).isEqualTo(name);
        assertThat(fetched.json().get("city").asString()).isEqualTo("Görlitz");
    }

    @Test
    void invalidBodyIsA400WithOneErrorPerField() {
        var response =
                http.postJson("/api/customers", Map.of("email", "nope", "phone", "call!", "country", "Germany"), token);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode body = response.json();
        assertThat(body.get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(body.get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString())
                        .toList())
                .containsExactlyInAnyOrder("name", "email", "phone", "country");
    }

    @Test
    void takenEmailIsA409NamingTheField() {
        String email = unique("dup") + "@example.org";
        create(Map.of("name", unique("One"), "email", email));

        var response = http.postJson("/api/customers", Map.of("name", unique("Two"), "email", email), token);

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("code").asString()).isEqualTo("EMAIL_TAKEN");
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("email");
    }

    @Test
    void updateNeedsTheCurrentVersionAndConflictsAreA409() {
        JsonNode created = create(Map.of("name", unique("Versioned")));
        long id = created.get("id").asLong();
        Map<String, Object> change = new LinkedHashMap<>();
        change.put("name", created.get("name").asString());
        change.put("city", "Halle");
        change.put("version", 0);

        var ok = http.putJson("/api/customers/" + id, change, token);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("city").asString()).isEqualTo("Halle");
        assertThat(ok.json().get("version").asLong()).isEqualTo(1);

        change.put("city", "Magdeburg");
        var stale = http.putJson("/api/customers/" + id, change, token);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("code").asString()).isEqualTo("CONCURRENT_CHANGE");
        assertThat(http.get("/api/customers/" + id, token).json().get("city").asString())
                .isEqualTo("Halle");

        change.remove("version");
        var missing = http.putJson("/api/customers/" + id, change, token);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("code").asString()).isEqualTo("VERSION_REQUIRED");
    }

    @Test
    void deleteArchivesAndRestoreBringsBack() {
        long id = create(Map.of("name", unique("Archivable"))).get("id").asLong();

        var archived = http.delete("/api/customers/" + id, token);
        assertThat(archived.status()).isEqualTo(200);
        assertThat(archived.json().get("archived").asBoolean()).isTrue();

        var restored = http.postJson("/api/customers/" + id + "/restore", Map.of(), token);
        assertThat(restored.status()).isEqualTo(200);
        assertThat(restored.json().get("archived").asBoolean()).isFalse();
    }

    @Test
    void listPagesSortsAndSearches() {
        String marker = unique("list");
        for (String city : List.of("Zeitz", "Aue", "Merseburg")) {
            create(Map.of("name", "Firma " + city + " " + marker, "city", city));
        }

        var page = http.get("/api/customers?q=" + marker + "&sort=city,desc&size=2", token);

        assertThat(page.status()).isEqualTo(200);
        JsonNode body = page.json();
        assertThat(body.get("total").asLong()).isEqualTo(3);
        assertThat(body.get("hasNext").asBoolean()).isTrue();
        assertThat(body.get("items")
                        .valueStream()
                        .map(i -> i.get("city").asString())
                        .toList())
                .containsExactly("Zeitz", "Merseburg");
        var second = http.get("/api/customers?q=" + marker + "&sort=city,desc&size=2&page=1", token)
                .json();
        assertThat(second.get("items")
                        .valueStream()
                        .map(i -> i.get("city").asString())
                        .toList())
                .containsExactly("Aue");
    }

    @Test
    void badQueryParametersAreA400() {
        assertThat(http.get("/api/customers?sort=notes", token)
                        .json()
                        .get("code")
                        .asString())
                .isEqualTo("INVALID_SORT");
        assertThat(http.get("/api/customers?status=deleted", token).status()).isEqualTo(400);
        assertThat(http.get("/api/customers?size=5000", token).status()).isEqualTo(400);
    }

    @Test
    void unknownCustomerIsA404() {
        var response = http.get("/api/customers/999999999", token);
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("code").asString()).isEqualTo("CUSTOMER_NOT_FOUND");
    }

    @Test
    void membersAreForbidden() {
        String member = unique("member");
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        ADMIN, null, List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
        users.createUser(new NewUser(member, "M", null, EnumSet.of(Role.MEMBER), "Member-Pass-1234"));
        SecurityContextHolder.clearContext();
        String memberToken = http.token(member, "Member-Pass-1234");

        assertThat(http.get("/api/customers", memberToken).status()).isEqualTo(403);
        assertThat(http.postJson("/api/customers", Map.of("name", "x"), memberToken)
                        .status())
                .isEqualTo(403);
    }

    @Test
    void exportStreamsTheMatchingCustomersAsXlsx() throws Exception {
        String marker = unique("xl");
        create(Map.of("name", "Export Eins " + marker));
        create(Map.of("name", "Export Zwei " + marker));

        HttpResponse<byte[]> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/api/customers/export?format=xlsx&q=" + marker))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                .contains("attachment")
                .contains(".xlsx");
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            assertThat(sheet.getRow(1).getCell(1).getStringCellValue()).isEqualTo("Export Eins " + marker);
            assertThat(sheet.getRow(2).getCell(1).getStringCellValue()).isEqualTo("Export Zwei " + marker);
        }
    }
}
