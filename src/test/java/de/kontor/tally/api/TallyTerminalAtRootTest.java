package de.kontor.tally.api;

import com.zaxxer.hikari.HikariDataSource;
import de.kontor.Application;
import de.kontor.IntegrationTest;
import de.kontor.TestDataDir;
import de.kontor.access.AccessService;
import de.kontor.security.Role;
import de.kontor.tally.TallyModel.Scope;
import de.kontor.tally.TallyProperties;
import de.kontor.tally.TallyService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;

import javax.sql.DataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The terminal API at "/" too ({@code kontor.tally.api.at-root=true}): a second Kontor node on the shared
 * database, started with the setting switched on (the shared test context runs with the default, off; see
 * {@code TallyTerminalApiTest} for that).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TallyTerminalAtRootTest extends IntegrationTest {

    @Autowired
    TallyService tally;

    @Autowired
    DataSource dataSource;

    private ConfigurableApplicationContext node;
    private int nodePort;

    @BeforeAll
    void startNodeServingAtRoot() {
        HikariDataSource shared = (HikariDataSource) dataSource;
        // each context installs its own global security context strategy; the shared one must stay
        SecurityContextHolderStrategy strategy = SecurityContextHolder.getContextHolderStrategy();
        try {
            node = new SpringApplicationBuilder(Application.class)
                    .profiles("test")
                    .run(
                            "--server.port=0",
                            "--kontor.data-dir=" + TestDataDir.shared(),
                            "--spring.datasource.url=" + shared.getJdbcUrl(),
                            "--spring.datasource.username=" + shared.getUsername(),
                            "--spring.datasource.password=" + shared.getPassword(),
                            // Quartz keeps data sources in a JVM-wide registry by scheduler name: with the
                            // shared context's name, closing this node would close the shared one's too
                            "--spring.quartz.properties.org.quartz.scheduler.instanceName=kontor-at-root-test",
                            "--kontor.tally.api.at-root=true");
        } finally {
            SecurityContextHolder.setContextHolderStrategy(strategy);
        }
        nodePort = ((WebServerApplicationContext) node).getWebServer().getPort();
    }

    @AfterAll
    void stopNode() {
        if (node != null) {
            node.close();
        }
    }

    private HttpResponse<String> get(String path, String key, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + nodePort + path));
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
        assertThat(node.getBean(TallyProperties.class).api().atRoot()).isTrue();
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
        assertThat(get("/api/tally/health", null, null).body())
                .as("still under the base path")
                .isEqualTo("{\"message\":\"Healthcheck OK!\"}");
    }

    @Test
    void aBlockedAddressIsRefusedAtTheRootPathsToo() throws Exception {
        String key = tally.generateKey(tally.createApiUser(unique("Blocked terminal")), Scope.BOOK)
                .value();
        AccessService access = node.getBean(AccessService.class);
        List<String> blocks = new ArrayList<>();
        asAdmin();
        try {
            blocks.add(access.block("127.0.0.0/8", clock.instant().plus(Duration.ofDays(1)), null, null)
                    .id());
            blocks.add(access.block("::1", null, null, null).id());
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> get("/health-protected", key, null).statusCode() == 403);
            assertThat(get("/health-protected", key, null).body()).contains("ADDRESS_BLOCKED");
            assertThat(get("/api/tally/health-protected", key, null).statusCode())
                    .isEqualTo(403);
        } finally {
            asAdmin();
            blocks.forEach(access::unblock);
            SecurityContextHolder.clearContext();
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> get("/health-protected", key, null).statusCode() == 200);
    }

    private static void asAdmin() {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        ADMIN, null, List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
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
