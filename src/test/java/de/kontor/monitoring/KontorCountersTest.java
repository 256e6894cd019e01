package de.kontor.monitoring;

import de.kontor.HttpClientSupport;
import de.kontor.IntegrationTest;
import de.kontor.customer.CustomerService;
import de.kontor.license.License;
import de.kontor.license.LicenseEnums.MatchRule;
import de.kontor.license.LicenseFixture;
import de.kontor.license.LicenseService;
import de.kontor.printer.PrinterModel.PrintersPolled;
import de.kontor.tally.TallyModel.BookedEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Kontor's business counters reach Prometheus from the modules' events. */
class KontorCountersTest extends IntegrationTest {

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    LicenseService licenses;

    @Autowired
    CustomerService customers;

    private double scraped(String series) {
        String body = new HttpClientSupport(baseUrl())
                .get("/actuator/prometheus", "test-scrape-token")
                .body();
        Matcher m =
                Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(body);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    @Test
    void bookingsAndPlugPollsAreCounted() {
        String debits = "kontor_tally_bookings_total{direction=\"debit\"}";
        String polls = "kontor_printer_plug_polls_total";
        double debitsBefore = scraped(debits);
        double pollsBefore = scraped(polls);

        // as the modules publish them: inside the transaction that stores the change
        transactions.executeWithoutResult(t -> {
            events.publishEvent(new BookedEvent(1, 2, -150, 1000, 850));
            events.publishEvent(new BookedEvent(1, 3, -100, 850, 750));
            events.publishEvent(new PrintersPolled(4));
        });

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(scraped(debits)).isEqualTo(debitsBefore + 2);
            assertThat(scraped(polls)).isEqualTo(pollsBefore + 4);
        });
    }

    @Test
    void licenseVerificationsAreCountedByOutcome() {
        LicenseFixture f = new LicenseFixture(licenses, customers, baseUrl(), MatchRule.TWO_OF_THREE, clock);
        License license = f.license(1);
        Map<String, Object> machine = LicenseFixture.fingerprint("aa:bb:cc:dd:ee:01", "CPU-1", "uuid-1");
        String valid = "kontor_license_verifies_total{valid=\"true\"}";
        String invalid = "kontor_license_verifies_total{valid=\"false\"}";
        double validBefore = scraped(valid);
        double invalidBefore = scraped(invalid);

        assertThat(f.post("/api/license/verify", f.body(license.getKey(), machine, "2.0.0"))
                        .json()
                        .get("valid")
                        .asBoolean())
                .isFalse();
        assertThat(f.post("/api/license/activate", f.body(license.getKey(), machine, "2.0.0"))
                        .status())
                .isEqualTo(200);
        assertThat(f.post("/api/license/verify", f.body(license.getKey(), machine, "2.0.0"))
                        .json()
                        .get("valid")
                        .asBoolean())
                .isTrue();

        assertThat(scraped(invalid)).isEqualTo(invalidBefore + 1);
        assertThat(scraped(valid)).isEqualTo(validBefore + 1);
    }
}
