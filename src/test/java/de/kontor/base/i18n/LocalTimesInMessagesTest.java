package de.kontor.base.i18n;

import de.kontor.HttpClientSupport;
import de.kontor.HttpClientSupport.Response;
import de.kontor.IntegrationTest;
import de.kontor.base.error.DomainException;
import de.kontor.printer.plug.sim.P110Emulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rule that names a time (a reservation that is in the way) says it in Kontor's zone and the reader's
 * language, in the UI and in REST error bodies, not as "2026-12-03T13:00:00Z".
 */
class LocalTimesInMessagesTest extends IntegrationTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Autowired
    KontorI18NProvider i18n;

    final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void instantsInTheUisTextsAreLocalTimes() {
        Instant start = Instant.parse("2026-12-03T13:00:00Z");
        DomainException taken = DomainException.conflict(
                "SLOT_TAKEN", "printer.reservation.taken", start, start.plus(Duration.ofHours(1)));

        String german = i18n.getTranslation(taken.messageKey(), Locale.GERMAN, taken.args());
        String english = i18n.getTranslation(taken.messageKey(), Locale.ENGLISH, taken.args());

        assertThat(german).isEqualTo("Der Drucker ist von 03.12.2026, 14:00 bis 03.12.2026, 15:00 reserviert.");
        assertThat(english).contains("2:00").doesNotContain("T13:00").doesNotContain("Z ");
        assertThat(i18n.getTranslation("license.client.expired", Locale.GERMAN, LocalDate.of(2026, 12, 3)))
                .contains("03.12.2026");
    }

    @Test
    void aReservationConflictOverRestNamesTheLocalTime() {
        HttpClientSupport http = new HttpClientSupport(baseUrl());
        String admin = http.token(ADMIN, ADMIN_PASSWORD);
        try (P110Emulator plug = P110Emulator.start("times@example.org", "Plug-Pw-1", "Times", clock, threads, 9)) {
            long printerId = http.postJson(
                            "/api/printers",
                            Map.of(
                                    "name",
                                    unique("Prusa"),
                                    "plugHost",
                                    plug.host(),
                                    "plugPort",
                                    plug.port(),
                                    "plugUsername",
                                    "times@example.org",
                                    "plugPassword",
                                    "Plug-Pw-1"),
                            admin)
                    .json()
                    .get("printer")
                    .get("id")
                    .asLong();
            Instant start = clock.instant().plus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MINUTES);
            Map<String, Object> slot =
                    Map.of("printerId", printerId, "start", start.toString(), "durationMinutes", 60, "title", "Benchy");
            assertThat(http.postJson("/api/jobs", slot, admin).status()).isEqualTo(201);

            Response taken = http.postJson("/api/jobs", slot, admin);

            assertThat(taken.status()).isEqualTo(409);
            String detail = taken.json().get("detail").asString();
            String localStart = DateTimeFormatter.ofPattern("h:mm").format(start.atZone(BERLIN));
            assertThat(detail).contains(localStart).doesNotContain(start.toString());
        }
    }
}
