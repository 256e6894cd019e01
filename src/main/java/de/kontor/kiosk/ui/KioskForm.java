package de.kontor.kiosk.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import de.kontor.base.ui.EditorDialog;
import de.kontor.kiosk.KioskModel.Kiosk;
import de.kontor.kiosk.KioskModel.KioskDraft;
import de.kontor.kiosk.KioskModel.Privacy;
import org.jspecify.annotations.Nullable;

import java.util.Map;

/**
 * Add or change a kiosk: name, location, what it shows of people, the hours its screen is on, an
 * announcement. The fields validate against {@link KioskFields}' rules as you type; Save stays disabled while
 * anything is invalid or nothing changed. Fires {@link EditorDialog.SaveEvent} or {@link EditorDialog.CancelEvent}; the view saves. The
 * fields are package-private for the form's own test.
 */
class KioskForm extends EditorDialog<KioskFields, KioskDraft> {

    final TextField name = new TextField();
    final TextField location = new TextField();
    final Select<Privacy> privacy = new Select<>();
    final TimePicker from = new TimePicker();
    final TimePicker until = new TimePicker();
    final TextArea announcement = new TextArea();
    private final @Nullable Kiosk existing;

    KioskForm(@Nullable Kiosk existing) {
        super(KioskFields.class, "kiosk");
        this.existing = existing;
        setId("kiosk-editor");
        setHeaderTitle(getTranslation(existing == null ? "kiosk.add" : "kiosk.edit"));
        name.setId("kiosk-name");
        name.setLabel(getTranslation("kiosk.field.name"));
        location.setId("kiosk-location");
        location.setLabel(getTranslation("kiosk.field.location"));
        privacy.setId("kiosk-privacy");
        privacy.setLabel(getTranslation("kiosk.field.privacy"));
        privacy.setItems(Privacy.values());
        privacy.setItemLabelGenerator(p -> getTranslation("kiosk.privacy." + p.name()));
        from.setId("kiosk-from");
        from.setLabel(getTranslation("kiosk.field.from"));
        until.setId("kiosk-until");
        until.setLabel(getTranslation("kiosk.field.until"));
        announcement.setId("kiosk-announcement-field");
        announcement.setLabel(getTranslation("kiosk.field.announcement"));
        announcement.setMaxLength(500);

        binder.forField(name).bind("name");
        binder.forField(location).bind("location");
        binder.forField(privacy).bind("privacy");
        binder.forField(from).bind("screenOnFrom");
        binder.forField(until).bind("screenOnUntil");
        binder.forField(announcement).bind("announcement");
        binder.readBean(existing == null ? new KioskFields() : KioskFields.of(existing));

        FormLayout form = new FormLayout(name, location, privacy, from, until, announcement);
        form.setColspan(announcement, 2);
        add(form);

        addFooterButtons();
    }

    @Override
    protected KioskFields newBean() {
        return new KioskFields();
    }

    @Override
    protected KioskDraft toData(KioskFields fields) {
        return fields.draft();
    }

    @Nullable
    Kiosk existing() {
        return existing;
    }

    /** The fields by the draft's property names, for the service's field errors. */
    @Override
    public Map<String, HasValidation> fields() {
        return Map.of("name", name, "announcement", announcement, "screenOnFrom", from, "screenOnUntil", until);
    }
}
