package de.kontor.kiosk.ui;

import de.kontor.kiosk.KioskModel.Kiosk;
import de.kontor.kiosk.KioskModel.KioskDraft;
import de.kontor.kiosk.KioskModel.Privacy;
import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** The kiosk form on its own: validation while typing, the draft it hands over, cancel. */
class KioskFormTest {

    final Kiosk stored = new Kiosk(
            3,
            "Werkstatt",
            "Eingang",
            Privacy.FIRST_NAMES,
            "Heute bis 22 Uhr",
            LocalTime.of(7, 0),
            LocalTime.of(23, 0),
            "AbCdEf",
            true,
            null,
            null,
            null,
            5);

    @Test
    void aNewKioskNeedsANameAndAShortEnoughAnnouncement() {
        KioskForm form = new KioskForm(null);
        assertThat(form.save.isEnabled()).isFalse();
        assertThat(form.privacy.getValue()).isEqualTo(Privacy.NONE);
        form.name.setValue("Labor");
        assertThat(form.save.isEnabled()).isTrue();
        form.announcement.setValue("x".repeat(501));
        assertThat(form.announcement.isInvalid()).isTrue();
        assertThat(form.save.isEnabled()).isFalse();
        form.announcement.setValue("Offen");
        form.name.setValue("");
        assertThat(form.name.isInvalid()).isTrue();
        assertThat(form.save.isEnabled()).isFalse();
    }

    @Test
    void saveHandsOverTheDraftWithEveryField() {
        KioskForm form = new KioskForm(null);
        List<KioskDraft> saved = new ArrayList<>();
        form.addSaveListener(e -> saved.add(e.data()));
        form.name.setValue("Labor");
        form.location.setValue("Flur");
        form.privacy.setValue(Privacy.FIRST_NAMES);
        form.from.setValue(LocalTime.of(8, 0));
        form.until.setValue(LocalTime.of(1, 0));
        form.announcement.setValue("Freitag offene Werkstatt");
        form.save.click();
        assertThat(saved)
                .containsExactly(new KioskDraft(
                        "Labor",
                        "Flur",
                        Privacy.FIRST_NAMES,
                        "Freitag offene Werkstatt",
                        LocalTime.of(8, 0),
                        LocalTime.of(1, 0)));
    }

    @Test
    void anExistingKioskIsShownAndSavesOnlyAfterAChange() {
        KioskForm form = new KioskForm(stored);
        assertThat(form.name.getValue()).isEqualTo("Werkstatt");
        assertThat(form.privacy.getValue()).isEqualTo(Privacy.FIRST_NAMES);
        assertThat(form.until.getValue()).isEqualTo(LocalTime.of(23, 0));
        assertThat(form.save.isEnabled()).isFalse();
        List<KioskDraft> saved = new ArrayList<>();
        form.addSaveListener(e -> saved.add(e.data()));
        form.privacy.setValue(Privacy.NONE);
        form.save.click();
        assertThat(saved).singleElement().satisfies(d -> {
            assertThat(d.privacy()).isEqualTo(Privacy.NONE);
            assertThat(d.name()).isEqualTo("Werkstatt");
        });
    }

    @Test
    void cancelIsAnEventAndSavesNothing() {
        KioskForm form = new KioskForm(stored);
        AtomicBoolean cancelled = new AtomicBoolean();
        List<KioskDraft> saved = new ArrayList<>();
        form.addCancelListener(e -> cancelled.set(true));
        form.addSaveListener(e -> saved.add(e.data()));
        form.name.setValue("Anders");
        form.cancel.click();
        assertThat(cancelled).isTrue();
        assertThat(saved).isEmpty();
    }
}
