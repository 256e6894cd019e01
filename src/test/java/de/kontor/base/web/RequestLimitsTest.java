package de.kontor.base.web;

import de.kontor.HttpClientSupport;
import de.kontor.IntegrationTest;
import de.kontor.RawHttp;
import de.kontor.customer.CustomerService;
import de.kontor.license.LicenseEnums.MatchRule;
import de.kontor.license.LicenseFixture;
import de.kontor.license.LicenseService;
import de.kontor.security.Role;
import de.kontor.tally.TallyModel.Scope;
import de.kontor.tally.TallyService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** What every request meets before a controller: strict JSON types, paging bounds, body sizes, addresses. */
class RequestLimitsTest extends IntegrationTest {

    @Autowired
    CustomerService customers;

    @Autowired
    LicenseService licenses;

    @Autowired
    TallyService tally;

    HttpClientSupport http;
    String token;

    @BeforeEach
    void signIn() {
        http = new HttpClientSupport(baseUrl());
        token = http.token(ADMIN, ADMIN_PASSWORD);
    }

    @Test
    void aNumberForATextFieldIsAFieldErrorNotANewName() {
        var r = http.postRaw("/api/customers", "application/json", "{\"name\":123}", token);

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("name");
        assertThat(r.json().get("errors").get(0).get("message").asString()).isEqualTo("must be text (in quotes)");
    }

    @Test
    void aFractionOrAQuotedNumberForAnIntegerFieldIsAFieldError() {
        var created = http.postJson("/api/customers", Map.of("name", unique("Strict")), token);
        assertThat(created.status()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        String name = created.json().get("name").asString();

        for (String version : new String[] {"1.5", "\"0\"", "0.0"}) {
            var r = http.putJson(
                    "/api/customers/" + id,
                    HttpClientSupport.JSON.readTree("{\"name\":\"" + name + "\",\"version\":" + version + "}"),
                    token);
            assertThat(r.status()).as(version).isEqualTo(400);
            assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("version");
            assertThat(r.json().get("errors").get(0).get("message").asString()).isEqualTo("must be a whole number");
        }
        assertThat(http.putJson(
                                "/api/customers/" + id,
                                HttpClientSupport.JSON.readTree("{\"name\":\"" + name + "\",\"version\":0}"),
                                token)
                        .status())
                .isEqualTo(200);
    }

    @Test
    void theLicenseClientApiKeepsItsErrorFormatAndNamesTheField() {
        var fixture = new LicenseFixture(licenses, customers, baseUrl(), MatchRule.ANY, clock);

        var r = fixture.post(
                "/api/license/activate",
                "{\"licenseKey\":12345,\"fingerprint\":{\"mac\":\"02:00:00:00:00:01\"},\"appVersion\":\"2.0.0\"}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("code").asString()).isEqualTo("INVALID_REQUEST");
        assertThat(r.json().get("field").asString()).isEqualTo("licenseKey");
    }

    @Test
    void theTallyTerminalApiStaysAsLenientAsItsContract() throws Exception {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        ADMIN, null, List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
        String key = tally.generateKey(tally.createApiUser(unique("Terminal")), Scope.MANAGE)
                .value();
        SecurityContextHolder.clearContext();
        long code = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);

        // The original server took a code sent as a JSON number; so does Kontor.
        var created = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(baseUrl() + "/api/tally/person"))
                                .header("Content-Type", "application/json")
                                .header("X-API-Key", key)
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"code\":" + code + ",\"nachname\":\"Zahl\",\"vorname\":\"Code\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.body()).contains("erfolgreich hinzugefügt");
    }

    @Test
    void pagesBeyondWhatTheDatabaseCanSkipToAreRefusedInEveryList() {
        var customersPage = http.get("/api/customers?page=4294968&size=500", token);
        assertThat(customersPage.status()).isEqualTo(400);
        assertThat(customersPage.contentType()).startsWith("application/problem+json");
        assertThat(customersPage.json().get("code").asString()).isEqualTo("PAGE_OUT_OF_RANGE");
        assertThat(customersPage.json().get("errors").get(0).get("field").asString())
                .isEqualTo("page");

        // The audit list's default size, too: one place checks every controller.
        assertThat(http.get("/api/audit?page=99999999", token).status()).isEqualTo(400);
        assertThat(http.get("/api/audit?page=-1", token).status()).isEqualTo(400);
        var size = http.get("/api/audit?size=100000", token);
        assertThat(size.status()).isEqualTo(400);
        assertThat(size.json().get("code").asString()).isEqualTo("PAGE_SIZE_OUT_OF_RANGE");

        // The last page that can still be reached answers (empty).
        var last = http.get("/api/customers?page=4294966&size=500", token);
        assertThat(last.status()).isEqualTo(200);
        assertThat(last.json().get("items").size()).isZero();
    }

    @Test
    void anUnknownApiAddressIsA404ProblemNotTheUiPage() {
        for (String path : new String[] {"/api/nothing-here", "/api/customers/1/nothing", "/api/tally-x"}) {
            var r = http.get(path, token);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.contentType()).as(path).startsWith("application/problem+json");
            assertThat(r.json().get("code").asString()).isEqualTo("NOT_FOUND");
        }
        // The API documentation under /api/docs is still served.
        assertThat(http.get("/api/docs/openapi.json", token).status()).isNotEqualTo(404);
    }

    @Test
    void anEncodedSlashIsA400ProblemNotTomcatsPage() {
        for (String path : new String[] {"/api/customers%2F1", "/customers%2F1", "/api/..%2Faudit"}) {
            var r = http.get(path, token);
            assertThat(r.status()).as(path).isEqualTo(400);
            assertThat(r.contentType()).as(path).startsWith("application/problem+json");
            assertThat(r.json().get("code").asString()).isEqualTo("REQUEST_REJECTED");
        }
    }

    @Test
    void aBodyAnnouncedLargerThanTheLimitIsRefusedBeforeItIsSent() {
        // 90 MB announced, nothing of it sent: the answer comes all the same, so nothing waited for the body.
        var r = RawHttp.send(
                port,
                "POST /api/auth/token HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 90000000\r\nConnection: close\r\n\r\n",
                "{\"username\":\"".getBytes(StandardCharsets.UTF_8));

        assertThat(r.status()).isEqualTo(413);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.body()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
    }

    @Test
    void aChunkedBodyIsCountedAndRefusedAboveTheLimit() {
        byte[] big = new byte[2 * 1024 * 1024];
        Arrays.fill(big, (byte) ' ');
        var r = RawHttp.send(
                port,
                "POST /api/auth/token HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
                RawHttp.chunked(big));

        assertThat(r.status()).isEqualTo(413);
        assertThat(r.body()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
    }

    @Test
    void aChunkedBodyWithinTheLimitIsReadAsUsual() {
        byte[] json = ("{\"username\":\"" + ADMIN + "\",\"password\":\"" + ADMIN_PASSWORD + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        var r = RawHttp.send(
                port,
                "POST /api/auth/token HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
                RawHttp.chunked(json));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).contains("\"token\"");
    }

    @Test
    void anUploadAboveTheBodyLimitIsReadUnderTheLargerUploadLimit() throws Exception {
        // about 2 MB: twice the limit of other bodies, well within the upload limit
        String notes = "x".repeat(2 * 1024 * 1024);
        String csv = "Name;Notizen\nUpload " + unique("big") + ";" + notes + "\n";
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
        assertThat(preview.body()).contains("\"rows\"");
    }

    @Test
    void anUploadAnnouncedAboveTheUploadLimitIsRefusedBeforeItIsSent() {
        var r = RawHttp.send(
                port,
                "POST /api/leads/import HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
                        + "\r\nContent-Type: multipart/form-data; boundary=x\r\n"
                        + "Content-Length: 25000000\r\nConnection: close\r\n\r\n",
                "--x\r\n".getBytes(StandardCharsets.UTF_8));

        assertThat(r.status()).isEqualTo(413);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.body()).contains("\"code\":\"PAYLOAD_TOO_LARGE\"");
    }
}
