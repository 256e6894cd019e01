package de.kontor.license;

import de.kontor.HttpClientSupport;
import de.kontor.IntegrationTest;
import de.kontor.customer.CustomerService;
import de.kontor.license.LicenseEnums.Backend;
import de.kontor.license.LicenseEnums.MatchRule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static de.kontor.license.LicenseFixture.machine;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Licensing by Gitea repository access against a Gitea API emulator over real HTTP: the module API,
 * the 24-hour cache, the 7-day grace period, the command line and the client API's verify/activate.
 */
class GiteaLicensingTest extends IntegrationTest {

    static final String TOKEN = "9f8e7d6c5b4a39281706f5e4d3c2b1a098765432";
    static final String NO_ACCESS = "1111111111111111111111111111111111111111";
    static final String NO_SCOPE = "2222222222222222222222222222222222222222";

    @Autowired
    LicenseService licenses;

    @Autowired
    CustomerService customers;

    @Autowired
    ModuleCommands commands;

    @Autowired
    JdbcTemplate jdbc;

    GiteaEmulator gitea;
    HttpClientSupport http;
    String admin;
    Product product;
    String module;
    String repo;

    @BeforeEach
    void setUp() {
        gitea = new GiteaEmulator();
        http = new HttpClientSupport(baseUrl());
        admin = http.token(ADMIN, ADMIN_PASSWORD);
        String code = "G" + Long.toString(System.nanoTime(), 36).toUpperCase(Locale.ROOT);
        product = licenses.createProduct(
                code, new ProductTerms("Billing " + code, null, MatchRule.TWO_OF_THREE, 15, 7, Backend.GITEA));
        product = licenses.configureGitea(product.getId(), new GiteaSettings(gitea.baseUrl() + "/", "mycrm", null));
        module = product.moduleId();
        repo = "mycrm/mycrm-" + module + "-module";
        gitea.repository(
                        "mycrm",
                        "mycrm-" + module + "-module",
                        "Billing for myCRM. License expires: " + today().plusYears(1),
                        "feature-invoices",
                        "feature-payments",
                        "php",
                        "Feature-Reports")
                .user(TOKEN, "mmustermann", "Max Mustermann", repo)
                .user(NO_ACCESS, "erika", "Erika Musterfrau")
                .tokenWithoutRepoScope(NO_SCOPE, "bot");
    }

    @AfterEach
    void tearDown() {
        gitea.close();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Berlin"));
    }

    private HttpClientSupport.Response register(String token) {
        return http.postJson("/api/modules/" + module + "/license", Map.of("licenseKey", token), admin);
    }

    /** API tokens live 8 hours on the application's clock, which these tests move by days. */
    private void advance(Duration duration) {
        clock.advance(duration);
        admin = http.token(ADMIN, ADMIN_PASSWORD);
    }

    private JsonNode moduleFromList() {
        var response = http.get("/api/modules", admin);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode modules = response.json().get("modules");
        for (JsonNode m : modules) {
            if (m.get("identifier").asString().equals(module)) {
                return m;
            }
        }
        throw new AssertionError("module " + module + " not listed: " + modules);
    }

    @Test
    void aTokenThatCanReadTheRepositoryIsALicenseWithFeaturesFromTopicsExpiryAndOwner() {
        var response = register(TOKEN);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("license").get("source").asString()).isEqualTo("online");

        JsonNode m = moduleFromList();
        assertThat(m.get("name").asString()).isEqualTo(product.getName());
        assertThat(m.get("repository").asString()).isEqualTo(repo);
        JsonNode license = m.get("license");
        assertThat(license.get("valid").asBoolean()).isTrue();
        assertThat(license.get("licensedTo").asString()).isEqualTo("Max Mustermann");
        assertThat(license.get("expiresAt").asString()).startsWith(today().plusYears(1) + "T23:59:59");
        assertThat(license.get("message").asString()).contains("Gitea").contains(repo);
        List<String> features = new ArrayList<>();
        license.get("features").forEach(f -> features.add(f.asString()));
        assertThat(features).containsExactly("invoices", "payments", "reports");
        assertThat(license.get("source").asString()).isEqualTo("cache");
        assertThat(license.get("keyHint").asString()).isEqualTo("…5432");
        // Gitea was asked with the token, as Gitea expects it.
        assertThat(gitea.authorizations()).contains("token " + TOKEN);
    }

    @Test
    void refusedTokensAreNotStoredAndSayWhy() {
        var unknown = register("0000000000000000000000000000000000000000");
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(422);
        assertThat(unknown.json().get("code").asString()).isEqualTo("GITEA_TOKEN_INVALID");
        assertThat(unknown.json().get("detail").asString()).contains("invalid");

        var noAccess = register(NO_ACCESS);
        assertThat(noAccess.status()).isEqualTo(422);
        assertThat(noAccess.json().get("code").asString()).isEqualTo("GITEA_REPOSITORY_NOT_FOUND");
        assertThat(noAccess.json().get("detail").asString()).contains(repo);

        var noScope = register(NO_SCOPE);
        assertThat(noScope.status()).isEqualTo(422);
        assertThat(noScope.json().get("code").asString()).isEqualTo("GITEA_NO_ACCESS");

        JsonNode license = moduleFromList().get("license");
        assertThat(license.get("valid").asBoolean()).isFalse();
        assertThat(license.get("reason").asString()).isEqualTo("NO_LICENSE");
        assertThat(jdbc.queryForObject(
                        "select count(*) from license_module where product_id = ?", Integer.class, product.getId()))
                .isZero();
    }

    @Test
    void anUnknownRepositoryIsReported() {
        var configured = http.putJson(
                "/api/admin/products/" + product.getId() + "/gitea",
                Map.of("baseUrl", gitea.baseUrl(), "organization", "mycrm", "repository", "premium-{module}-suite"),
                admin);
        assertThat(configured.status()).as(configured.body()).isEqualTo(200);
        assertThat(configured.json().get("gitea").get("repository").asString()).isEqualTo("premium-{module}-suite");
        var invalid = http.putJson(
                "/api/admin/products/" + product.getId() + "/gitea",
                Map.of("baseUrl", "ftp://x", "organization", "my crm"),
                admin);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body()).contains("baseUrl").contains("organization");
        var response = register(TOKEN);
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("code").asString()).isEqualTo("GITEA_REPOSITORY_NOT_FOUND");
        assertThat(response.json().get("detail").asString()).contains("mycrm/premium-" + module + "-suite");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Billing module. expires: 2031-05-17 | 2031-05-17",
                "Valid until: 2030-01-31 (renewal via sales) | 2030-01-31",
                "LICENSE EXPIRES: 2029-12-31 | 2029-12-31",
                "License Expires:2032-02-29 | 2032-02-29",
                "valid UNTIL:   2033-07-01 | 2033-07-01",
                "No expiry here; created 2024-01-01 | ",
                "expires: 2030-13-45 | "
            })
    void expiryComesFromTheDescription(String description, String expected) {
        LocalDate parsed = GiteaLicenses.expiry(description);
        assertThat(parsed).isEqualTo(expected == null ? null : LocalDate.parse(expected));
    }

    @Test
    void anExpiryInThePastMeansNotLicensed() {
        gitea.repository("mycrm", "mycrm-" + module + "-module", "valid until: " + today().minusDays(1), "feature-x");
        var response = register(TOKEN);
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("code").asString()).isEqualTo("LICENSE_EXPIRED");
        assertThat(response.json().get("detail").asString())
                .contains(today().minusDays(1).toString());
    }

    @Test
    void aYesIsReusedFor24HoursThenGiteaIsAskedAgain() {
        assertThat(register(TOKEN).status()).isEqualTo(200);
        int asked = gitea.repoRequests();

        advance(Duration.ofHours(23));
        JsonNode cached = moduleFromList().get("license");
        assertThat(cached.get("valid").asBoolean()).isTrue();
        assertThat(cached.get("source").asString()).isEqualTo("cache");
        assertThat(gitea.repoRequests()).as("no request within 24 h").isEqualTo(asked);

        advance(Duration.ofHours(2));
        JsonNode fresh = moduleFromList().get("license");
        assertThat(fresh.get("valid").asBoolean()).isTrue();
        assertThat(fresh.get("source").asString()).isEqualTo("online");
        assertThat(gitea.repoRequests()).isEqualTo(asked + 1);

        // "Check now" asks at once.
        JsonNode online = http.get("/api/modules/" + module + "?online=true", admin)
                .json()
                .get("license");
        assertThat(online.get("source").asString()).isEqualTo("online");
        assertThat(gitea.repoRequests()).isEqualTo(asked + 2);
    }

    @Test
    void whileGiteaIsDownTheLastYesHoldsForSevenDaysThenTheLicenseEnds() {
        assertThat(register(TOKEN).status()).isEqualTo(200);
        gitea.down(true);

        advance(Duration.ofDays(3));
        JsonNode grace = moduleFromList().get("license");
        assertThat(grace.get("valid").asBoolean()).isTrue();
        assertThat(grace.get("source").asString()).isEqualTo("grace");
        assertThat(grace.get("graceUntil").isNull()).isFalse();
        assertThat(grace.get("message").asString()).contains("Offline");

        gitea.close(); // connection refused from now on: the same rule
        advance(Duration.ofDays(3).plusHours(23));
        assertThat(moduleFromList().get("license").get("source").asString()).isEqualTo("grace");

        advance(Duration.ofHours(2)); // 7 days and 1 hour after Gitea's last yes
        JsonNode ended = moduleFromList().get("license");
        assertThat(ended.get("valid").asBoolean()).isFalse();
        assertThat(ended.get("reason").asString()).isEqualTo("GITEA_UNREACHABLE");
    }

    @Test
    void aDefiniteNoEndsTheLicenseAtOnceWithoutGrace() {
        assertThat(register(TOKEN).status()).isEqualTo(200);
        gitea.revokeAccess(TOKEN, repo);
        advance(Duration.ofHours(25));

        JsonNode license = moduleFromList().get("license");
        assertThat(license.get("valid").asBoolean()).isFalse();
        assertThat(license.get("reason").asString()).isEqualTo("GITEA_REPOSITORY_NOT_FOUND");

        // and Gitea going down afterwards brings no grace back
        gitea.down(true);
        assertThat(http.get("/api/modules/" + module + "?online=true", admin)
                        .json()
                        .get("license")
                        .get("valid")
                        .asBoolean())
                .isFalse();
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void tokensAreStoredEncryptedAndNeverShownOrLogged(CapturedOutput output) {
        assertThat(register(TOKEN).status()).isEqualTo(200);
        gitea.down(true);
        http.get("/api/modules?online=true", admin); // logs that Gitea is unreachable
        assertThat(output.getAll()).contains("Gitea not reachable").doesNotContain(TOKEN);
        String stored = jdbc.queryForObject(
                "select secret_enc from license_module where product_id = ?", String.class, product.getId());
        assertThat(stored).startsWith("v1:").doesNotContain(TOKEN);
        assertThat(jdbc.queryForList(
                        "select token_hash from license_gitea_check where product_id = ?",
                        String.class,
                        product.getId()))
                .doesNotContain(TOKEN)
                .allMatch(h -> h.length() == 64);
        assertThat(http.get("/api/modules", admin).body()).doesNotContain(TOKEN);
        assertThat(jdbc.queryForObject(
                        "select count(*) from audit_log where summary like ? or details like ?",
                        Integer.class,
                        "%" + TOKEN + "%",
                        "%" + TOKEN + "%"))
                .isZero();
    }

    @Test
    void revokingRemovesTheLicenseAndErrorsAreClear() {
        assertThat(register(TOKEN).status()).isEqualTo(200);
        assertThat(http.delete("/api/modules/" + module + "/license", admin).status())
                .isEqualTo(204);
        assertThat(moduleFromList().get("license").get("valid").asBoolean()).isFalse();

        var again = http.delete("/api/modules/" + module + "/license", admin);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().get("code").asString()).isEqualTo("MODULE_LICENSE_NOT_FOUND");
        var unknown = http.postJson("/api/modules/no-such-module/license", Map.of("licenseKey", TOKEN), admin);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("code").asString()).isEqualTo("MODULE_NOT_FOUND");
        var blank = http.postJson("/api/modules/" + module + "/license", Map.of("licenseKey", " "), admin);
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().get("code").asString()).isEqualTo("INVALID_REQUEST");
        assertThat(http.get("/api/modules", null).status()).isEqualTo(401);
    }

    @Test
    void aKontorKeyLicensesAModuleToo() {
        LicenseFixture keyed = new LicenseFixture(licenses, customers, baseUrl(), MatchRule.ANY, clock);
        License license = keyed.license(1);
        String keyModule = keyed.product.moduleId();
        var response = http.postJson(
                "/api/modules/" + keyModule + "/license",
                Map.of("licenseKey", license.getKey().toLowerCase(Locale.ROOT)),
                admin);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode l = response.json().get("license");
        assertThat(l.get("valid").asBoolean()).isTrue();
        assertThat(l.get("licensedTo").asString()).isEqualTo(keyed.customer.getName());
        assertThat(l.get("features").get(0).asString()).isEqualTo("export");

        licenses.suspend(List.of(license.getId()));
        JsonNode suspended = http.get("/api/modules/" + keyModule, admin).json().get("license");
        assertThat(suspended.get("valid").asBoolean()).isFalse();
        assertThat(suspended.get("reason").asString()).isEqualTo("LICENSE_SUSPENDED");

        var notAKey = http.postJson("/api/modules/" + keyModule + "/license", Map.of("licenseKey", TOKEN), admin);
        assertThat(notAKey.status()).isEqualTo(422);
    }

    // ---- command line ---------------------------------------------------------------------------------

    private record Run(int exit, String out, String err) {}

    private Run cli(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = commands.run(
                List.of(args),
                new BufferedReader(new StringReader(stdin)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Locale.GERMAN);
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static String row(String table, String module) {
        return table.lines()
                .filter(l -> l.startsWith("│ " + module + " "))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + module + " in\n" + table));
    }

    @Test
    void theCommandLineListsRegistersAndRevokes() {
        Run before = cli("", "list");
        assertThat(before.exit()).isZero();
        assertThat(before.out())
                .startsWith("┌")
                .contains("│ Modul ")
                .contains("│ Status ")
                .contains("Lizenz-Info");
        assertThat(row(before.out(), module)).contains("✗ Inaktiv").contains("Kein Gitea Access Token");

        Run refused = cli("", "license", module, NO_ACCESS);
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("GITEA_REPOSITORY_NOT_FOUND").contains(repo);

        Run registered = cli(TOKEN + "\n", "license", module, "-");
        assertThat(registered.exit()).as(registered.err()).isZero();
        assertThat(registered.out()).contains("Lizenz für " + module + " registriert");
        assertThat(row(cli("", "list").out(), module))
                .contains("✓ Aktiv")
                .contains("Gitea Repository-Zugriff bestätigt (" + repo + ")");

        Run revoked = cli("", "revoke", module);
        assertThat(revoked.exit()).isZero();
        assertThat(row(cli("", "list").out(), module)).contains("✗ Inaktiv");

        assertThat(cli("", "revoke", module).exit()).isEqualTo(1);
        assertThat(cli("", "frobnicate").exit()).isEqualTo(2);
        assertThat(cli("", "frobnicate").err()).contains("usage: java -jar kontor.jar modules list");
    }

    // ---- client API -------------------------------------------------------------------------------------

    @Test
    void theClientApiTakesAGiteaTokenAsLicenseKeyAndAnswersWithTheUsualLease() throws Exception {
        String apiKey = licenses.createClientKey(product.getId(), "module").value();
        LicenseFixture client = new LicenseFixture(licenses, customers, baseUrl(), MatchRule.ANY, clock);

        var verify = client.post("/api/license/verify", client.body(TOKEN, machine(7), "1.0.0"), apiKey);
        assertThat(verify.status()).as(verify.body()).isEqualTo(200);
        JsonNode v = verify.json();
        assertThat(v.get("valid").asBoolean()).isTrue();
        assertThat(v.get("licenseKey").asString()).isEqualTo("gitea:…5432");
        assertThat(v.get("features").get(0).asString()).isEqualTo("invoices");
        String lease = v.get("lease").asString();
        JsonNode claims = HttpClientSupport.JSON.readTree(Base64.getUrlDecoder().decode(lease.split("\\.")[1]));
        assertThat(claims.get("src").asString()).isEqualTo("gitea");
        assertThat(claims.get("prd").asString()).isEqualTo(product.getCode());
        assertThat(claims.get("lto").asString()).isEqualTo("Max Mustermann");
        assertThat(claims.get("sub").asString()).startsWith("gitea:").doesNotContain(TOKEN);
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isBetween(6 * 86400L, 7 * 86400L);
        assertThat(verify.body()).doesNotContain(TOKEN);

        var activate = client.post("/api/license/activate", client.body(TOKEN, machine(7), "1.0.0"), apiKey);
        assertThat(activate.status()).as(activate.body()).isEqualTo(200);
        assertThat(activate.json().get("activationId").isNull()).isTrue();
        assertThat(activate.json().get("lease").asString().split("\\.")).hasSize(3);

        var refused = client.post("/api/license/verify", client.body(NO_ACCESS, machine(7), "1.0.0"), apiKey);
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.json().get("valid").asBoolean()).isFalse();
        assertThat(refused.json().get("reason").asString()).isEqualTo("GITEA_REPOSITORY_NOT_FOUND");
        assertThat(refused.json().get("lease").isNull()).isTrue();

        var refusedActivation =
                client.post("/api/license/activate", client.body(NO_ACCESS, machine(7), "1.0.0"), apiKey);
        assertThat(refusedActivation.status()).isEqualTo(403);
        assertThat(refusedActivation.json().get("code").asString()).isEqualTo("GITEA_REPOSITORY_NOT_FOUND");

        var heartbeat = client.post("/api/license/heartbeat", Map.of("licenseKey", TOKEN, "activationId", 1), apiKey);
        assertThat(heartbeat.status()).isEqualTo(400);
        assertThat(heartbeat.json().get("code").asString()).isEqualTo("GITEA_USE_VERIFY");

        // The same 24-hour cache: verifying again does not ask Gitea.
        int asked = gitea.repoRequests();
        client.post("/api/license/verify", client.body(TOKEN, machine(8), "1.0.0"), apiKey);
        assertThat(gitea.repoRequests()).isEqualTo(asked);
    }
}
