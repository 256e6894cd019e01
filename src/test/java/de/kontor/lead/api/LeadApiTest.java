package de.kontor.lead.api;

import de.kontor.HttpClientSupport;
import de.kontor.HttpClientSupport.Response;
import de.kontor.IntegrationTest;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The leads' REST API over real HTTP. */
class LeadApiTest extends IntegrationTest {

    HttpClientSupport http;
    String token;

    @BeforeEach
    void setUp() {
        http = new HttpClientSupport(baseUrl());
        token = http.token(ADMIN, ADMIN_PASSWORD);
    }

    @Test
    void leadsContactsNotesActivitiesAndStats() {
        String marker = unique("api");
        Map<String, Object> body = new HashMap<>(Map.of(
                "name",
                "Hochschule " + marker,
                "type",
                "UNIVERSITY",
                "city",
                "Aachen",
                "status",
                "CONTACTED",
                "tags",
                List.of("MINT-" + marker)));
        Response created = http.postJson("/api/leads", body, token);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        assertThat(created.json().get("tags").get(0).get("name").asString()).isEqualTo("MINT-" + marker);

        body.put("email", "falsch");
        Response invalid = http.postJson("/api/leads", body, token);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("code").asString()).isEqualTo("INVALID_EMAIL");

        JsonNode page = http.get("/api/leads?q=" + marker + "&status=CONTACTED&city=Aachen", token)
                .json();
        assertThat(page.get("total").asLong()).isEqualTo(1);
        assertThat(page.get("items").get(0).get("id").asLong()).isEqualTo(id);
        assertThat(http.get("/api/leads?q=" + marker + "&status=WON", token)
                        .json()
                        .get("total")
                        .asLong())
                .isZero();
        assertThat(http.get("/api/leads?sort=secret", token).status()).isEqualTo(400);

        Response contact = http.postJson(
                "/api/leads/" + id + "/contacts",
                Map.of("name", "Prof. Kim", "email", "kim@hs.example", "primary", true),
                token);
        assertThat(contact.status()).isEqualTo(201);
        Response note = http.postJson("/api/leads/" + id + "/notes", Map.of("text", "erste Fassung"), token);
        long noteId = note.json().get("id").asLong();
        Response edited = http.putJson(
                "/api/leads/" + id + "/notes/" + noteId, Map.of("text", "zweite Fassung", "revision", 1), token);
        assertThat(edited.json().get("revision").asInt()).isEqualTo(2);
        Response stale =
                http.putJson("/api/leads/" + id + "/notes/" + noteId, Map.of("text", "dritte", "revision", 1), token);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(http.get("/api/leads/" + id + "/notes/" + noteId + "/revisions", token)
                        .json()
                        .size())
                .isEqualTo(2);
        JsonNode diff = http.get("/api/leads/" + id + "/notes/" + noteId + "/diff?from=1&to=2", token)
                .json();
        assertThat(diff.toString())
                .contains("REMOVED")
                .contains("erste")
                .contains("ADDED")
                .contains("zweite");

        Response task =
                http.postJson("/api/leads/" + id + "/activities", Map.of("kind", "TASK", "subject", "Angebot"), token);
        assertThat(task.status()).isEqualTo(400);
        assertThat(task.json().get("code").asString()).isEqualTo("DUE_DATE_REQUIRED");
        assertThat(http.postJson(
                                "/api/leads/" + id + "/activities",
                                Map.of("kind", "MEETING", "subject", "Besuch"),
                                token)
                        .status())
                .isEqualTo(201);
        JsonNode timeline = http.get("/api/leads/" + id + "/activities", token).json();
        assertThat(timeline.toString()).contains("Besuch").contains("lead.change.contactAdded");

        JsonNode stats = http.get("/api/leads/stats", token).json();
        assertThat(stats.get("byTag").get("MINT-" + marker).asLong()).isEqualTo(1);
        assertThat(stats.get("byStatus").get("CONTACTED").asLong()).isPositive();

        Response converted = http.postJson("/api/leads/" + id + "/convert", Map.of(), token);
        assertThat(converted.status()).as(converted.body()).isEqualTo(200);
        assertThat(http.get(
                                "/api/customers/"
                                        + converted.json().get("customerId").asLong(),
                                token)
                        .json()
                        .get("contactPerson")
                        .asString())
                .isEqualTo("Prof. Kim");
    }

    @Test
    void exportAndImportPreview() throws Exception {
        String marker = unique("exp");
        http.postJson("/api/leads", Map.of("name", "Export " + marker, "city", "Köln"), token);
        HttpResponse<byte[]> xlsx = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/api/leads/export?format=xlsx&q=" + marker))
                                .header("Authorization", "Bearer " + token)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            var sheet = workbook.getSheetAt(0);
            String all = new StringBuilder().append(sheet.getRow(0)).toString();
            boolean found = false;
            for (var row : sheet) {
                for (var cell : row) {
                    found |= cell.toString().equals("Export " + marker);
                }
            }
            assertThat(found).as(all).isTrue();
        }

        String csv = "Name;Ort\nExport " + marker + ";Köln\nNeu " + marker + ";Bonn\n";
        String boundary = "----kontor" + System.nanoTime();
        String multipart =
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"leads.csv\"\r\n"
                        + "Content-Type: text/csv\r\n\r\n" + csv + "\r\n--" + boundary + "--\r\n";
        HttpResponse<String> preview = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/api/leads/import"))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .POST(HttpRequest.BodyPublishers.ofString(multipart, StandardCharsets.UTF_8))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
        JsonNode rows = HttpClientSupport.JSON.readTree(preview.body()).get("rows");
        assertThat(rows.get(0).get("verdict").asString()).isEqualTo("UNCHANGED");
        assertThat(rows.get(1).get("verdict").asString()).isEqualTo("CREATE");
    }
}
