package de.kontor.license;

import de.kontor.HttpClientSupport;
import de.kontor.IntegrationTest;
import de.kontor.customer.CustomerService;
import de.kontor.license.LicenseEnums.ActivationState;
import de.kontor.license.LicenseEnums.MatchRule;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static de.kontor.license.LicenseFixture.machine;
import static org.assertj.core.api.Assertions.assertThat;

/** Concurrency, leases, inactivity, transfers and heartbeat partitions. */
class LicenseServerTest extends IntegrationTest {

    @Autowired
    LicenseService licenses;

    @Autowired
    CustomerService customers;

    @Autowired
    JdbcTemplate jdbc;

    LicenseFixture f;

    @BeforeEach
    void fixture() {
        f = new LicenseFixture(licenses, customers, baseUrl(), MatchRule.TWO_OF_THREE, clock);
    }

    @Test
    void twentyConcurrentActivationsOnALicenseForFiveGiveExactlyFive() throws Exception {
        License license = f.license(5);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int machine = 100 + i;
            calls.add(() -> f.post("/api/license/activate", f.body(license.getKey(), machine(machine), "2.0.0"))
                    .status());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> result : pool.invokeAll(calls)) {
            statuses.add(result.get());
        }
        pool.shutdown();

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(5);
        assertThat(statuses).filteredOn(s -> s == 409).hasSize(15);
        assertThat(licenses.activations(license.getId()))
                .filteredOn(Activation::holdsSlot)
                .hasSize(5);
    }

    @Test
    void leasesVerifyWithThePublicKeyAndFailWhenOneByteChanges() throws Exception {
        License license = f.license(1);
        JsonNode activated = f.post("/api/license/activate", f.body(license.getKey(), machine(1), "2.0.0"))
                .json();
        String lease = activated.get("lease").asString();
        JsonNode key = f.get("/api/license/public-key", null).json();
        assertThat(key.get("algorithm").asString()).isEqualTo("Ed25519");
        String pem = key.get("publicKeyPem").asString();
        PublicKey publicKey = KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(
                        Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""))));

        assertThat(verify(lease, publicKey)).isTrue();

        String[] parts = lease.split("\\.");
        byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
        JsonNode claims = HttpClientSupport.JSON.readTree(payload);
        assertThat(claims.get("sub").asString()).isEqualTo(license.getKey());
        assertThat(claims.get("act").asLong())
                .isEqualTo(activated.get("activationId").asLong());
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong())
                .isEqualTo(Duration.ofDays(7).toSeconds());
        assertThat(claims.get("fp").get("rule").asString()).isEqualTo("TWO_OF_THREE");
        assertThat(claims.get("fp").get("mac").asString()).isEqualTo(Fingerprint.hash("02:00:00:00:00:01"));
        JsonNode header = HttpClientSupport.JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        assertThat(header.get("alg").asString()).isEqualTo("EdDSA");
        assertThat(header.get("kid").asString()).isEqualTo(key.get("keyId").asString());

        payload[payload.length / 2] ^= 1;
        String tampered =
                parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload) + "." + parts[2];
        assertThat(verify(tampered, publicKey)).isFalse();
        byte[] signature = Base64.getUrlDecoder().decode(parts[2]);
        signature[0] ^= 1;
        assertThat(verify(
                        parts[0] + "." + parts[1] + "."
                                + Base64.getUrlEncoder().withoutPadding().encodeToString(signature),
                        publicKey))
                .isFalse();
    }

    @Test
    void aLeaseIsReusedForTheSameTermsWithinFiveMinutesAndSignedAnewWhenTermsChangeOrTimePasses() {
        License license = f.license(1);
        f.post("/api/license/activate", f.body(license.getKey(), machine(1), "2.0.0"));
        String first = verifiedLease(license);

        clock.advance(Duration.ofMinutes(2));
        assertThat(verifiedLease(license))
                .as("same activation and terms, 2 minutes later")
                .isEqualTo(first);

        License current = licenses.license(license.getId());
        LicenseTerms terms = new LicenseTerms(
                current.getType(),
                current.getValidFrom(),
                current.getValidUntil(),
                current.getMaxActivations(),
                Set.of("export", "cloud-sync"),
                current.getLimits(),
                null);
        licenses.updateTerms(license.getId(), current.getVersion(), terms);
        String afterChange = verifiedLease(license);
        assertThat(afterChange).isNotEqualTo(first);
        assertThat(claims(afterChange).get("features").toString()).contains("cloud-sync");

        clock.advance(Duration.ofMinutes(5));
        long before = clock.instant().getEpochSecond();
        String later = verifiedLease(license);
        assertThat(later).isNotEqualTo(afterChange);
        assertThat(claims(later).get("iat").asLong())
                .isBetween(before, clock.instant().getEpochSecond());
    }

    @Test
    void changesOnThisNodeApplyAtOnceAndChangesFromAnotherNodeWithinTheSnapshotTtl() {
        License license = f.license(2);
        long activation = f.post("/api/license/activate", f.body(license.getKey(), machine(1), "2.0.0"))
                .json()
                .get("activationId")
                .asLong();
        assertThat(verdict(license)).isEqualTo("valid");

        licenses.suspend(List.of(license.getId()));
        assertThat(verdict(license)).isEqualTo("LICENSE_SUSPENDED");
        licenses.reactivate(List.of(license.getId()));
        assertThat(verdict(license)).isEqualTo("valid");
        licenses.deactivate(activation);
        assertThat(verdict(license)).isEqualTo("FINGERPRINT_MISMATCH");

        f.post("/api/license/activate", f.body(license.getKey(), machine(1), "2.0.0"));
        assertThat(verdict(license)).isEqualTo("valid");
        // Another node revokes the license: this node's snapshot answers until it expires (30 s in tests too).
        jdbc.update("update license set status = 'REVOKED' where id = ?", license.getId());
        assertThat(verdict(license)).isEqualTo("valid");
        clock.advance(Duration.ofSeconds(31));
        assertThat(verdict(license)).isEqualTo("LICENSE_REVOKED");
    }

    private String verdict(License license) {
        JsonNode answer = f.post("/api/license/verify", f.body(license.getKey(), machine(1), "2.0.0"))
                .json();
        return answer.get("valid").asBoolean() ? "valid" : answer.get("reason").asString();
    }

    private String verifiedLease(License license) {
        JsonNode answer = f.post("/api/license/verify", f.body(license.getKey(), machine(1), "2.0.0"))
                .json();
        assertThat(answer.get("valid").asBoolean()).isTrue();
        return answer.get("lease").asString();
    }

    private static JsonNode claims(String lease) {
        return HttpClientSupport.JSON.readTree(Base64.getUrlDecoder().decode(lease.split("\\.")[1]));
    }

    private static boolean verify(String jws, PublicKey key) throws Exception {
        int lastDot = jws.lastIndexOf('.');
        Signature signature = Signature.getInstance("Ed25519");
        signature.initVerify(key);
        signature.update(jws.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII));
        try {
            return signature.verify(Base64.getUrlDecoder().decode(jws.substring(lastDot + 1)));
        } catch (SignatureException malformed) {
            return false;
        }
    }

    @Test
    void devicesWithoutHeartbeatsForThreeIntervalsBecomeInactiveAndAHeartbeatRevivesThem() {
        License license = f.license(1);
        long activation = f.post("/api/license/activate", f.body(license.getKey(), machine(1), "2.0.0"))
                .json()
                .get("activationId")
                .asLong();

        clock.advance(Duration.ofMinutes(44));
        licenses.markInactiveActivations();
        assertThat(state(license)).isEqualTo(ActivationState.ACTIVE);

        clock.advance(Duration.ofMinutes(2));
        licenses.markInactiveActivations();
        assertThat(state(license)).isEqualTo(ActivationState.INACTIVE);
        assertThat(licenses.activations(license.getId()).getFirst().holdsSlot()).isTrue();

        var beat = f.post("/api/license/heartbeat", Map.of("licenseKey", license.getKey(), "activationId", activation));
        assertThat(beat.json().get("valid").asBoolean()).isTrue();
        assertThat(state(license)).isEqualTo(ActivationState.ACTIVE);
    }

    private ActivationState state(License license) {
        return licenses.activations(license.getId()).getFirst().getState();
    }

    @Test
    void aTransferredSlotIsTakenOverByTheNextNewMachine() {
        License license = f.license(1);
        f.post("/api/license/activate", f.body(license.getKey(), machine(1), "2.0.0"));
        Activation old = licenses.activations(license.getId()).getFirst();

        licenses.transfer(old.getId());

        assertThat(f.post("/api/license/verify", f.body(license.getKey(), machine(1), "2.0.0"))
                        .json()
                        .get("reason")
                        .asString())
                .isEqualTo("FINGERPRINT_MISMATCH");
        var replacement = f.post("/api/license/activate", f.body(license.getKey(), machine(2), "2.0.0"));
        assertThat(replacement.status()).isEqualTo(200);
        assertThat(replacement.json().get("activationId").asLong()).isEqualTo(old.getId());
        Activation slot = licenses.activations(license.getId()).getFirst();
        assertThat(slot.getTransferCount()).isEqualTo(1);
        assertThat(slot.getMac()).isEqualTo("02:00:00:00:00:02");
        assertThat(f.post("/api/license/activate", f.body(license.getKey(), machine(3), "2.0.0"))
                        .status())
                .isEqualTo(409);
    }

    @Test
    void aHeartbeatLateInTheUtcDayCountsForTodayWhateverTheDisplayZone() {
        // 23:30 UTC is already tomorrow in Berlin; heartbeat days are UTC days, so today's must show
        Instant now = clock.instant();
        Instant lateEvening =
                now.atZone(ZoneOffset.UTC).toLocalDate().atTime(23, 30).toInstant(ZoneOffset.UTC);
        clock.advance(
                Duration.between(now, lateEvening.isAfter(now) ? lateEvening : lateEvening.plus(Duration.ofDays(1))));
        License license = f.license(1);
        long activation = f.post("/api/license/activate", f.body(license.getKey(), machine(1), "2.0.0"))
                .json()
                .get("activationId")
                .asLong();
        f.post("/api/license/heartbeat", Map.of("licenseKey", license.getKey(), "activationId", activation));

        assertThat(licenses.heartbeatHistory(license.getId(), 1))
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.day()).isEqualTo(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
                    assertThat(d.heartbeats()).isEqualTo(1);
                });
    }

    @Test
    void heartbeatPartitionsAreKeptAheadAndOldMonthsAreRolledUpAndDropped() {
        License license = f.license(1);
        long activation = f.post("/api/license/activate", f.body(license.getKey(), machine(1), "2.0.0"))
                .json()
                .get("activationId")
                .asLong();
        licenses.maintainHeartbeatPartitions();
        YearMonth now = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
        assertThat(partitions()).contains(name(now), name(now.plusMonths(3)), "pmax");

        // Heartbeats of this month, with usage...
        for (int i = 0; i < 3; i++) {
            f.post(
                    "/api/license/heartbeat",
                    Map.of(
                            "licenseKey",
                            license.getKey(),
                            "activationId",
                            activation,
                            "usage",
                            Map.of("users", 3 + i)));
        }
        Instant sent = clock.instant();
        // ...are older than the retention five months later: rolled up, and their month is gone.
        clock.advance(Duration.ofDays(155));
        licenses.maintainHeartbeatPartitions();

        assertThat(partitions()).doesNotContain(name(now)).contains(name(now.plusMonths(8)));
        assertThat(jdbc.queryForObject(
                        "select count(*) from license_heartbeat where license_id = ?", Integer.class, license.getId()))
                .isZero();
        var day = LocalDate.ofInstant(sent, ZoneOffset.UTC);
        assertThat(jdbc.queryForObject(
                        "select heartbeats from license_usage_daily where license_id = ? and day = ? "
                                + "and counter = '*'",
                        Integer.class,
                        license.getId(),
                        day))
                .isEqualTo(3);
        assertThat(jdbc.queryForObject(
                        "select max_value from license_usage_daily where license_id = ? and day = ? "
                                + "and counter = 'users'",
                        Long.class,
                        license.getId(),
                        day))
                .isEqualTo(5);
        assertThat(licenses.heartbeatHistory(license.getId(), 200)).anySatisfy(d -> {
            assertThat(d.day()).isEqualTo(day);
            assertThat(d.heartbeats()).isEqualTo(3);
        });
    }

    private List<String> partitions() {
        return jdbc.queryForList(
                "select partition_name from information_schema.partitions where table_schema = database() "
                        + "and table_name = 'license_heartbeat' order by partition_ordinal_position",
                String.class);
    }

    private static String name(YearMonth month) {
        return String.format("p%04d%02d", month.getYear(), month.getMonthValue());
    }
}
