package de.kontor.security.api;

import de.kontor.HttpClientSupport;
import de.kontor.IntegrationTest;
import de.kontor.TestTotp;
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
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** User accounts over REST, with the Users view's rules, as problem+json on errors. */
class UserAdminApiTest extends IntegrationTest {

    private static final String PASSWORD = "Rest-User-Passw0rd-5";

    @Autowired
    UserService users;

    HttpClientSupport http;
    String admin;

    @BeforeEach
    void setUp() {
        http = new HttpClientSupport(baseUrl());
        admin = http.token(ADMIN, ADMIN_PASSWORD);
    }

    @AfterEach
    void cleanUp() {
        SecurityContextHolder.clearContext();
        forgetLoginFailures();
    }

    @Test
    void createReadChangeDisableAndEnableAUser() {
        String name = unique("rest-user");
        var created = http.postJson(
                "/api/admin/users",
                Map.of(
                        "username",
                        name,
                        "displayName",
                        "Rest User",
                        "email",
                        name + "@example.org",
                        "password",
                        PASSWORD,
                        "roles",
                        List.of("MEMBER")),
                admin);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode user = created.json().get("user");
        long id = user.get("id").asLong();
        assertThat(created.header("Location")).endsWith("/api/admin/users/" + id);
        assertThat(created.json().get("generatedPassword").isNull()).isTrue();
        assertThat(http.token(name, PASSWORD)).startsWith("kt_");

        var list = http.get("/api/admin/users?q=" + name, admin);
        assertThat(list.json().get("items")).hasSize(1);
        assertThat(list.json().get("items").get(0).get("username").asString()).isEqualTo(name);

        var changed = http.putJson(
                "/api/admin/users/" + id,
                Map.of(
                        "displayName", "Rest Viewer",
                        "roles", List.of("VIEWER"),
                        "version", user.get("version").asLong()),
                admin);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("roles").get(0).asString()).isEqualTo("VIEWER");
        var stale = http.putJson(
                "/api/admin/users/" + id,
                Map.of(
                        "displayName",
                        "Late",
                        "roles",
                        List.of("MEMBER"),
                        "version",
                        user.get("version").asLong()),
                admin);
        assertThat(stale.status()).isEqualTo(409);

        String memberToken = http.token(name, PASSWORD);
        var disabled = http.postJson("/api/admin/users/" + id + "/disable", Map.of(), admin);
        assertThat(disabled.json().get("enabled").asBoolean()).isFalse();
        assertThat(http.get("/api/auth/me", memberToken).status()).isEqualTo(401);
        assertThat(http.postJson("/api/auth/token", Map.of("username", name, "password", PASSWORD), null)
                        .status())
                .isEqualTo(401);

        var enabled = http.postJson("/api/admin/users/" + id + "/enable", Map.of(), admin);
        assertThat(enabled.json().get("enabled").asBoolean()).isTrue();
        assertThat(http.get("/api/admin/users/" + id, admin)
                        .json()
                        .get("displayName")
                        .asString())
                .isEqualTo("Rest Viewer");
    }

    @Test
    void withoutAPasswordOneIsGeneratedAndShownOnce() {
        var created = http.postJson(
                "/api/admin/users",
                Map.of("username", unique("gen"), "displayName", "Gen", "roles", List.of("MEMBER")),
                admin);

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("generatedPassword").asString()).hasSize(16);
        assertThat(created.json().get("user").get("mustChangePassword").asBoolean())
                .isTrue();
    }

    @Test
    void theUsersViewsRulesAnswerAsProblemJson() {
        String name = unique("rules");
        var weak = http.postJson(
                "/api/admin/users",
                Map.of("username", name, "displayName", "Weak", "password", "short", "roles", List.of("MEMBER")),
                admin);
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.contentType()).startsWith("application/problem+json");
        assertThat(weak.json().get("errors").get(0).get("field").asString()).isEqualTo("password");

        var mixed = http.postJson(
                "/api/admin/users",
                Map.of("username", name, "displayName", "Mixed", "roles", List.of("VIEWER", "ADMIN")),
                admin);
        assertThat(mixed.json().get("code").asString()).isEqualTo("VIEWER_ALONE");

        var noRoles = http.postJson(
                "/api/admin/users", Map.of("username", name, "displayName", "None", "roles", List.of()), admin);
        assertThat(noRoles.status()).isEqualTo(400);

        http.postJson(
                "/api/admin/users",
                Map.of("username", name, "displayName", "First", "roles", List.of("MEMBER")),
                admin);
        var taken = http.postJson(
                "/api/admin/users",
                Map.of("username", name, "displayName", "Second", "roles", List.of("MEMBER")),
                admin);
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("code").asString()).isEqualTo("USERNAME_TAKEN");

        var missing = http.get("/api/admin/users/987654321", admin);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().get("code").asString()).isEqualTo("USER_NOT_FOUND");
    }

    @Test
    void resettingTwoFactorSignInNeedsATokenObtainedWithACode() {
        String member = createAndEnrol(Role.MEMBER);
        String helpdesk = unique("helpdesk");
        actAs(ADMIN, Role.ADMIN);
        users.createUser(new NewUser(helpdesk, helpdesk, null, EnumSet.of(Role.ADMIN), PASSWORD));
        actAs(helpdesk, Role.ADMIN);
        String secret = TestTotp.enrolCurrentUser(users, clock);
        SecurityContextHolder.clearContext();
        long memberId = users.findByUsername(member).orElseThrow().getId();

        var withPasswordOnly = http.delete("/api/admin/users/" + memberId + "/totp", admin);
        assertThat(withPasswordOnly.status()).isEqualTo(403);
        assertThat(withPasswordOnly.json().get("code").asString()).isEqualTo("STEP_UP_REQUIRED");
        assertThat(users.findByUsername(member).orElseThrow().hasTwoFactor()).isTrue();

        var confirmed = http.postJson(
                "/api/auth/token",
                Map.of("username", helpdesk, "password", PASSWORD, "totp", TestTotp.next(secret, clock)),
                null);
        String token = confirmed.json().get("token").asString();
        assertThat(http.delete("/api/admin/users/" + memberId + "/totp", token).status())
                .isEqualTo(204);
        assertThat(users.findByUsername(member).orElseThrow().hasTwoFactor()).isFalse();

        clock.advance(Duration.ofMinutes(11));
        assertThat(http.delete("/api/admin/users/" + memberId + "/totp", token)
                        .json()
                        .get("code")
                        .asString())
                .isEqualTo("STEP_UP_REQUIRED");
    }

    @Test
    void viewersReadUsersButChangeNothingAndMembersSeeNothing() {
        String viewer = unique("rest-viewer");
        String member = unique("rest-member");
        actAs(ADMIN, Role.ADMIN);
        users.createUser(new NewUser(viewer, viewer, null, EnumSet.of(Role.VIEWER), PASSWORD));
        users.createUser(new NewUser(member, member, null, EnumSet.of(Role.MEMBER), PASSWORD));
        SecurityContextHolder.clearContext();
        String viewerToken = http.token(viewer, PASSWORD);
        String memberToken = http.token(member, PASSWORD);
        long memberId = users.findByUsername(member).orElseThrow().getId();

        assertThat(http.get("/api/admin/users", viewerToken).status()).isEqualTo(200);
        assertThat(http.get("/api/admin/users/" + memberId, viewerToken).status())
                .isEqualTo(200);
        assertThat(http.postJson("/api/admin/users/" + memberId + "/disable", Map.of(), viewerToken)
                        .status())
                .isEqualTo(403);
        assertThat(http.get("/api/admin/users", memberToken).status()).isEqualTo(403);
        assertThat(users.findByUsername(member).orElseThrow().isEnabled()).isTrue();
    }

    private String createAndEnrol(Role role) {
        String name = unique("rest-2fa");
        actAs(ADMIN, Role.ADMIN);
        users.createUser(new NewUser(name, name, null, EnumSet.of(role), PASSWORD));
        actAs(name, role);
        TestTotp.enrolCurrentUser(users, clock);
        SecurityContextHolder.clearContext();
        return name;
    }

    private static void actAs(String user, Role role) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        user, null, List.of(new SimpleGrantedAuthority(role.authority()))));
    }
}
