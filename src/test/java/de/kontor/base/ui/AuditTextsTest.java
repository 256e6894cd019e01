package de.kontor.base.ui;

import de.kontor.IntegrationTest;
import de.kontor.base.audit.AuditChange;
import de.kontor.base.i18n.KontorI18NProvider;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class AuditTextsTest extends IntegrationTest {

    @Autowired
    KontorI18NProvider i18n;

    AuditTexts german() {
        return new AuditTexts(i18n, Locale.GERMAN, ZoneId.of("Europe/Berlin"));
    }

    @Test
    void actionsAreWords() {
        assertThat(german().action("CREATE")).isEqualTo("Angelegt");
        assertThat(german().action("ARCHIVE")).isEqualTo("Archiviert");
        assertThat(new AuditTexts(i18n, Locale.ENGLISH, ZoneId.of("Europe/Berlin")).action("CREATE"))
                .isEqualTo("Created");
        assertThat(german().action("SOMETHING_NEW"))
                .as("unknown actions as recorded")
                .isEqualTo("SOMETHING_NEW");
    }

    @Test
    void aCustomersHistoryReadsLikeItsForm() {
        String text = german().changes(
                        "customer",
                        List.of(
                                AuditChange.of("contactPerson", null, "Jana Vogel"),
                                AuditChange.of("archived", null, false),
                                AuditChange.of("country", "AT", "DE"),
                                AuditChange.of("postalCode", "80331", "50667")));

        assertThat(text)
                .isEqualTo("Ansprechpartner: – → Jana Vogel; Archiviert: – → Nein; Land: Österreich → Deutschland; "
                        + "PLZ: 80331 → 50667");
    }

    @Test
    void datesTimesAndStatesAreShownAsInTheForms() {
        AuditTexts texts = german();
        assertThat(texts.change("license", AuditChange.of("validUntil", "2026-12-31", "2027-06-30")))
                .isEqualTo("Gültig bis: 31.12.2026 → 30.06.2027");
        assertThat(texts.value("license", "status", "SUSPENDED")).isEqualTo("Gesperrt");
        assertThat(texts.value("security", "roles", "ADMIN, MEMBER")).isEqualTo("Admin, Mitglied");
        assertThat(texts.value("customer", "updatedAt", "2026-12-03T13:00:00Z")).isEqualTo("03.12.2026, 14:00");
        assertThat(texts.value("tally", "bookingAmount", "-1.5")).isEqualTo("-1,5");
    }
}
