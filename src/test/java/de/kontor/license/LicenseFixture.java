package de.kontor.license;

import de.kontor.HttpClientSupport;
import de.kontor.customer.Customer;
import de.kontor.customer.CustomerData;
import de.kontor.customer.CustomerService;
import de.kontor.license.LicenseEnums.Backend;
import de.kontor.license.LicenseEnums.LicenseType;
import de.kontor.license.LicenseEnums.MatchRule;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Products, keys, customers and licenses for license tests, and calls to the client API. */
public final class LicenseFixture {

    public final LicenseService licenses;
    public final CustomerService customers;
    public final String baseUrl;
    public final Product product;
    public final String apiKey;
    public final Customer customer;

    private final Clock clock;

    /** Dates are "today" of the application's clock (which tests move forward). */
    public LicenseFixture(
            LicenseService licenses, CustomerService customers, String baseUrl, MatchRule rule, Clock clock) {
        this.clock = clock;
        this.licenses = licenses;
        this.customers = customers;
        this.baseUrl = baseUrl;
        String code = "T" + Long.toString(System.nanoTime(), 36).toUpperCase();
        this.product =
                licenses.createProduct(code, new ProductTerms("Test " + code, "2.0.0", rule, 15, 7, Backend.KEY));
        this.apiKey = licenses.createClientKey(product.getId(), "tests").value();
        this.customer = customers.create(CustomerData.named("Lizenzkunde " + code));
    }

    public License license(int maxActivations) {
        return license(
                LicenseType.SUBSCRIPTION,
                today().minusDays(1),
                today().plusYears(1),
                maxActivations,
                Set.of("export"),
                Map.of("users", 10L));
    }

    public License license(
            LicenseType type,
            LocalDate from,
            LocalDate until,
            int max,
            Set<String> features,
            Map<String, Long> limits) {
        return licenses.createLicense(
                product.getId(), customer.getId(), new LicenseTerms(type, from, until, max, features, limits, null));
    }

    public static Map<String, Object> fingerprint(String mac, String cpu, String uuid) {
        Map<String, Object> fp = new LinkedHashMap<>();
        fp.put("mac", mac);
        fp.put("cpuId", cpu);
        fp.put("systemUuid", uuid);
        fp.put("hostname", "host-" + mac.substring(mac.length() - 2));
        return fp;
    }

    public static Map<String, Object> machine(int n) {
        return fingerprint(
                String.format("02:00:00:00:00:%02x", n), "CPU-" + n, String.format("00000000-0000-0000-0000-%012d", n));
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/Berlin"));
    }

    public Map<String, Object> body(String key, Map<String, Object> fingerprint, String version) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("licenseKey", key);
        body.put("fingerprint", fingerprint);
        body.put("appVersion", version);
        return body;
    }

    public HttpClientSupport.Response post(String path, Object body) {
        return post(path, body, apiKey);
    }

    public HttpClientSupport.Response post(String path, Object body, String key) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            body instanceof String s ? s : HttpClientSupport.JSON.writeValueAsString(body)));
            if (key != null) {
                request.header("X-API-Key", key);
            }
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new HttpClientSupport.Response(response.statusCode(), response.body(), response.headers());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public HttpClientSupport.Response get(String path, String key) {
        try {
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
            if (key != null) {
                request.header("X-API-Key", key);
            }
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new HttpClientSupport.Response(response.statusCode(), response.body(), response.headers());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
}
