package de.kontor.tally.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import de.kontor.base.ui.EditorDialog;
import de.kontor.tally.PersonData;
import de.kontor.tally.TallyModel.PersonDetails;
import org.jspecify.annotations.Nullable;

import java.util.HashMap;
import java.util.Map;

/**
 * Create a tally person (code, names, e-mail, password) or edit one (names, e-mail, thresholds, notices,
 * comment). The fields validate against {@link PersonData}'s rules as you type, thresholds must be whole
 * numbers; Save stays disabled while anything is invalid or nothing changed. Fires {@link EditorDialog.SaveEvent} and
 * {@link EditorDialog.CancelEvent}; the view saves.
 */
class TallyPersonForm extends EditorDialog<PersonData, PersonData> {

    private final TextField code = new TextField();
    private final TextField firstName = new TextField();
    private final TextField lastName = new TextField();
    private final EmailField email = new EmailField();
    private final PasswordField password = new PasswordField();
    private final TextField reminder = new TextField();
    private final TextField responsible = new TextField();
    private final Checkbox notifyBooking = new Checkbox();
    private final Checkbox notifyZero = new Checkbox();
    private final Checkbox notifyThreshold = new Checkbox();
    private final TextArea comment = new TextArea();
    private final @Nullable PersonDetails existing;

    TallyPersonForm(@Nullable PersonDetails existing) {
        super(PersonData.class, "tally");
        this.existing = existing;
        setId("tally-person-form");
        setHeaderTitle(
                existing == null
                        ? getTranslation("tally.person.new")
                        : getTranslation("tally.person.edit", existing.name()));
        setWidth("min(44rem, 96vw)");

        label(code, "tally-code", "tally.field.code");
        code.setHelperText(getTranslation("tally.field.code.help"));
        code.setMaxLength(10);
        label(firstName, "tally-first", "tally.field.firstName");
        label(lastName, "tally-last", "tally.field.lastName");
        email.setLabel(getTranslation("tally.field.email"));
        email.setId("tally-email");
        label(password, "tally-password", "tally.field.password");
        password.setHelperText(getTranslation("tally.field.password.help"));
        label(reminder, "tally-reminder", "tally.field.reminder");
        reminder.setHelperText(getTranslation("tally.field.reminder.help"));
        label(responsible, "tally-responsible", "tally.field.responsible");
        responsible.setHelperText(getTranslation("tally.field.responsible.help"));
        notifyBooking.setLabel(getTranslation("tally.notify.booking"));
        notifyBooking.setId("tally-notify-booking");
        notifyZero.setLabel(getTranslation("tally.notify.zero"));
        notifyZero.setId("tally-notify-zero");
        notifyThreshold.setLabel(getTranslation("tally.notify.threshold"));
        notifyThreshold.setId("tally-notify-threshold");
        label(comment, "tally-comment", "tally.field.comment");
        comment.setMaxLength(2000);

        // bound by property name, so PersonData's Jakarta constraints check each field
        binder.forField(firstName).bind("firstName");
        binder.forField(lastName).bind("lastName");
        binder.forField(email).bind("email");
        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        if (existing == null) {
            binder.forField(code).bind("code");
            binder.forField(password).bind("password");
            form.add(firstName, lastName, code, email, password);
        } else {
            String notWhole = getTranslation("tally.amount.notWhole");
            binder.forField(reminder)
                    .withConverter(WholeNumbers.toInteger(notWhole))
                    .bind("reminderThreshold");
            binder.forField(responsible)
                    .withConverter(WholeNumbers.toInteger(notWhole))
                    .bind("responsibleThreshold");
            binder.forField(notifyBooking).bind("notifyBooking");
            binder.forField(notifyZero).bind("notifyZero");
            binder.forField(notifyThreshold).bind("notifyThreshold");
            binder.forField(comment).bind("comment");
            form.add(firstName, lastName, email, reminder, responsible, notifyBooking, notifyZero, notifyThreshold);
            form.add(comment, 2);
        }
        binder.readBean(existing == null ? new PersonData() : PersonData.of(existing));
        add(form);

        addFooterButtons();
    }

    private <F extends Component & HasLabel> void label(F field, String id, String key) {
        field.setLabel(getTranslation(key));
        field.setId(id);
    }

    @Override
    protected PersonData newBean() {
        return existing == null ? new PersonData() : PersonData.of(existing);
    }

    @Override
    protected PersonData toData(PersonData data) {
        return data;
    }

    @Nullable
    PersonDetails existing() {
        return existing;
    }

    /** The fields by the names the service's errors use. */
    @Override
    public Map<String, HasValidation> fields() {
        Map<String, HasValidation> fields = new HashMap<>();
        fields.put("code", code);
        fields.put("firstName", firstName);
        fields.put("lastName", lastName);
        fields.put("email", email);
        fields.put("password", password);
        fields.put("comment", comment);
        fields.put("reminderThreshold", reminder);
        fields.put("responsibleThreshold", responsible);
        return fields;
    }
}
