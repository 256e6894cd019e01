package de.kontor.lead.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import de.kontor.base.CurrentUser;
import de.kontor.base.error.DomainException;
import de.kontor.base.ui.FieldErrors;
import de.kontor.lead.LeadModel.Institution;
import de.kontor.lead.LeadModel.InstitutionDraft;
import de.kontor.lead.LeadModel.Status;
import de.kontor.lead.LeadModel.Tag;
import de.kontor.lead.LeadModel.Type;
import de.kontor.lead.LeadService;
import org.jspecify.annotations.Nullable;

import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

/** The dialog to add or change an institution. */
final class LeadEditor {

    private LeadEditor() {}

    static Dialog open(
            Component context, LeadService leads, @Nullable Institution existing, Consumer<Institution> saved) {
        Dialog dialog = new Dialog();
        dialog.setId("lead-editor");
        dialog.setHeaderTitle(context.getTranslation(existing == null ? "lead.new" : "lead.edit"));
        TextField name = field(context, "lead-name", "lead.field.name");
        Select<Type> type = new Select<>();
        type.setId("lead-type");
        type.setLabel(context.getTranslation("lead.field.type"));
        type.setItems(Type.values());
        type.setItemLabelGenerator(t -> context.getTranslation("lead.type." + t.name()));
        type.setValue(Type.SCHOOL);
        Select<Status> status = new Select<>();
        status.setId("lead-status");
        status.setLabel(context.getTranslation("lead.field.status"));
        status.setItems(Status.values());
        status.setItemLabelGenerator(s -> context.getTranslation("lead.status." + s.name()));
        status.setValue(Status.NEW);
        TextField street = field(context, "lead-street", "lead.field.street");
        TextField postalCode = field(context, "lead-postal-code", "lead.field.postalCode");
        TextField city = field(context, "lead-city", "lead.field.city");
        TextField country = field(context, "lead-country", "lead.field.country");
        country.setMaxLength(2);
        TextField website = field(context, "lead-website", "lead.field.website");
        TextField phone = field(context, "lead-phone", "lead.field.phone");
        TextField email = field(context, "lead-email", "lead.field.email");
        TextField source = field(context, "lead-source", "lead.field.source");
        TextField owner = field(context, "lead-owner", "lead.field.owner");
        owner.setValue(CurrentUser.username().orElse(""));
        MultiSelectComboBox<String> tags = new MultiSelectComboBox<>(context.getTranslation("lead.field.tags"));
        tags.setId("lead-tags");
        tags.setItems(leads.tags().stream().map(Tag::name).toList());
        tags.setAllowCustomValue(true);
        tags.addCustomValueSetListener(e -> {
            var values = new TreeSet<>(tags.getValue());
            values.add(e.getDetail().strip());
            var items = new TreeSet<>(leads.tags().stream().map(Tag::name).toList());
            items.addAll(values);
            tags.setItems(items);
            tags.setValue(values);
        });
        if (existing != null) {
            name.setValue(existing.name());
            type.setValue(existing.type());
            status.setValue(existing.status());
            street.setValue(nz(existing.street()));
            postalCode.setValue(nz(existing.postalCode()));
            city.setValue(nz(existing.city()));
            country.setValue(nz(existing.country()));
            website.setValue(nz(existing.website()));
            phone.setValue(nz(existing.phone()));
            email.setValue(nz(existing.email()));
            source.setValue(nz(existing.source()));
            owner.setValue(nz(existing.owner()));
            tags.setValue(new TreeSet<>(existing.tags().stream().map(Tag::name).toList()));
        }
        FormLayout form = new FormLayout(
                name, type, status, street, postalCode, city, country, website, phone, email, source, owner, tags);
        form.setColspan(name, 2);
        form.setColspan(tags, 2);
        dialog.add(form);
        Button save = new Button(context.getTranslation("action.save"), e -> {
            InstitutionDraft draft = new InstitutionDraft(
                    name.getValue(),
                    type.getValue(),
                    street.getValue(),
                    postalCode.getValue(),
                    city.getValue(),
                    country.getValue(),
                    website.getValue(),
                    phone.getValue(),
                    email.getValue(),
                    status.getValue(),
                    source.getValue(),
                    owner.getValue(),
                    tags.getValue());
            try {
                Institution result =
                        existing == null ? leads.create(draft) : leads.update(existing.id(), existing.version(), draft);
                dialog.close();
                saved.accept(result);
            } catch (DomainException ex) {
                FieldErrors.show(
                        context, ex, Map.of("name", name, "email", email, "country", country, "website", website));
            }
        });
        save.setId("lead-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(context.getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
        return dialog;
    }

    private static TextField field(Component context, String id, String label) {
        TextField field = new TextField(context.getTranslation(label));
        field.setId(id);
        return field;
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s;
    }
}
