package de.kontor.license.api;

import de.kontor.HttpClientSupport;
import de.kontor.IntegrationTest;
import de.kontor.customer.CustomerService;
import de.kontor.license.License;
import de.kontor.license.LicenseEnums.Channel;
import de.kontor.license.LicenseEnums.LicenseType;
import de.kontor.license.LicenseEnums.MatchRule;
import de.kontor.license.LicenseFixture;
import de.kontor.license.LicenseService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static de.kontor.license.LicenseFixture.fingerprint;
import static de.kontor.license.LicenseFixture.machine;
import static org.assertj.core.api.Assertions.assertThat;

/** The license client API over HTTP: every endpoint and every error code. */
class LicenseClientApiTest extends IntegrationTest {

    @Autowired
    LicenseService licenses;

    @Autowired
    CustomerService customers;

    LicenseFixture f;

    @BeforeEach
    void fixture() {
        f = new LicenseFixture(licenses, customers, baseUrl(), MatchRule.TWO_OF_THREE, clock);
    }

    private static void assertError(HttpClientSupport.Response r, int status, String code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.contentType()).startsWith("application/json");
        assertThat(r.json().get("code").asString()).isEqualTo(code);
        assertThat(r.json().get("message").asString()).isNotBlank();
    }

    @Test
    void activationReturnsALeaseAndTheSameMachineGetsItsActivationBack() {
        License license = f.license(2);

        var first = f.post("/api/license/activate", f.body(license.getKey(), machine(1), "2.1.0"));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        JsonNode body = first.json();
        assertThat(body.get("existingActivation").asBoolean()).isFalse();
        assertThat(body.get("activationsUsed").asInt()).isEqualTo(1);
        assertThat(body.get("maxActivations").asInt()).isEqualTo(2);
        assertThat(body.get("features").get(0).asString()).isEqualTo("export");
        assertThat(body.get("lease").asString().split("\\.")).hasSize(3);

        // Same machine with a changed network card (two of three still match) and the key typed loosely.
        var again = f.post(
                "/api/license/activate",
                f.body(
                        license.getKey().toLowerCase().replace("-", " "),
                        fingerprint("aa:bb:cc:dd:ee:ff", "CPU-1", "00000000-0000-0000-0000-000000000001"),
                        "2.1.0"));
        assertThat(again.json().get("activationId").asLong())
                .isEqualTo(body.get("activationId").asLong());
        assertThat(again.json().get("existingActivation").asBoolean()).isTrue();
        assertThat(again.json().get("activationsUsed").asInt()).isEqualTo(1);
    }

    @Test
    void moreMachinesThanAllowedAreRefusedWith409() {
        License license = f.license(2);
        assertThat(f.post("/api/license/activate", f.body(license.getKey(), machine(1), "2.0.0"))
                        .status())
                .isEqualTo(200);
        assertThat(f.post("/api/license/activate", f.body(license.getKey(), machine(2), "2.0.0"))
                        .status())
                .isEqualTo(200);

        assertError(
                f.post("/api/license/activate", f.body(license.getKey(), machine(3), "2.0.0")),
                409,
                "ACTIVATION_LIMIT_REACHED");
    }

    @Test
    void deactivationFreesTheSlot() {
        License license = f.license(1);
        f.post("/api/license/activate", f.body(license.getKey(), machine(1), "2.0.0"));
        assertError(
                f.post("/api/license/activate", f.body(license.getKey(), machine(2), "2.0.0")),
                409,
                "ACTIVATION_LIMIT_REACHED");

        var off = f.post("/api/license/deactivate", Map.of("licenseKey", license.getKey(), "fingerprint", machine(1)));
        assertThat(off.status()).isEqualTo(200);
        assertThat(off.json().get("activationsUsed").asInt()).isZero();

        assertThat(f.post("/api/license/activate", f.body(license.getKey(), machine(2), "2.0.0"))
                        .status())
                .isEqualTo(200);
        assertError(
                f.post("/api/license/deactivate", Map.of("licenseKey", license.getKey(), "fingerprint", machine(9))),
                404,
                "ACTIVATION_NOT_FOUND");
    }

    @Test
    void licenseStatesAreErrorsWhenActivating() {
        License suspended = f.license(1);
        licenses.suspend(List.of(suspended.getId()));
        License revoked = f.license(1);
        licenses.revoke(List.of(revoked.getId()));
        License expired = f.license(
                LicenseType.SUBSCRIPTION, f.today().minusYears(1), f.today().minusDays(2), 1, Set.of(), Map.of());
        License future = f.license(
                LicenseType.SUBSCRIPTION, f.today().plusDays(10), f.today().plusYears(1), 1, Set.of(), Map.of());
        License fine = f.license(1);

        assertError(
                f.post("/api/license/activate", f.body(suspended.getKey(), machine(1), "2.0.0")),
                403,
                "LICENSE_SUSPENDED");
        assertError(
                f.post("/api/license/activate", f.body(revoked.getKey(), machine(1), "2.0.0")), 403, "LICENSE_REVOKED");
        assertError(
                f.post("/api/license/activate", f.body(expired.getKey(), machine(1), "2.0.0")), 403, "LICENSE_EXPIRED");
        assertError(
                f.post("/api/license/activate", f.body(future.getKey(), machine(1), "2.0.0")),
                403,
                "LICENSE_NOT_YET_VALID");
        assertError(
                f.post("/api/license/activate", f.body(fine.getKey(), machine(1), "1.9.9")),
                403,
                "VERSION_NOT_SUPPORTED");
    }

    @Test
    void requestProblemsAreClearErrors() {
        License license = f.license(1);
        assertError(
                f.post("/api/license/activate", f.body("KNTR-2222-3333-4444", machine(1), "2.0.0")),
                404,
                "LICENSE_NOT_FOUND");
        assertError(
                f.post("/api/license/activate", f.body("not a key", machine(1), "2.0.0")), 404, "LICENSE_NOT_FOUND");
        assertError(f.post("/api/license/activate", Map.of("licenseKey", license.getKey())), 400, "INVALID_REQUEST");
        assertError(
                f.post("/api/license/activate", f.body(license.getKey(), machine(1), "two point oh")),
                400,
                "INVALID_REQUEST");
        assertError(f.post("/api/license/activate", "{not json"), 400, "INVALID_REQUEST");
        assertError(f.post("/api/license/activate", Map.of("fingerprint", machine(1))), 400, "INVALID_REQUEST");

        // A license of another product is not found with this product's key.
        LicenseFixture other = new LicenseFixture(licenses, customers, baseUrl(), MatchRule.ANY, clock);
        License foreign = other.license(1);
        assertError(
                f.post("/api/license/activate", f.body(foreign.getKey(), machine(1), "2.0.0")),
                404,
                "LICENSE_NOT_FOUND");
    }

    @Test
    void theClientKeyIsRequiredAndRevocable() {
        License license = f.license(1);
        assertError(
                f.post("/api/license/verify", f.body(license.getKey(), machine(1), "2.0.0"), null),
                401,
                "INVALID_API_KEY");
        assertError(
                f.post("/api/license/verify", f.body(license.getKey(), machine(1), "2.0.0"), "kcl_wrong"),
                401,
                "INVALID_API_KEY");

        var issued = licenses.createClientKey(f.product.getId(), "short-lived");
        assertThat(f.post("/api/license/activate", f.body(license.getKey(), machine(1), "2.0.0"), issued.value())
                        .status())
                .isEqualTo(200);
        licenses.revokeClientKey(issued.key().getId());
        clock.advance(Duration.ofSeconds(31)); // valid keys are remembered for 30 s

        assertError(
                f.post("/api/license/verify", f.body(license.getKey(), machine(1), "2.0.0"), issued.value()),
                401,
                "INVALID_API_KEY");
    }

    @Test
    void verifyAnswersValidOrWhyNot() {
        License license = f.license(1);
        f.post("/api/license/activate", f.body(license.getKey(), machine(1), "2.0.0"));

        var ok = f.post("/api/license/verify", f.body(license.getKey(), machine(1), "2.0.0"));
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("valid").asBoolean()).isTrue();
        assertThat(ok.json().get("reason").isNull()).isTrue();
        assertThat(ok.json().get("limits").get("users").asLong()).isEqualTo(10);
        assertThat(ok.json().get("nextHeartbeatSeconds").asLong()).isEqualTo(900);
        assertThat(ok.json().get("lease").asString()).isNotBlank();

        var otherMachine = f.post("/api/license/verify", f.body(license.getKey(), machine(2), "2.0.0"));
        assertThat(otherMachine.status()).isEqualTo(200);
        assertThat(otherMachine.json().get("valid").asBoolean()).isFalse();
        assertThat(otherMachine.json().get("reason").asString()).isEqualTo("FINGERPRINT_MISMATCH");
        assertThat(otherMachine.json().get("lease").isNull()).isTrue();

        var oldVersion = f.post("/api/license/verify", f.body(license.getKey(), machine(1), "1.0.0"));
        assertThat(oldVersion.json().get("reason").asString()).isEqualTo("VERSION_NOT_SUPPORTED");

        licenses.suspend(List.of(license.getId()));
        assertThat(f.post("/api/license/verify", f.body(license.getKey(), machine(1), "2.0.0"))
                        .json()
                        .get("reason")
                        .asString())
                .isEqualTo("LICENSE_SUSPENDED");
        licenses.reactivate(List.of(license.getId()));
        licenses.revoke(List.of(license.getId()));
        assertThat(f.post("/api/license/verify", f.body(license.getKey(), machine(1), "2.0.0"))
                        .json()
                        .get("reason")
                        .asString())
                .isEqualTo("LICENSE_REVOKED");

        assertError(
                f.post("/api/license/verify", f.body("KNTR-2222-3333-4445", machine(1), "2.0.0")),
                404,
                "LICENSE_NOT_FOUND");
    }

    @Test
    void verifyOfAnExpiredLicenseSaysSo() {
        License license = f.license(
                LicenseType.SUBSCRIPTION, f.today().minusDays(1), f.today().plusDays(3), 1, Set.of(), Map.of());
        f.post("/api/license/activate", f.body(license.getKey(), machine(1), "2.0.0"));
        clock.advance(Duration.ofDays(5));

        var expired = f.post("/api/license/verify", f.body(license.getKey(), machine(1), "2.0.0"));
        assertThat(expired.json().get("valid").asBoolean()).isFalse();
        assertThat(expired.json().get("reason").asString()).isEqualTo("LICENSE_EXPIRED");
    }

    @Test
    void matchRulesDecideWhatCountsAsTheSameMachine() {
        LicenseFixture any = new LicenseFixture(licenses, customers, baseUrl(), MatchRule.ANY, clock);
        LicenseFixture all = new LicenseFixture(licenses, customers, baseUrl(), MatchRule.ALL, clock);
        License anyLicense = any.license(1);
        License allLicense = all.license(1);
        License twoLicense = f.license(1);
        any.post("/api/license/activate", any.body(anyLicense.getKey(), machine(1), "2.0.0"));
        all.post("/api/license/activate", all.body(allLicense.getKey(), machine(1), "2.0.0"));
        f.post("/api/license/activate", f.body(twoLicense.getKey(), machine(1), "2.0.0"));
        var onlyCpuSame = fingerprint("02:00:00:00:00:77", "CPU-1", "99999999-0000-0000-0000-000000000000");
        var twoSame = fingerprint("02:00:00:00:00:77", "CPU-1", "00000000-0000-0000-0000-000000000001");

        assertThat(any.post("/api/license/verify", any.body(anyLicense.getKey(), onlyCpuSame, "2.0.0"))
                        .json()
                        .get("valid")
                        .asBoolean())
                .isTrue();
        assertThat(f.post("/api/license/verify", f.body(twoLicense.getKey(), onlyCpuSame, "2.0.0"))
                        .json()
                        .get("valid")
                        .asBoolean())
                .isFalse();
        assertThat(f.post("/api/license/verify", f.body(twoLicense.getKey(), twoSame, "2.0.0"))
                        .json()
                        .get("valid")
                        .asBoolean())
                .isTrue();
        assertThat(all.post("/api/license/verify", all.body(allLicense.getKey(), twoSame, "2.0.0"))
                        .json()
                        .get("valid")
                        .asBoolean())
                .isFalse();
        assertThat(all.post("/api/license/verify", all.body(allLicense.getKey(), machine(1), "2.0.0"))
                        .json()
                        .get("valid")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void heartbeatsReportStatusIntervalAndUsageLimits() {
        License license = f.license(1);
        long activation = f.post("/api/license/activate", f.body(license.getKey(), machine(1), "2.0.0"))
                .json()
                .get("activationId")
                .asLong();

        var beat = f.post(
                "/api/license/heartbeat",
                Map.of(
                        "licenseKey",
                        license.getKey(),
                        "activationId",
                        activation,
                        "appVersion",
                        "2.1.0",
                        "usage",
                        Map.of("users", 4)));
        assertThat(beat.status()).isEqualTo(200);
        assertThat(beat.json().get("valid").asBoolean()).isTrue();
        assertThat(beat.json().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(beat.json().get("nextHeartbeatSeconds").asLong()).isEqualTo(900);

        var over = f.post(
                "/api/license/heartbeat",
                Map.of("licenseKey", license.getKey(), "activationId", activation, "usage", Map.of("users", 11)));
        assertThat(over.json().get("valid").asBoolean()).isFalse();
        assertThat(over.json().get("reason").asString()).isEqualTo("USAGE_LIMIT_EXCEEDED");
        assertThat(over.json().get("exceededLimits").get("users").asLong()).isEqualTo(10);
        assertThat(licenses.heartbeatHistory(license.getId(), 1))
                .singleElement()
                .satisfies(d -> assertThat(d.heartbeats()).isEqualTo(2));

        assertError(
                f.post("/api/license/heartbeat", Map.of("licenseKey", license.getKey(), "activationId", 999999999)),
                404,
                "ACTIVATION_NOT_FOUND");
        assertError(f.post("/api/license/heartbeat", Map.of("licenseKey", license.getKey())), 400, "INVALID_REQUEST");
        assertError(
                f.post(
                        "/api/license/heartbeat",
                        Map.of(
                                "licenseKey",
                                license.getKey(),
                                "activationId",
                                activation,
                                "usage",
                                Map.of("users", -1))),
                400,
                "INVALID_REQUEST");
    }

    @Test
    void infoTellsTermsAndUsedActivations() {
        License license = f.license(3);
        f.post("/api/license/activate", f.body(license.getKey(), machine(1), "2.0.0"));

        var info = f.get("/api/license/info/" + license.getKey(), f.apiKey);
        assertThat(info.status()).isEqualTo(200);
        assertThat(info.json().get("product").asString()).isEqualTo(f.product.getCode());
        assertThat(info.json().get("activationsUsed").asInt()).isEqualTo(1);
        assertThat(info.json().get("maxActivations").asInt()).isEqualTo(3);
        assertThat(info.json().get("status").asString()).isEqualTo("ACTIVE");
        assertError(f.get("/api/license/info/KNTR-2222-3333-4446", f.apiKey), 404, "LICENSE_NOT_FOUND");
    }

    @Test
    void versionCheckTellsAboutUpdates() {
        licenses.addRelease(
                f.product.getId(), "2.0.0", Channel.STABLE, f.today().minusDays(30), null, null);
        licenses.addRelease(
                f.product.getId(),
                "2.10.0",
                Channel.STABLE,
                f.today().minusDays(3),
                "Faster",
                "https://example.org/2.10.0");
        licenses.addRelease(f.product.getId(), "3.0.0-beta.1", Channel.BETA, f.today(), null, null);

        var old = f.post("/api/version/check", Map.of("product", f.product.getCode(), "version", "1.9.0"));
        assertThat(old.status()).isEqualTo(200);
        assertThat(old.json().get("latestVersion").asString()).isEqualTo("2.10.0");
        assertThat(old.json().get("updateAvailable").asBoolean()).isTrue();
        assertThat(old.json().get("updateRequired").asBoolean()).isTrue();
        assertThat(old.json().get("downloadUrl").asString()).isEqualTo("https://example.org/2.10.0");

        var current = f.post("/api/version/check", Map.of("version", "2.10.0"));
        assertThat(current.json().get("updateAvailable").asBoolean()).isFalse();
        assertThat(current.json().get("updateRequired").asBoolean()).isFalse();

        assertThat(f.get("/api/version/latest?product=" + f.product.getCode(), f.apiKey)
                        .json()
                        .get("latestVersion")
                        .asString())
                .isEqualTo("2.10.0");
        assertThat(f.get("/api/version/latest?channel=beta", f.apiKey)
                        .json()
                        .get("latestVersion")
                        .asString())
                .isEqualTo("3.0.0-beta.1");
        assertError(f.post("/api/version/check", Map.of("version", "x")), 400, "INVALID_REQUEST");
        assertError(
                f.post("/api/version/check", Map.of("product", "OTHER", "version", "1.0.0")), 404, "PRODUCT_NOT_FOUND");
    }

    @Test
    void the101stRequestForOneLicenseKeyInAMinuteIsRateLimited() {
        License license = f.license(1);
        var body = f.body(license.getKey(), machine(1), "2.0.0");
        for (int i = 0; i < 100; i++) {
            var r = f.post("/api/license/verify", body);
            assertThat(r.status()).as("request %d", i + 1).isEqualTo(200);
            assertThat(r.header("X-RateLimit-Limit")).isNotNull();
        }

        var limited = f.post("/api/license/verify", body);

        assertError(limited, 429, "RATE_LIMITED");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(limited.header("X-RateLimit-Remaining")).isEqualTo("0");
        assertThat(limited.json().get("retryAfterSeconds").asLong()).isPositive();
        // Other licenses are not affected.
        assertThat(f.post("/api/license/verify", f.body(f.license(1).getKey(), machine(1), "2.0.0"))
                        .status())
                .isEqualTo(200);
    }
}
