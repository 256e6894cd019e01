package de.kontor.lead.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import de.kontor.base.ui.CountryPicker;
import de.kontor.base.ui.EditorDialog;
import de.kontor.base.ui.TagsField;
import de.kontor.lead.LeadModel.Institution;
import de.kontor.lead.LeadModel.InstitutionDraft;
import de.kontor.lead.LeadModel.Status;
import de.kontor.lead.LeadModel.Type;
import org.jspecify.annotations.Nullable;

import java.util.Collection;
import java.util.Map;

/**
 * Add or change an institution. The fields validate against {@link LeadFields}' rules as you type; Save
 * stays disabled while anything is invalid or nothing changed. Fires {@link EditorDialog.SaveEvent} or
 * {@link EditorDialog.CancelEvent}; the view saves. The fields are package-private for the form's own test.
 */
class LeadForm extends EditorDialog<LeadFields, InstitutionDraft> {

    final TextField name = field("lead-name", "lead.field.name");
    final Select<Type> type = new Select<>();
    final Select<Status> status = new Select<>();
    final TextField street = field("lead-street", "lead.field.street");
    final TextField postalCode = field("lead-postal-code", "lead.field.postalCode");
    final TextField city = field("lead-city", "lead.field.city");
    final CountryPicker country = new CountryPicker(getTranslation("lead.field.country"));
    final TextField website = field("lead-website", "lead.field.website");
    final TextField phone = field("lead-phone", "lead.field.phone");
    final TextField email = field("lead-email", "lead.field.email");
    final TextField source = field("lead-source", "lead.field.source");
    final ComboBox<String> owner;
    final TagsField tags;
    private final @Nullable Institution existing;

    /**
     * @param knownTags    the tags to offer (a new one is an explicit choice)
     * @param defaultOwner the owner of a new lead (the signed-in user)
     * @param owner        the picker of the owner's user name (security's {@code UserPicker})
     */
    LeadForm(
            @Nullable Institution existing, Collection<String> knownTags, String defaultOwner, ComboBox<String> owner) {
        super(LeadFields.class, "lead");
        this.existing = existing;
        this.owner = owner;
        owner.setId("lead-owner");
        owner.setLabel(getTranslation("lead.field.owner"));
        country.setId("lead-country");
        setId("lead-editor");
        setHeaderTitle(getTranslation(existing == null ? "lead.new" : "lead.edit"));
        type.setId("lead-type");
        type.setLabel(getTranslation("lead.field.type"));
        type.setItems(Type.values());
        type.setItemLabelGenerator(t -> getTranslation("lead.type." + t.name()));
        status.setId("lead-status");
        status.setLabel(getTranslation("lead.field.status"));
        status.setItems(Status.values());
        status.setItemLabelGenerator(s -> getTranslation("lead.status." + s.name()));
        tags = new TagsField(getTranslation("lead.field.tags"), knownTags);
        tags.setId("lead-tags");

        // Bound by property name, so LeadFields' Jakarta constraints check each field.
        binder.forField(name).bind("name");
        binder.forField(type).bind("type");
        binder.forField(status).bind("status");
        binder.forField(street).bind("street");
        binder.forField(postalCode).bind("postalCode");
        binder.forField(city).bind("city");
        binder.forField(country).withNullRepresentation("").bind("country");
        binder.forField(website).bind("website");
        binder.forField(phone).bind("phone");
        binder.forField(email).bind("email");
        binder.forField(source).bind("source");
        binder.forField(owner).withNullRepresentation("").bind("owner");
        binder.forField(tags).bind("tags");
        LeadFields start = existing == null ? new LeadFields() : LeadFields.of(existing);
        if (existing == null) {
            start.setOwner(defaultOwner);
        }
        binder.readBean(start);

        FormLayout form = new FormLayout(
                name, type, status, street, postalCode, city, country, website, phone, email, source, owner, tags);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("32em", 2));
        form.setColspan(name, 2);
        form.setColspan(tags, 2);
        add(form);

        addFooterButtons();
    }

    private TextField field(String id, String label) {
        TextField field = new TextField(getTranslation(label));
        field.setId(id);
        return field;
    }

    @Override
    protected LeadFields newBean() {
        return new LeadFields();
    }

    @Override
    protected InstitutionDraft toData(LeadFields fields) {
        return fields.draft();
    }

    @Nullable
    Institution existing() {
        return existing;
    }

    /** The fields by the names the service's field errors use. */
    @Override
    public Map<String, HasValidation> fields() {
        return Map.of("name", name, "email", email, "country", country, "website", website, "tags", tags);
    }
}
