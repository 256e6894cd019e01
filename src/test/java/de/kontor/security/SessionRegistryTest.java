package de.kontor.security;

import de.kontor.HttpClientSupport;
import de.kontor.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The session registry over real HTTP: browsers that signed in with the login form and API tokens are
 * listed with user, address, browser and node; ending one signs its browser out at its next request.
 */
class SessionRegistryTest extends IntegrationTest {

    private static final String PASSWORD = "Session-Registry-Pw-7";

    @Autowired
    UserService users;

    @AfterEach
    void cleanUp() {
        SecurityContextHolder.clearContext();
    }

    private String newUser(Role role) {
        String name = unique("sess");
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        ADMIN, null, List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
        users.createUser(new NewUser(name, "Session " + name, null, EnumSet.of(role), PASSWORD));
        SecurityContextHolder.clearContext();
        return name;
    }

    /** A browser signed in with the login form, having opened the start page once. */
    private HttpClientSupport browser(String username) {
        var browser = new HttpClientSupport(baseUrl());
        var login = browser.submitLoginForm(username, PASSWORD);
        assertThat(login.header("Location")).doesNotContain("login");
        assertThat(browser.get("/", null).status()).isEqualTo(200);
        return browser;
    }

    private static boolean signedIn(HttpClientSupport browser) {
        return browser.get("/", null).status() == 200;
    }

    private static List<JsonNode> items(HttpClientSupport.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        response.json().get("items").forEach(items::add);
        return items;
    }

    @Test
    void signedInBrowsersAndTokensAreListedWithWhoWhereAndWhich() {
        String name = newUser(Role.MEMBER);
        browser(name);
        var api = new HttpClientSupport(baseUrl());
        String token = api.token(name, PASSWORD);
        String admin = api.token(ADMIN, ADMIN_PASSWORD);

        List<JsonNode> listed = items(api.get("/api/admin/sessions?user=" + name, admin));

        assertThat(listed).hasSize(2);
        assertThat(listed).extracting(s -> s.get("kind").asString()).containsExactlyInAnyOrder("UI", "API");
        for (JsonNode session : listed) {
            assertThat(session.get("username").asString()).isEqualTo(name);
            assertThat(session.get("address").asString()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
            assertThat(session.get("browser").asString()).startsWith("Java-http-client");
            assertThat(session.get("node").asString()).isEqualTo(users.nodeName());
            assertThat(session.get("startedAt").isNull()).isFalse();
            assertThat(session.get("lastSeenAt").isNull()).isFalse();
        }
        // the user sees their own, the token asking marked as current
        List<JsonNode> mine = items(api.get("/api/me/sessions", token));
        assertThat(mine).hasSize(2);
        assertThat(mine)
                .filteredOn(s -> s.get("current").asBoolean())
                .singleElement()
                .satisfies(s -> assertThat(s.get("kind").asString()).isEqualTo("API"));
        // a kind outside UI/API is a field error, as problem+json
        var bad = api.get("/api/admin/sessions?kind=SMOKE", admin);
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).contains("problem+json");
    }

    @Test
    void endingABrowserSessionSignsItsNextRequestOut() {
        String name = newUser(Role.MEMBER);
        HttpClientSupport browser = browser(name);
        HttpClientSupport other = browser(name);
        var api = new HttpClientSupport(baseUrl());
        String admin = api.token(ADMIN, ADMIN_PASSWORD);
        List<JsonNode> listed = items(api.get("/api/admin/sessions?kind=UI&user=" + name, admin));
        assertThat(listed).hasSize(2);
        long id = listed.getFirst().get("id").asLong();

        var ended = api.delete("/api/admin/sessions/" + id, admin);

        assertThat(ended.status()).as(ended.body()).isEqualTo(204);
        // exactly one of the two browsers is signed out, and the login page says why
        await().atMost(Duration.ofSeconds(10)).until(() -> !signedIn(browser) || !signedIn(other));
        HttpClientSupport out = signedIn(browser) ? other : browser;
        assertThat(out.get("/", null).header("Location")).endsWith("/login");
        assertThat(signedIn(browser) || signedIn(other)).isTrue();
        assertThat(items(api.get("/api/admin/sessions?kind=UI&user=" + name, admin)))
                .extracting(s -> s.get("id").asLong())
                .doesNotContain(id);
        // unknown: 404 problem
        var unknown = api.delete("/api/admin/sessions/999999999", admin);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asString()).isEqualTo("SESSION_NOT_FOUND");
    }

    @Test
    void theEndedBrowsersFirstRequestIsSentToTheLoginPageThatSaysWhy() {
        String name = newUser(Role.MEMBER);
        HttpClientSupport browser = browser(name);
        var api = new HttpClientSupport(baseUrl());
        String admin = api.token(ADMIN, ADMIN_PASSWORD);
        long id = items(api.get("/api/admin/sessions?kind=UI&user=" + name, admin))
                .getFirst()
                .get("id")
                .asLong();

        api.delete("/api/admin/sessions/" + id, admin);

        var next = browser.get("/account", null);
        assertThat(next.status()).isEqualTo(302);
        assertThat(next.header("Location")).endsWith("/login?ended");
        assertThat(browser.get("/account", null).header("Location")).endsWith("/login");
    }

    @Test
    void endingAnApiTokenSessionRevokesTheToken() {
        String name = newUser(Role.MEMBER);
        var api = new HttpClientSupport(baseUrl());
        String token = api.token(name, PASSWORD);
        String admin = api.token(ADMIN, ADMIN_PASSWORD);
        assertThat(api.get("/api/auth/me", token).status()).isEqualTo(200);
        long id = items(api.get("/api/admin/sessions?kind=API&user=" + name, admin))
                .getFirst()
                .get("id")
                .asLong();

        assertThat(api.delete("/api/admin/sessions/" + id, admin).status()).isEqualTo(204);

        var refused = api.get("/api/auth/me", token);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().get("code").asString()).isEqualTo("INVALID_TOKEN");
    }

    @Test
    void disablingAUserEndsTheirBrowserSessionsAtOnce() {
        String name = newUser(Role.MEMBER);
        HttpClientSupport browser = browser(name);
        var api = new HttpClientSupport(baseUrl());
        String admin = api.token(ADMIN, ADMIN_PASSWORD);
        long userId = users.findByUsername(name).orElseThrow().getId();

        var disabled = api.postJson("/api/admin/users/" + userId + "/disable", null, admin);

        assertThat(disabled.status()).as(disabled.body()).isEqualTo(200);
        var next = browser.get("/", null);
        assertThat(next.status()).isEqualTo(302);
        assertThat(next.header("Location")).endsWith("/login?ended");
        assertThat(items(api.get("/api/admin/sessions?user=" + name, admin))).isEmpty();
    }

    @Test
    void signingOutTheOthersKeepsThisSessionAndNamedTokens() {
        String name = newUser(Role.VIEWER);
        HttpClientSupport elsewhere = browser(name);
        var api = new HttpClientSupport(baseUrl());
        String other = api.token(name, PASSWORD);
        String mine = api.token(name, PASSWORD);

        var result = api.postJson("/api/me/sessions/end-others", null, mine);

        assertThat(result.status()).as(result.body()).isEqualTo(200);
        assertThat(result.json().get("ended").asInt()).isEqualTo(2);
        assertThat(elsewhere.get("/", null).header("Location")).endsWith("/login?ended");
        assertThat(api.get("/api/auth/me", other).status()).isEqualTo(401);
        assertThat(api.get("/api/auth/me", mine).status()).isEqualTo(200);
        assertThat(items(api.get("/api/me/sessions", mine))).hasSize(1);
    }

    @Test
    void othersCannotEndSomeoneElsesSessionAndViewersOnlyRead() {
        String owner = newUser(Role.MEMBER);
        browser(owner);
        var api = new HttpClientSupport(baseUrl());
        String admin = api.token(ADMIN, ADMIN_PASSWORD);
        long id = items(api.get("/api/admin/sessions?user=" + owner, admin))
                .getFirst()
                .get("id")
                .asLong();
        String member = api.token(newUser(Role.MEMBER), PASSWORD);
        String viewer = api.token(newUser(Role.VIEWER), PASSWORD);

        assertThat(api.delete("/api/me/sessions/" + id, member).status()).isEqualTo(404);
        assertThat(api.get("/api/admin/sessions", member).status()).isEqualTo(403);
        assertThat(api.get("/api/admin/sessions", viewer).status()).isEqualTo(200);
        var refused = api.delete("/api/admin/sessions/" + id, viewer);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).contains("problem+json");
        assertThat(items(api.get("/api/admin/sessions?user=" + owner, admin))).hasSize(1);
    }
}
