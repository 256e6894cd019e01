package de.kontor.security;

import de.kontor.HttpClientSupport;
import de.kontor.IntegrationTest;
import de.kontor.RawHttp;
import org.junit.jupiter.api.Test;

import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** Every kind of answer carries the security headers: pages, APIs, the kiosk files, early refusals. */
class SecurityHeadersTest extends IntegrationTest {

    @Test
    void pagesAndApiAnswersCarryTheSecurityHeaders() {
        var http = new HttpClientSupport(baseUrl());
        String token = http.token(ADMIN, ADMIN_PASSWORD);

        assertHeaders("login page", http.get("/login", null)::header);
        assertHeaders("signed-in page", http.get("/", token)::header);
        assertHeaders("REST answer", http.get("/api/audit?size=1", token)::header);
        assertHeaders("REST refusal", http.get("/api/audit", null)::header);
        assertHeaders("unknown API address", http.get("/api/nothing", token)::header);
        assertHeaders("license client API", http.get("/api/license/public-key", null)::header);
        assertHeaders("tally terminal API", http.get("/api/tally/health", null)::header);
        assertHeaders("kiosk service worker", http.get("/kiosk-sw.js", null)::header);
        assertHeaders("kiosk offline page", http.get("/kiosk-offline.html", null)::header);
        assertHeaders("firewall refusal", http.get("/api/customers%2F1", token)::header);
        assertHeaders(
                "body too large",
                RawHttp.send(
                        port,
                        "POST /api/auth/token HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                                + "Content-Length: 50000000\r\nConnection: close\r\n\r\n")::header);
    }

    private static void assertHeaders(String what, Function<String, String> header) {
        assertThat(header.apply("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
        assertThat(header.apply("Referrer-Policy")).as(what).isEqualTo("same-origin");
        assertThat(header.apply("Content-Security-Policy"))
                .as(what)
                .contains("default-src 'self'")
                .contains("frame-ancestors 'none'")
                .contains("object-src 'none'");
    }
}
