package de.kontor.security.api;

import de.kontor.HttpClientSupport;
import de.kontor.IntegrationTest;
import de.kontor.TestTotp;
import de.kontor.security.NewUser;
import de.kontor.security.Role;
import de.kontor.security.UserService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuthApiTest extends IntegrationTest {

    private static final String MEMBER_PASSWORD = "Member-Passw0rd-9";

    @Autowired
    UserService users;

    HttpClientSupport http;

    @BeforeEach
    void setUp() {
        http = new HttpClientSupport(baseUrl());
    }

    @Test
    void tokenIsIssuedForValidCredentialsAndWorksAsBearer() {
        var response = http.postJson("/api/auth/token", Map.of("username", ADMIN, "password", ADMIN_PASSWORD), null);

        assertThat(response.status()).isEqualTo(200);
        JsonNode body = response.json();
        String token = body.get("token").asString();
        assertThat(token).startsWith("kt_").hasSizeGreaterThan(40);
        assertThat(Instant.parse(body.get("expiresAt").asString()))
                .isBetween(
                        clock.instant().plus(Duration.ofHours(7)),
                        clock.instant().plus(Duration.ofHours(9)));

        var me = http.get("/api/auth/me", token);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("username").asString()).isEqualTo(ADMIN);
        assertThat(me.json().get("roles").get(0).asString()).isEqualTo("ADMIN");
    }

    @Test
    void wrongPasswordIsAnsweredWith401ProblemJson() {
        var response = http.postJson("/api/auth/token", Map.of("username", ADMIN, "password", "wrong-password"), null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo("INVALID_CREDENTIALS");
        assertThat(response.json().get("detail").asString()).isEqualTo("Wrong user name or password.");
        forgetLoginFailures();
    }

    @Test
    void missingFieldsAreAnsweredWith400AndFieldErrors() {
        var response = http.postJson("/api/auth/token", Map.of("username", ""), null);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode body = response.json();
        assertThat(body.get("code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(body.get("errors")
                        .valueStream()
                        .map(e -> e.get("field").asString())
                        .toList())
                .contains("username", "password");
    }

    @Test
    void requestWithoutTokenIsAnsweredWith401ProblemJson() {
        var response = http.get("/api/audit", null);

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(401);
        assertThat(response.json().get("code").asString()).isEqualTo("UNAUTHORIZED");
        assertThat(response.json().get("instance").asString()).isEqualTo("/api/audit");
    }

    @Test
    void unknownTokenIsAnsweredWith401() {
        var response = http.get("/api/audit", "kt_not-a-real-token");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo("INVALID_TOKEN");
        assertThat(response.header("WWW-Authenticate")).contains("invalid_token");
    }

    @Test
    void memberIsForbiddenFromAdminEndpointsWith403ProblemJson() {
        String member = createMember();
        String token = http.token(member, MEMBER_PASSWORD);

        var audit = http.get("/api/audit", token);
        assertThat(audit.status()).isEqualTo(403);
        assertThat(audit.contentType()).startsWith("application/problem+json");
        assertThat(audit.json().get("code").asString()).isEqualTo("FORBIDDEN");

        var metrics = http.get("/actuator/metrics", token);
        assertThat(metrics.status()).isEqualTo(403);
        assertThat(metrics.contentType()).startsWith("application/problem+json");

        assertThat(http.get("/api/auth/me", token).status()).isEqualTo(200);
    }

    @Test
    void revokedPersonalTokenStopsWorking() {
        String admin = unique("token-admin");
        asAdmin();
        users.createUser(new NewUser(admin, admin, null, EnumSet.of(Role.ADMIN), MEMBER_PASSWORD));
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        admin, null, List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
        TestTotp.enrolCurrentUser(users, clock);
        var issued = users.createPersonalToken(unique("script"), Duration.ofDays(1));
        SecurityContextHolder.clearContext();
        assertThat(http.get("/api/audit", issued.value()).status()).isEqualTo(200);

        asAdmin();
        users.revokeToken(issued.token().getId());
        SecurityContextHolder.clearContext();

        assertThat(http.get("/api/audit", issued.value()).status()).isEqualTo(401);
    }

    @Test
    void expiredSessionTokenIsRejected() {
        String token = http.token(ADMIN, ADMIN_PASSWORD);
        assertThat(http.get("/api/auth/me", token).status()).isEqualTo(200);

        clock.advance(Duration.ofHours(9));

        assertThat(http.get("/api/auth/me", token).status()).isEqualTo(401);
    }

    @Test
    void tokensOfDisabledUsersStopWorking() {
        String member = createMember();
        String token = http.token(member, MEMBER_PASSWORD);
        asAdmin();
        users.setEnabled(users.findByUsername(member).orElseThrow().getId(), false);
        SecurityContextHolder.clearContext();

        assertThat(http.get("/api/auth/me", token).status()).isEqualTo(401);
    }

    @Test
    void publicHealthNeedsNoToken() {
        var health = http.get("/actuator/health", null);
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void apiDocumentationIsForSignedInAdmins() {
        // The docs belong to the UI's session chain: anonymous browsers are sent to the login page.
        for (String path : List.of("/api/docs/openapi.json", "/api/docs", "/api/swagger-ui/index.html")) {
            var anonymous = http.get(path, null);
            assertThat(anonymous.status()).as(path).isEqualTo(302);
            assertThat(anonymous.header("Location")).as(path).endsWith("/login");
        }

        assertThat(http.submitLoginForm(ADMIN, ADMIN_PASSWORD).status()).isEqualTo(302);
        var docs = http.get("/api/docs/openapi.json", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("info").get("title").asString()).isEqualTo("Kontor API");
        assertThat(docs.json().get("paths").has("/api/auth/token")).isTrue();
        assertThat(docs.json().get("paths").has("/api/audit")).isTrue();
        assertThat(http.get("/api/swagger-ui/index.html", null).status()).isEqualTo(200);
    }

    private String createMember() {
        asAdmin();
        String username = unique("member");
        users.createUser(new NewUser(username, "Member", null, EnumSet.of(Role.MEMBER), MEMBER_PASSWORD));
        SecurityContextHolder.clearContext();
        return username;
    }

    private static void asAdmin() {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        ADMIN, null, List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
    }
}
