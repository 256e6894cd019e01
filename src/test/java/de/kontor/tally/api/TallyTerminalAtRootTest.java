package de.kontor.tally.api;

import de.kontor.IntegrationTest;
import de.kontor.tally.TallyModel.Scope;
import de.kontor.tally.TallyService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The terminal API at "/" too (kontor.tally.api.at-root, switched on in the test profile). */
class TallyTerminalAtRootTest extends IntegrationTest {

    @Autowired
    TallyService tally;

    private HttpResponse<String> get(String path, String key, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path));
        if (key != null) {
            b.header("X-API-Key", key);
        }
        if (accept != null) {
            b.header("Accept", accept);
        }
        return HttpClient.newHttpClient().send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theContractPathsAnswerAtTheRootWithTheSameKeyChecks() throws Exception {
        String key = tally.generateKey(tally.createApiUser(unique("Root terminal")), Scope.BOOK)
                .value();
        assertThat(get("/health", null, null).body()).isEqualTo("{\"message\":\"Healthcheck OK!\"}");
        HttpResponse<String> missing = get("/version", null, null);
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.body()).contains("API-Schlüssel fehlt!");
        assertThat(get("/health-protected", key, null).body()).contains("Authentifizierter API-Benutzer");
        HttpResponse<String> users = get("/users", key, "text/html,application/xhtml+xml");
        assertThat(users.statusCode()).isEqualTo(200);
        assertThat(users.body()).startsWith("[");
        assertThat(get("/person/0000000000", key, null).body()).contains("Person nicht gefunden.");
    }

    @Test
    void theBrowsersUserListStaysKontors() throws Exception {
        MockHttpServletRequest browser = new MockHttpServletRequest("GET", "/users");
        browser.addHeader("Accept", "text/html,application/xhtml+xml");
        assertThat(TerminalAtRoot.isTerminalPath(browser, "/users")).isFalse();
        MockHttpServletRequest terminal = new MockHttpServletRequest("GET", "/users");
        terminal.addHeader("X-API-Key", "tly_x");
        assertThat(TerminalAtRoot.isTerminalPath(terminal, "/users")).isTrue();
        assertThat(TerminalAtRoot.isTerminalPath(browser, "/customers")).isFalse();
        assertThat(TerminalAtRoot.isTerminalPath(browser, "/nfc-transaktion")).isTrue();
        HttpResponse<String> page = get("/users", null, "text/html,application/xhtml+xml");
        assertThat(page.body()).doesNotContain("API-Schlüssel");
    }
}
