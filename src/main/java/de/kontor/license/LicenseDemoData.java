package de.kontor.license;

import de.kontor.base.demo.DemoContext;
import de.kontor.base.demo.DemoData;
import de.kontor.customer.Customer;
import de.kontor.customer.CustomerQuery;
import de.kontor.customer.CustomerService;
import de.kontor.license.LicenseEnums.Channel;
import de.kontor.license.LicenseEnums.LicenseType;
import de.kontor.license.LicenseEnums.MatchRule;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Two products with releases, licenses for some demo customers, their machines and a month of heartbeats. */
@Component
class LicenseDemoData implements DemoData {

    private final LicenseService licenses;
    private final CustomerService customers;
    private final ActivationRepository activations;
    private final HeartbeatStore heartbeats;
    private final Clock clock;
    private final ZoneId zone;

    LicenseDemoData(
            LicenseService licenses,
            CustomerService customers,
            ActivationRepository activations,
            HeartbeatStore heartbeats,
            Clock clock,
            ZoneId zone) {
        this.licenses = licenses;
        this.customers = customers;
        this.activations = activations;
        this.heartbeats = heartbeats;
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public String name() {
        return "license";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public void load(DemoContext context) {
        Random r = context.random();
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        Product cad = licenses.createProduct(
                "KONTOR-CAD",
                new ProductTerms(
                        "Kontor CAD Studio", "3.0.0", MatchRule.TWO_OF_THREE, 15, 7, LicenseEnums.Backend.KEY));
        Product log = licenses.createProduct(
                "MAKERLOG",
                new ProductTerms("MakerLog Desktop", null, MatchRule.ANY, 60, 14, LicenseEnums.Backend.KEY));
        licenses.addRelease(
                cad.getId(),
                "3.0.0",
                Channel.STABLE,
                today.minusMonths(8),
                "Neue Skizzen-Engine",
                "https://downloads.example/cad/3.0.0");
        licenses.addRelease(
                cad.getId(),
                "3.2.1",
                Channel.STABLE,
                today.minusMonths(2),
                "Schnellerer Export nach STEP",
                "https://downloads.example/cad/3.2.1");
        licenses.addRelease(
                cad.getId(),
                "3.3.0-beta.1",
                Channel.BETA,
                today.minusWeeks(1),
                "Vorschau: Baugruppen",
                "https://downloads.example/cad/3.3.0-beta.1");
        licenses.addRelease(log.getId(), "1.8.0", Channel.STABLE, today.minusMonths(3), null, null);
        licenses.createClientKey(cad.getId(), "CAD Studio 3.x");
        licenses.createClientKey(log.getId(), "MakerLog");

        List<Customer> some = customers
                .find(CustomerQuery.active(null), PageRequest.of(0, 60))
                .getContent();
        Instant now = clock.instant();
        for (int i = 0; i < some.size(); i++) {
            Customer customer = some.get(i);
            Product product = i % 3 == 0 ? log : cad;
            LicenseType type =
                    i % 7 == 0 ? LicenseType.TRIAL : i % 4 == 0 ? LicenseType.PERPETUAL : LicenseType.SUBSCRIPTION;
            LocalDate from = today.minusDays(30 + r.nextInt(300));
            LocalDate until = switch (type) {
                case PERPETUAL -> null;
                case TRIAL -> today.plusDays(r.nextInt(40) - 10);
                case SUBSCRIPTION -> from.plusYears(1);
            };
            int max = type == LicenseType.TRIAL ? 1 : 1 + r.nextInt(5);
            Set<String> features = product == cad
                    ? (r.nextBoolean() ? Set.of("export-step", "render") : Set.of("export-step"))
                    : Set.of("sync");
            Map<String, Long> limits = product == cad ? Map.of("projects", 50L + r.nextInt(4) * 50L) : Map.of();
            License license = licenses.createLicense(
                    product.getId(),
                    customer.getId(),
                    new LicenseTerms(type, from, until, max, features, limits, null));
            int devices = Math.min(max, 1 + r.nextInt(3));
            for (int d = 0; d < devices; d++) {
                String host = (customer.getName().split(" ")[0] + "-pc" + (d + 1)).toLowerCase();
                Instant first = now.minus(Duration.ofDays(5 + r.nextInt(40)));
                Activation a = activations.save(new Activation(
                        license.getId(),
                        new Fingerprint(
                                String.format("02:00:%02x:%02x:%02x:%02x", i, d, r.nextInt(256), r.nextInt(256)),
                                "BFEBFBFF000906E" + d + i,
                                java.util
                                        .UUID
                                        .nameUUIDFromBytes((host + i).getBytes())
                                        .toString(),
                                host),
                        product == cad ? "3.2.1" : "1.8.0",
                        first));
                boolean quiet = r.nextInt(6) == 0;
                Instant last = quiet
                        ? now.minus(Duration.ofDays(2 + r.nextInt(5)))
                        : now.minus(Duration.ofMinutes(r.nextInt(30)));
                for (Instant t = now.minus(Duration.ofDays(30));
                        t.isBefore(last);
                        t = t.plus(Duration.ofHours(3 + r.nextInt(6)))) {
                    if (!t.isBefore(first)) {
                        heartbeats.record(
                                t,
                                license.getId(),
                                a.getId(),
                                a.getAppVersion(),
                                product == cad ? Map.of("projects", (long) (5 + r.nextInt(40))) : Map.of());
                    }
                }
                a.seen(null, last);
            }
        }
        licenses.markInactiveActivations();
    }
}
