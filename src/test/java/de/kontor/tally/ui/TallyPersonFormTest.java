package de.kontor.tally.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import de.kontor.tally.PersonData;
import de.kontor.tally.TallyModel.PersonDetails;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The person form on its own: bound fields, whole-number thresholds, Save only when valid and changed. */
class TallyPersonFormTest {

    private static final PersonDetails ANNA = new PersonDetails(
            7L,
            "1000000007",
            "Anna",
            "Albers",
            "anna@example.org",
            "pays in cash",
            false,
            12L,
            true,
            false,
            true,
            5,
            null,
            false,
            70L,
            null,
            Instant.parse("2026-01-01T10:00:00Z"),
            3L);

    @SuppressWarnings("unchecked")
    private static <T> T field(TallyPersonForm form, String id, Class<T> type) {
        return form.getChildren()
                .flatMap(TallyPersonFormTest::descendants)
                .filter(c -> c.getId().equals(Optional.of(id)))
                .map(c -> (T) c)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + id));
    }

    private static Stream<Component> descendants(Component c) {
        return Stream.concat(Stream.of(c), c.getChildren().flatMap(TallyPersonFormTest::descendants));
    }

    private static Button save(TallyPersonForm form) {
        return form.getFooter()
                .getElement()
                .getChildren()
                .map(e -> e.getComponent().orElseThrow())
                .filter(c -> c.getId().equals(Optional.of("tally-save")))
                .map(Button.class::cast)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void anExistingPersonIsShownAndSavedWithTheChangedValues() {
        TallyPersonForm form = new TallyPersonForm(ANNA);
        assertThat(field(form, "tally-first", TextField.class).getValue()).isEqualTo("Anna");
        assertThat(field(form, "tally-email", EmailField.class).getValue()).isEqualTo("anna@example.org");
        assertThat(field(form, "tally-reminder", TextField.class).getValue()).isEqualTo("5");
        assertThat(field(form, "tally-responsible", TextField.class).getValue()).isEmpty();
        assertThat(field(form, "tally-notify-booking", Checkbox.class).getValue())
                .isTrue();
        assertThat(field(form, "tally-comment", TextArea.class).getValue()).isEqualTo("pays in cash");
        assertThat(save(form).isEnabled()).as("nothing changed yet").isFalse();

        List<PersonData> saved = new ArrayList<>();
        form.addSaveListener(e -> saved.add(e.data()));
        field(form, "tally-last", TextField.class).setValue("Albers-Berg");
        field(form, "tally-responsible", TextField.class).setValue("-3");
        field(form, "tally-notify-zero", Checkbox.class).setValue(true);
        assertThat(save(form).isEnabled()).isTrue();
        save(form).click();

        assertThat(saved).hasSize(1);
        PersonData data = saved.get(0);
        assertThat(data.getFirstName()).isEqualTo("Anna");
        assertThat(data.getLastName()).isEqualTo("Albers-Berg");
        assertThat(data.getReminderThreshold()).isEqualTo(5);
        assertThat(data.getResponsibleThreshold()).isEqualTo(-3);
        assertThat(data.toUpdate().notifyZero()).isTrue();
        assertThat(data.toUpdate().notifyBooking()).isTrue();
        assertThat(data.toUpdate().email()).isEqualTo("anna@example.org");
    }

    @Test
    void thresholdsMustBeWholeNumbersAndNamesAreRequired() {
        TallyPersonForm form = new TallyPersonForm(ANNA);
        List<PersonData> saved = new ArrayList<>();
        form.addSaveListener(e -> saved.add(e.data()));
        TextField reminder = field(form, "tally-reminder", TextField.class);
        for (String typed : List.of("2,5", "2.5", "1.000", "zwei", "99999999999")) {
            reminder.setValue(typed);
            assertThat(reminder.isInvalid()).as(typed).isTrue();
            assertThat(save(form).isEnabled()).as(typed).isFalse();
        }
        save(form).click();
        assertThat(saved).as("a disabled Save fires nothing").isEmpty();

        reminder.setValue("");
        assertThat(reminder.isInvalid()).isFalse();
        field(form, "tally-first", TextField.class).setValue(" ");
        assertThat(save(form).isEnabled()).isFalse();
        field(form, "tally-first", TextField.class).setValue("Anne");
        assertThat(save(form).isEnabled()).isTrue();
        save(form).click();
        assertThat(saved).hasSize(1);
        assertThat(saved.get(0).getReminderThreshold())
                .as("blank: no threshold")
                .isNull();
    }

    @Test
    void aNewPersonHasCodeAndPasswordAndCancelIsReported() {
        TallyPersonForm form = new TallyPersonForm(null);
        assertThat(form.existing()).isNull();
        field(form, "tally-code", TextField.class).setValue("12345");
        field(form, "tally-first", TextField.class).setValue("Neo");
        field(form, "tally-last", TextField.class).setValue("Neumann");
        assertThat(field(form, "tally-code", TextField.class).isInvalid()).isTrue();
        assertThat(save(form).isEnabled()).isFalse();
        field(form, "tally-code", TextField.class).setValue("");
        field(form, "tally-password", PasswordField.class).setValue("Neo-Secret-Pw-1");
        List<PersonData> saved = new ArrayList<>();
        form.addSaveListener(e -> saved.add(e.data()));
        save(form).click();
        assertThat(saved).hasSize(1);
        assertThat(saved.get(0).toNewPerson().code())
                .as("generated by the service")
                .isNull();
        assertThat(saved.get(0).toNewPerson().password()).isEqualTo("Neo-Secret-Pw-1");

        List<Object> cancelled = new ArrayList<>();
        form.addCancelListener(cancelled::add);
        form.getFooter()
                .getElement()
                .getChildren()
                .map(e -> e.getComponent().orElseThrow())
                .filter(c -> c.getId().equals(Optional.of("tally-cancel")))
                .map(Button.class::cast)
                .findFirst()
                .orElseThrow()
                .click();
        assertThat(cancelled).hasSize(1);
    }
}
