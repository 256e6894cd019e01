package de.kontor.license.api;

import de.kontor.HttpClientSupport;
import de.kontor.IntegrationTest;
import de.kontor.customer.CustomerData;
import de.kontor.customer.CustomerService;
import de.kontor.license.LicenseEnums;
import de.kontor.license.LicenseFixture;
import de.kontor.license.LicenseService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The admin license API over HTTP, as a vendor's shop would use it. */
class LicenseAdminApiTest extends IntegrationTest {

    @Autowired
    CustomerService customers;

    @Autowired
    LicenseService licenses;

    HttpClientSupport http;
    String token;
    long customerId;

    @BeforeEach
    void setUp() {
        http = new HttpClientSupport(baseUrl());
        token = http.token(ADMIN, ADMIN_PASSWORD);
        customerId = customers.create(CustomerData.named(unique("Shop-Kunde"))).getId();
    }

    private JsonNode product() {
        String code = ("P" + Long.toString(System.nanoTime(), 36)).toUpperCase();
        var created = http.postJson(
                "/api/admin/products",
                Map.of("code", code, "name", "Produkt " + code, "minSupportedVersion", "1.0.0", "matchRule", "ANY"),
                token);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    @Test
    void productsWithReleasesAndClientKeys() {
        JsonNode product = product();
        long id = product.get("id").asLong();
        assertThat(product.get("heartbeatMinutes").asInt()).isEqualTo(15);
        assertThat(product.get("graceDays").asInt()).isEqualTo(7);

        var release = http.postJson(
                "/api/admin/products/" + id + "/releases",
                Map.of("version", "1.2.0", "channel", "STABLE", "downloadUrl", "https://example.org/1.2.0"),
                token);
        assertThat(release.status()).isEqualTo(201);
        assertThat(http.postJson("/api/admin/products/" + id + "/releases", Map.of("version", "1.2.0"), token)
                        .json()
                        .get("code")
                        .asString())
                .isEqualTo("RELEASE_EXISTS");
        assertThat(http.postJson("/api/admin/products/" + id + "/releases", Map.of("version", "eins"), token)
                        .status())
                .isEqualTo(400);

        var key = http.postJson("/api/admin/products/" + id + "/client-keys", Map.of("name", "Desktop"), token);
        assertThat(key.status()).isEqualTo(201);
        String value = key.json().get("value").asString();
        assertThat(value).startsWith("kcl_");
        var listed = http.get("/api/admin/products/" + id, token).json();
        assertThat(listed.get("releases").get(0).get("version").asString()).isEqualTo("1.2.0");
        assertThat(listed.get("clientKeys").get(0).has("value")).isFalse();
        assertThat(listed.get("clientKeys").get(0).get("prefix").asString()).isEqualTo(value.substring(0, 10));

        var duplicate = http.postJson(
                "/api/admin/products", Map.of("code", product.get("code").asString(), "name", "x"), token);
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("code").asString()).isEqualTo("PRODUCT_CODE_TAKEN");
        var bad = http.postJson("/api/admin/products", Map.of("code", "no spaces please", "name", "x"), token);
        assertThat(bad.json().get("code").asString()).isEqualTo("INVALID_PRODUCT_CODE");
    }

    @Test
    void aShopCreatesABatchAndManagesTheLicenses() {
        long productId = product().get("id").asLong();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("productId", productId);
        body.put("customerId", customerId);
        body.put("count", 3);
        body.put("maxActivations", 2);
        body.put(
                "validUntil",
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)
                        .plusMonths(6)
                        .toString());
        body.put("features", List.of("pro"));
        body.put("limits", Map.of("seats", 5));

        var created = http.postJson("/api/admin/licenses", body, token);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        List<JsonNode> batch = created.json().valueStream().toList();
        assertThat(batch).hasSize(3);
        assertThat(batch)
                .extracting(l -> l.get("key").asString())
                .doesNotHaveDuplicates()
                .allMatch(k -> k.matches("KNTR-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}"));

        var list = http.get("/api/admin/licenses?customer=" + customerId + "&product=" + productId, token)
                .json();
        assertThat(list.get("total").asLong()).isEqualTo(3);
        long id = batch.getFirst().get("id").asLong();

        var suspended = http.postJson("/api/admin/licenses/" + id + "/suspend", Map.of(), token);
        assertThat(suspended.json().get("status").asString()).isEqualTo("SUSPENDED");
        assertThat(http.get("/api/admin/licenses?customer=" + customerId + "&status=suspended", token)
                        .json()
                        .get("total")
                        .asLong())
                .isEqualTo(1);
        assertThat(http.postJson("/api/admin/licenses/" + id + "/reactivate", Map.of(), token)
                        .json()
                        .get("status")
                        .asString())
                .isEqualTo("ACTIVE");

        var extended = http.postJson("/api/admin/licenses/" + id + "/extend", Map.of("days", 30), token);
        assertThat(extended.json().get("validUntil").asString())
                .isEqualTo(LocalDate.parse(batch.getFirst().get("validUntil").asString())
                        .plusDays(30)
                        .toString());

        var bulk = http.postJson(
                "/api/admin/licenses/bulk",
                Map.of(
                        "action",
                        "revoke",
                        "ids",
                        List.of(id, batch.get(1).get("id").asLong())),
                token);
        assertThat(bulk.status()).isEqualTo(200);
        assertThat(bulk.json()
                        .valueStream()
                        .map(l -> l.get("status").asString())
                        .toList())
                .containsOnly("REVOKED");
        var again = http.postJson("/api/admin/licenses/" + id + "/reactivate", Map.of(), token);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("code").asString()).isEqualTo("LICENSE_REVOKED");
    }

    @Test
    void termsChangeWithVersionAndStaleChangesConflict() {
        long productId = product().get("id").asLong();
        JsonNode license = http.postJson(
                        "/api/admin/licenses",
                        Map.of("productId", productId, "customerId", customerId, "type", "PERPETUAL"),
                        token)
                .json()
                .get(0);
        long id = license.get("id").asLong();

        var changed = http.putJson("/api/admin/licenses/" + id, Map.of("maxActivations", 4, "version", 0), token);
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("maxActivations").asInt()).isEqualTo(4);

        var stale = http.putJson("/api/admin/licenses/" + id, Map.of("maxActivations", 9, "version", 0), token);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("code").asString()).isEqualTo("CONCURRENT_CHANGE");

        var extendPerpetual = http.postJson("/api/admin/licenses/" + id + "/extend", Map.of("days", 5), token);
        assertThat(extendPerpetual.json().get("code").asString()).isEqualTo("LICENSE_UNLIMITED");
    }

    @Test
    void badLicenseRequestsNameTheField() {
        long productId = product().get("id").asLong();
        var noCustomer = http.postJson("/api/admin/licenses", Map.of("productId", productId), token);
        assertThat(noCustomer.status()).isEqualTo(400);
        assertThat(noCustomer.json().get("errors").get(0).get("field").asString())
                .isEqualTo("customerId");

        var subscriptionWithoutEnd = http.postJson(
                "/api/admin/licenses",
                Map.of("productId", productId, "customerId", customerId, "type", "SUBSCRIPTION"),
                token);
        assertThat(subscriptionWithoutEnd.json().get("code").asString()).isEqualTo("VALID_UNTIL_REQUIRED");

        var zeroMachines = http.postJson(
                "/api/admin/licenses",
                Map.of("productId", productId, "customerId", customerId, "type", "PERPETUAL", "maxActivations", 0),
                token);
        assertThat(zeroMachines.status()).isEqualTo(400);
        assertThat(zeroMachines.json().get("errors").get(0).get("field").asString())
                .isEqualTo("maxActivations");

        var archivedCustomer =
                customers.create(CustomerData.named(unique("Archiviert"))).getId();
        customers.archive(archivedCustomer);
        var forArchived = http.postJson(
                "/api/admin/licenses",
                Map.of("productId", productId, "customerId", archivedCustomer, "type", "PERPETUAL"),
                token);
        assertThat(forArchived.json().get("code").asString()).isEqualTo("CUSTOMER_ARCHIVED");
        assertThat(http.get("/api/admin/licenses?status=bogus", token).status()).isEqualTo(400);
    }

    @Test
    void activationsAreListedDeactivatedAndTransferred() {
        JsonNode product = product();
        long productId = product.get("id").asLong();
        String apiKey = http.postJson("/api/admin/products/" + productId + "/client-keys", Map.of("name", "t"), token)
                .json()
                .get("value")
                .asString();
        JsonNode license = http.postJson(
                        "/api/admin/licenses",
                        Map.of(
                                "productId",
                                productId,
                                "customerId",
                                customerId,
                                "type",
                                "PERPETUAL",
                                "maxActivations",
                                1),
                        token)
                .json()
                .get(0);
        LicenseFixture client = new LicenseFixture(licenses, customers, baseUrl(), LicenseEnums.MatchRule.ANY, clock);
        assertThat(client.post(
                                "/api/license/activate",
                                client.body(license.get("key").asString(), LicenseFixture.machine(1), "1.0.0"),
                                apiKey)
                        .status())
                .isEqualTo(200);
        long id = license.get("id").asLong();

        JsonNode devices =
                http.get("/api/admin/licenses/" + id + "/activations", token).json();
        assertThat(devices.size()).isEqualTo(1);
        long activation = devices.get(0).get("id").asLong();
        assertThat(devices.get(0).get("hostname").asString()).isEqualTo("host-01");

        var transfer = http.postJson(
                "/api/admin/licenses/" + id + "/activations/" + activation + "/transfer", Map.of(), token);
        assertThat(transfer.json().get("transferPending").asBoolean()).isTrue();
        var off = http.postJson(
                "/api/admin/licenses/" + id + "/activations/" + activation + "/deactivate", Map.of(), token);
        assertThat(off.json().get("state").asString()).isEqualTo("DEACTIVATED");
        assertThat(http.postJson("/api/admin/licenses/" + id + "/activations/999999/deactivate", Map.of(), token)
                        .status())
                .isEqualTo(404);
    }
}
