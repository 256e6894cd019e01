package de.kontor.license;

import de.kontor.HttpClientSupport;
import de.kontor.IntegrationTest;
import de.kontor.base.db.InjectedConflicts;
import de.kontor.customer.CustomerService;
import de.kontor.license.LicenseEnums.MatchRule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client API's writes that lose a conflict with another node's transaction (the database answers with its
 * deadlock error) are run again and answer as usual, each done once; when the conflicts do not stop, the client
 * is told to send the call again later.
 */
class LicenseConflictRetryTest extends IntegrationTest {

    @Autowired
    LicenseService licenses;

    @Autowired
    CustomerService customers;

    @Autowired
    JdbcClient jdbc;

    LicenseFixture f;

    @BeforeEach
    void setUp() {
        f = new LicenseFixture(licenses, customers, baseUrl(), MatchRule.ANY, clock);
    }

    @Test
    void activateVerifyHeartbeatAndDeactivateAreRunAgainAfterLosingAConflict() {
        License license = f.license(2);
        long id = license.getId();

        HttpClientSupport.Response activated;
        try (InjectedConflicts conflict =
                InjectedConflicts.once(jdbc, "insert", "license_activation", "NEW.license_id = " + id)) {
            activated = f.post("/api/license/activate", f.body(license.getKey(), LicenseFixture.machine(3), "2.0.0"));
            assertThat(activated.status()).as(activated.body()).isEqualTo(200);
            assertThat(conflict.attempts()).as("failed once, then stored").isEqualTo(2);
        }
        assertThat(count("select count(*) from license_activation where license_id = ?", id))
                .isOne();
        long activation = activated.json().path("activationId").asLong();

        // another version than the stored one: verify writes it to the activation
        try (InjectedConflicts conflict = InjectedConflicts.once(
                jdbc, "update", "license_activation", "NEW.license_id = " + id + " and NEW.app_version = '2.0.1'")) {
            var verified = f.post("/api/license/verify", f.body(license.getKey(), LicenseFixture.machine(3), "2.0.1"));
            assertThat(verified.status()).as(verified.body()).isEqualTo(200);
            assertThat(verified.json().path("valid").asBoolean()).isTrue();
            assertThat(conflict.attempts()).isEqualTo(2);
        }

        try (InjectedConflicts conflict =
                InjectedConflicts.once(jdbc, "insert", "license_heartbeat", "NEW.license_id = " + id)) {
            var beat = f.post(
                    "/api/license/heartbeat",
                    Map.of("licenseKey", license.getKey(), "activationId", activation, "appVersion", "2.0.1"));
            assertThat(beat.status()).as(beat.body()).isEqualTo(200);
            assertThat(beat.json().path("valid").asBoolean()).isTrue();
            assertThat(conflict.attempts()).isEqualTo(2);
        }
        assertThat(count("select count(*) from license_heartbeat where license_id = ?", id))
                .isOne();

        try (InjectedConflicts conflict = InjectedConflicts.once(
                jdbc, "update", "license_activation", "NEW.license_id = " + id + " and NEW.state <> OLD.state")) {
            var deactivated = f.post(
                    "/api/license/deactivate",
                    Map.of("licenseKey", license.getKey(), "fingerprint", LicenseFixture.machine(3)));
            assertThat(deactivated.status()).as(deactivated.body()).isEqualTo(200);
            assertThat(conflict.attempts()).isEqualTo(2);
        }
        assertThat(licenses.activations(id))
                .allSatisfy(a -> assertThat(a.getState()).isNotEqualTo(LicenseEnums.ActivationState.ACTIVE));
    }

    @Test
    void whenTheConflictsDoNotStopTheClientIsToldToSendTheCallAgainLater() {
        License license = f.license(2);
        try (InjectedConflicts conflict =
                InjectedConflicts.always(jdbc, "insert", "license_activation", "NEW.license_id = " + license.getId())) {
            var refused = f.post("/api/license/activate", f.body(license.getKey(), LicenseFixture.machine(4), "2.0.0"));

            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(refused.json().path("code").asString()).isEqualTo("CONFLICT_RETRY");
            assertThat(refused.json().path("retryAfterSeconds").asLong()).isOne();
            assertThat(refused.json().path("message").asString()).isNotBlank();
            assertThat(conflict.attempts()).as("tried more than once").isGreaterThan(1);
        }
        assertThat(count("select count(*) from license_activation where license_id = ?", license.getId()))
                .isZero();
    }

    private int count(String sql, long id) {
        return jdbc.sql(sql).param(id).query(Integer.class).single();
    }
}
