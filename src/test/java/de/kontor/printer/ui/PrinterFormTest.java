package de.kontor.printer.ui;

import de.kontor.printer.PrinterModel.Printer;
import de.kontor.printer.PrinterModel.PrinterDraft;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/** The printer form on its own: validation while typing, the drafts it hands over, test and cancel. */
class PrinterFormTest {

    final Printer stored = new Printer(
            7,
            "Prusa MK4",
            "MK4",
            "Regal 2",
            "192.168.1.50",
            80,
            "werkstatt@example.org",
            true,
            12,
            4,
            true,
            "Düse 0.6",
            true,
            140.0,
            0.5,
            3.2,
            null,
            0,
            null,
            null,
            3);

    @Test
    void aNewPrinterNeedsANameAndAValidPlugAddressBeforeItCanBeSaved() {
        PrinterForm form = new PrinterForm(null);
        assertThat(form.save.isEnabled()).isFalse();
        assertThat(form.port.getValue()).isEqualTo(80);

        form.name.setValue("Voron 2.4");
        form.host.setValue("not a host!");
        assertThat(form.host.isInvalid()).isTrue();
        assertThat(form.save.isEnabled()).isFalse();

        form.host.setValue("10.0.0.7");
        assertThat(form.host.isInvalid()).isFalse();
        assertThat(form.save.isEnabled()).isTrue();

        form.port.setValue(70_000);
        assertThat(form.port.isInvalid()).isTrue();
        assertThat(form.save.isEnabled()).isFalse();
        form.port.setValue(8080);

        form.idle.setValue(-1.0);
        assertThat(form.idle.isInvalid()).isTrue();
        form.idle.setValue(15.0);
        form.name.setValue(" ");
        assertThat(form.name.isInvalid()).isTrue();
        assertThat(form.save.isEnabled()).isFalse();
    }

    @Test
    void saveHandsOverTheDraftWithEveryField() {
        PrinterForm form = new PrinterForm(null);
        List<PrinterDraft> saved = new ArrayList<>();
        form.addSaveListener(e -> saved.add(e.data()));
        form.name.setValue("Bambu X1C");
        form.model.setValue("X1C");
        form.location.setValue("Labor");
        form.host.setValue("tapo-x1c.local");
        form.port.setValue(8080);
        form.username.setValue("werkstatt@example.org");
        form.password.setValue("Tapo-Pw-1");
        form.idle.setValue(8.5);
        form.warmup.setValue(10);
        form.active.setValue(false);
        form.notes.setValue("Gehäuse");
        form.save.click();

        assertThat(saved)
                .containsExactly(new PrinterDraft(
                        "Bambu X1C",
                        "X1C",
                        "Labor",
                        "tapo-x1c.local",
                        8080,
                        "werkstatt@example.org",
                        "Tapo-Pw-1",
                        8.5,
                        10,
                        false,
                        "Gehäuse"));
    }

    @Test
    void anExistingPrinterIsShownWithoutItsPasswordAndSavesOnlyAfterAChange() {
        PrinterForm form = new PrinterForm(stored);
        assertThat(form.name.getValue()).isEqualTo("Prusa MK4");
        assertThat(form.host.getValue()).isEqualTo("192.168.1.50");
        assertThat(form.username.getValue()).isEqualTo("werkstatt@example.org");
        assertThat(form.password.getValue()).isEmpty();
        assertThat(form.password.getPlaceholder()).isNotEmpty();
        assertThat(form.warmup.getValue()).isEqualTo(4);
        assertThat(form.save.isEnabled()).as("nothing changed yet").isFalse();

        List<PrinterDraft> saved = new ArrayList<>();
        form.addSaveListener(e -> saved.add(e.data()));
        form.location.setValue("Regal 3");
        form.save.click();
        assertThat(saved).singleElement().satisfies(d -> {
            assertThat(d.location()).isEqualTo("Regal 3");
            assertThat(d.plugPassword()).as("empty: the stored one is kept").isNullOrEmpty();
        });
    }

    @Test
    void testConnectionHandsOverWhatTheFormHoldsEvenUnsavedAndShowsTheAnswer() {
        PrinterForm form = new PrinterForm(stored);
        List<PrinterDraft> tested = new ArrayList<>();
        form.addTestListener(e -> tested.add(e.draft()));
        form.host.setValue("192.168.1.51");
        form.test.click();
        assertThat(tested)
                .singleElement()
                .satisfies(d -> assertThat(d.plugHost()).isEqualTo("192.168.1.51"));

        form.showTest("AUTH_FAILED: wrong password", false);
        assertThat(form.testResult.getText()).isEqualTo("AUTH_FAILED: wrong password");
    }

    @Test
    void cancelIsAnEventAndSavesNothing() {
        PrinterForm form = new PrinterForm(stored);
        AtomicBoolean cancelled = new AtomicBoolean();
        List<PrinterDraft> saved = new ArrayList<>();
        form.addCancelListener(e -> cancelled.set(true));
        form.addSaveListener(e -> saved.add(e.data()));
        form.name.setValue("Changed");
        form.cancel.click();
        assertThat(cancelled).isTrue();
        assertThat(saved).isEmpty();
    }
}
