package de.kontor.printer.ui;

import com.vaadin.flow.component.UI;
import de.kontor.printer.PrinterModel.Printer;
import de.kontor.printer.PrinterModel.ReservationState;
import de.kontor.printer.PrinterModel.Slot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** The booking form (prefilled, Save only with a title) and where a click in a partly taken hour books. */
class ReservationFormTest {

    final Printer printer = new Printer(
            7,
            "Prusa",
            null,
            null,
            "127.0.0.1",
            80,
            null,
            false,
            10,
            5,
            true,
            null,
            null,
            null,
            null,
            null,
            null,
            0,
            null,
            null,
            0);

    @BeforeEach
    void ui() {
        UI ui = new UI();
        ui.setLocale(Locale.ENGLISH);
        UI.setCurrent(ui);
    }

    @AfterEach
    void noUi() {
        UI.setCurrent(null);
    }

    @Test
    void theFormIsPrefilledAndSavesOnlyWithATitle() {
        LocalDateTime start = LocalDateTime.of(2030, 5, 6, 9, 0);
        ReservationForm form = new ReservationForm(List.of(printer), printer, start, 60);
        List<ReservationForm.Booking> saved = new ArrayList<>();
        form.addSaveListener(e -> saved.add(e.data()));
        assertThat(form.printer.getValue()).isEqualTo(printer);
        assertThat(form.date.getValue()).isEqualTo(start.toLocalDate());
        assertThat(form.time.getValue()).isEqualTo(start.toLocalTime());
        assertThat(form.minutes.getValue()).isEqualTo(60);
        assertThat(form.save.isEnabled()).isFalse();

        form.title.setValue("  Gear  ");
        assertThat(form.save.isEnabled()).isTrue();
        form.minutes.setValue(null);
        assertThat(form.save.isEnabled()).as("a duration is needed").isFalse();
        form.minutes.setValue(90);
        form.save.click();

        assertThat(saved).hasSize(1);
        assertThat(saved.get(0).printer()).isEqualTo(printer);
        assertThat(saved.get(0).start()).isEqualTo(start);
        assertThat(saved.get(0).minutes()).isEqualTo(90);
        assertThat(saved.get(0).title()).isEqualTo("Gear");
    }

    @Test
    void aClickInAPartlyTakenHourStartsWhenTheHourIsFree() {
        Instant hour = Instant.parse("2030-05-06T10:00:00Z");
        Instant end = hour.plusSeconds(3600);
        Instant earlier = Instant.parse("2030-05-01T00:00:00Z");
        Slot first = new Slot(
                1, 7, hour.minusSeconds(600), hour.plusSeconds(900), ReservationState.PLANNED, false, null, null);
        Slot second = new Slot(
                2, 7, hour.plusSeconds(900), hour.plusSeconds(1800), ReservationState.PLANNED, false, null, null);
        assertThat(ReservationPlanner.firstFree(hour, end, List.of(), earlier)).isEqualTo(hour);
        assertThat(ReservationPlanner.firstFree(hour, end, List.of(first, second), earlier))
                .isEqualTo(hour.plusSeconds(1800));
        assertThat(ReservationPlanner.firstFree(hour, end, List.of(), hour.plusSeconds(17 * 60)))
                .as("the hour has begun: the next quarter")
                .isEqualTo(hour.plusSeconds(30 * 60));
        Slot whole = new Slot(3, 7, hour, end, ReservationState.PLANNED, false, null, null);
        assertThat(ReservationPlanner.firstFree(hour, end, List.of(whole), earlier))
                .isNull();
        assertThat(ReservationPlanner.firstFree(hour, end, List.of(), end))
                .as("past")
                .isNull();
    }
}
