package de.kontor.license;

import de.kontor.IntegrationTest;
import de.kontor.customer.CustomerService;
import de.kontor.license.LicenseEnums.MatchRule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static de.kontor.license.LicenseFixture.machine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Each anomaly rule flags a license just past its threshold and not at it; flags clear when use calms down. */
class LicenseAnomaliesTest extends IntegrationTest {

    @Autowired
    LicenseService licenses;

    @Autowired
    CustomerService customers;

    @Autowired
    HeartbeatStore heartbeats;

    @Autowired
    JdbcTemplate jdbc;

    LicenseFixture f;

    @BeforeEach
    void fixture() {
        f = new LicenseFixture(licenses, customers, baseUrl(), MatchRule.TWO_OF_THREE, clock);
    }

    @Test
    void manyDevicesOnOneSeatAndThenFrequentTransfersAreFlagged() {
        License license = f.license(1);
        f.post("/api/license/activate", f.body(license.getKey(), machine(1), "2.0.0"));
        long seat = licenses.activations(license.getId()).getFirst().getId();
        licenses.transfer(seat);
        f.post("/api/license/activate", f.body(license.getKey(), machine(2), "2.0.0"));
        licenses.checkAnomalies();
        // one activation seen plus one device that took it over: 2, allowed twice the seats
        assertThat(rules(license)).isEmpty();

        for (int n = 3; n <= 4; n++) {
            licenses.transfer(seat);
            f.post("/api/license/activate", f.body(license.getKey(), machine(n), "2.0.0"));
        }
        licenses.checkAnomalies();
        assertThat(rules(license)).containsExactly(AnomalyRule.FINGERPRINTS);
        assertThat(licenses.anomalies(license.getId()).getFirst().observed()).isEqualTo(4);

        licenses.transfer(seat);
        f.post("/api/license/activate", f.body(license.getKey(), machine(5), "2.0.0"));
        licenses.checkAnomalies();
        // four transfers: more than the three allowed within the window
        assertThat(rules(license)).containsExactlyInAnyOrder(AnomalyRule.FINGERPRINTS, AnomalyRule.TRANSFERS);
    }

    @Test
    void heartbeatsFromMoreAddressesThanAllowedAreFlagged() {
        License calm = f.license(3);
        License shared = f.license(3);
        Instant now = clock.instant();
        for (int i = 1; i <= 5; i++) {
            heartbeats.record(now.minusSeconds(i * 60L), calm.getId(), 1, "2.0.0", Map.of(), "10.0.0." + i, null);
        }
        for (int i = 1; i <= 6; i++) {
            heartbeats.record(now.minusSeconds(i * 60L), shared.getId(), 1, "2.0.0", Map.of(), "10.0.1." + i, null);
        }

        licenses.checkAnomalies();

        assertThat(rules(calm)).isEmpty();
        assertThat(rules(shared)).containsExactly(AnomalyRule.ADDRESSES);
        assertThat(licenses.anomalies(shared.getId()).getFirst().observed()).isEqualTo(6);
    }

    @Test
    void aClientClockFarOffIsFlaggedAndTheHeartbeatKeepsItsAddress() {
        License off = f.license(1);
        License fine = f.license(1);
        long offSeat = activate(off, 1);
        long fineSeat = activate(fine, 2);
        Instant now = clock.instant();

        f.post(
                "/api/license/heartbeat",
                Map.of(
                        "licenseKey", off.getKey(),
                        "activationId", offSeat,
                        "clientTime", now.plus(Duration.ofHours(2)).toString()));
        f.post(
                "/api/license/heartbeat",
                Map.of(
                        "licenseKey", fine.getKey(),
                        "activationId", fineSeat,
                        "clientTime", now.minusSeconds(30).toString()));
        licenses.checkAnomalies();

        assertThat(rules(off)).containsExactly(AnomalyRule.CLOCK_SKEW);
        // the test's clock runs on between the request and the server's reading of it
        assertThat(licenses.anomalies(off.getId()).getFirst().observed()).isCloseTo(7200L, within(5L));
        assertThat(rules(fine)).isEmpty();
        assertThat(jdbc.queryForList(
                        "select client_address from license_heartbeat where license_id = ?", String.class, off.getId()))
                .containsExactly("127.0.0.1");
    }

    @Test
    void aBurstOfHeartbeatsFromOneDeviceIsFlaggedAndClearsADayLater() {
        License steady = f.license(1);
        License bursting = f.license(1);
        Instant hour = clock.instant().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(1));
        for (int i = 0; i < 120; i++) {
            heartbeats.record(hour.plusSeconds(i * 20L), steady.getId(), 7, "2.0.0", Map.of(), null, null);
        }
        for (int i = 0; i < 121; i++) {
            heartbeats.record(hour.plusSeconds(i * 20L), bursting.getId(), 8, "2.0.0", Map.of(), null, null);
        }

        licenses.checkAnomalies();

        assertThat(rules(steady)).isEmpty();
        assertThat(rules(bursting)).containsExactly(AnomalyRule.BURST);
        LicenseQuery flaggedOnly = new LicenseQuery(f.product.getId(), null, null, null, null, null, true);
        assertThat(licenses.find(flaggedOnly, PageRequest.of(0, 50)).getContent())
                .extracting(License::getId)
                .contains(bursting.getId())
                .doesNotContain(steady.getId());

        clock.advance(Duration.ofHours(26));
        licenses.checkAnomalies();
        assertThat(rules(bursting)).isEmpty();
    }

    @Test
    void theUsageCountersOfEachDayAreReadForTheChart() {
        License license = f.license(1);
        Instant now = clock.instant();
        heartbeats.record(
                now.minusSeconds(60), license.getId(), 1, "2.0.0", Map.of("users", 3L, "docs", 10L), null, null);
        heartbeats.record(now.minusSeconds(30), license.getId(), 1, "2.0.0", Map.of("users", 5L), null, null);

        var counters = licenses.usageCounters(license.getId(), 30);

        assertThat(counters).containsOnlyKeys("docs", "users");
        assertThat(counters.get("users").values()).containsExactly(5L);
        assertThat(counters.get("docs").values()).containsExactly(10L);
    }

    private long activate(License license, int machine) {
        return f.post("/api/license/activate", f.body(license.getKey(), machine(machine), "2.0.0"))
                .json()
                .get("activationId")
                .asLong();
    }

    private List<AnomalyRule> rules(License license) {
        return licenses.anomalies(license.getId()).stream()
                .map(LicenseAnomaly::rule)
                .toList();
    }
}
