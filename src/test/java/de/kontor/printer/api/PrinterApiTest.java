package de.kontor.printer.api;

import de.kontor.HttpClientSupport;
import de.kontor.HttpClientSupport.Response;
import de.kontor.IntegrationTest;
import de.kontor.printer.plug.sim.P110Emulator;
import de.kontor.security.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The printers' REST API over real HTTP against an emulated plug. */
class PrinterApiTest extends IntegrationTest {

    @Autowired
    UserService users;

    PrinterApiFixture fixture;
    HttpClientSupport http;
    String admin;
    P110Emulator plug;

    @BeforeEach
    void setUp() {
        fixture = new PrinterApiFixture(baseUrl(), ADMIN, ADMIN_PASSWORD, clock, users);
        http = fixture.http;
        admin = fixture.admin;
        plug = fixture.plug;
    }

    @AfterEach
    void tearDown() {
        fixture.close();
    }

    @Test
    void adminsAddAndSwitchPrintersWithClearErrors() {
        Map<String, Object> body = fixture.printerBody(unique("Bambu"));
        body.put("model", "X1C");
        Response created = http.postJson("/api/printers", body, admin);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("Plug-Pw-1");
        long id = created.json().get("printer").get("id").asLong();

        Response on = http.postJson("/api/printers/" + id + "/power", Map.of("on", true), admin);
        assertThat(on.status()).as(on.body()).isEqualTo(200);
        assertThat(on.json().get("state").asString()).isEqualTo("ON");
        assertThat(plug.isOn()).isTrue();

        JsonNode status = http.get("/api/printers/status", admin).json();
        boolean found = false;
        for (JsonNode p : status) {
            found |= p.get("id").asLong() == id && p.get("state").asString().equals("ON");
        }
        assertThat(found).isTrue();

        Response missing = http.postJson("/api/printers/" + id + "/power", Map.of(), admin);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("code").asString()).isEqualTo("ON_REQUIRED");

        plug.thirdPartyCompatibility(false);
        plug.expireSession(); // the next switch needs a new handshake, which the plug now refuses
        Response refused = http.postJson("/api/printers/" + id + "/power", Map.of("on", false), admin);
        assertThat(refused.status()).isEqualTo(502);
        assertThat(refused.json().get("code").asString()).isEqualTo("PLUG_THIRD_PARTY_DISABLED");
        assertThat(refused.json().get("detail").asString()).contains("Third-Party Compatibility");

        body.put("plugHost", "not a host");
        Response invalid = http.postJson("/api/printers", body, admin);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("code").asString()).isEqualTo("INVALID_HOST");
    }

    @Test
    void membersSeePrintersButCannotChangeOrSwitchThem() {
        String token = fixture.member(unique("member"));
        assertThat(http.get("/api/printers", token).status()).isEqualTo(200);
        assertThat(http.postJson("/api/printers", Map.of("name", "x"), token).status())
                .isEqualTo(403);
        assertThat(http.postJson("/api/printers/1/power", Map.of("on", true), token)
                        .status())
                .isEqualTo(403);
        assertThat(http.get("/api/printers", null).status()).isEqualTo(401);
    }
}
