package de.kontor.monitoring.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.shared.Registration;
import de.kontor.monitoring.AlertModel.ChannelType;
import de.kontor.monitoring.AlertModel.WebhookFormat;

import java.util.Map;

/**
 * Adds or changes a channel: e-mail addresses, or a webhook URL with its format (a template of your own for
 * SMS gateways). A stored target is never shown again; leave it empty to keep it. Fires {@link SaveEvent}.
 */
class ChannelForm extends Dialog {

    static final class SaveEvent extends ComponentEvent<ChannelForm> {
        private final ChannelDraft draft;

        SaveEvent(ChannelForm source, ChannelDraft draft) {
            super(source, false);
            this.draft = draft;
        }

        ChannelDraft draft() {
            return draft;
        }
    }

    final Select<ChannelType> type = new Select<>();
    final TextField name = new TextField();
    final TextField target = new TextField();
    final Select<WebhookFormat> format = new Select<>();
    final TextArea template = new TextArea();
    final Button save = new Button();
    private final boolean adding;
    private final BeanValidationBinder<ChannelDraft> binder = new BeanValidationBinder<>(ChannelDraft.class);

    ChannelForm(ChannelDraft draft, boolean adding, String storedHint) {
        this.adding = adding;
        setId("channel-form");
        setHeaderTitle(getTranslation(adding ? "monitoring.channel.add" : "monitoring.channel.edit"));
        setCloseOnOutsideClick(false);
        type.setId("channel-type");
        type.setLabel(getTranslation("monitoring.channel.field.type"));
        type.setItems(ChannelType.values());
        type.setItemLabelGenerator(t -> getTranslation("monitoring.channel.type." + t.name()));
        name.setId("channel-name");
        name.setLabel(getTranslation("monitoring.channel.field.name"));
        name.setMaxLength(100);
        target.setId("channel-target");
        target.setMaxLength(2000);
        format.setId("channel-format");
        format.setLabel(getTranslation("monitoring.channel.field.format"));
        format.setItems(WebhookFormat.values());
        format.setItemLabelGenerator(f -> getTranslation("monitoring.channel.format." + f.name()));
        template.setId("channel-template");
        template.setLabel(getTranslation("monitoring.channel.field.template"));
        template.setHelperText(getTranslation("monitoring.channel.field.template.help"));
        template.setMaxLength(4000);

        binder.forField(type).bind("type");
        binder.forField(name).bind("name");
        binder.forField(target)
                .withValidator(t -> !adding || !t.isBlank(), getTranslation("monitoring.channel.targetRequired"))
                .bind("target");
        binder.forField(format).bind("format");
        binder.forField(template).bind("template");
        binder.readBean(draft);
        type.addValueChangeListener(e -> arrange(storedHint));
        format.addValueChangeListener(e -> arrange(storedHint));
        arrange(storedHint);
        FormLayout layout = new FormLayout(type, name, target, format, template);
        layout.setColspan(target, 2);
        layout.setColspan(template, 2);
        add(layout);

        save.setText(getTranslation("action.save"));
        save.setId("channel-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setEnabled(false);
        save.addClickListener(e -> save());
        binder.addStatusChangeListener(e -> save.setEnabled(binder.isValid() && binder.hasChanges()));
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        cancel.setId("channel-cancel");
        getFooter().add(cancel, save);
    }

    /** Labels and fields for the chosen type and format. */
    private void arrange(String storedHint) {
        boolean webhook = type.getValue() == ChannelType.WEBHOOK;
        target.setLabel(getTranslation(webhook ? "monitoring.channel.field.url" : "monitoring.channel.field.emails"));
        target.setHelperText(
                adding
                        ? getTranslation(
                                webhook ? "monitoring.channel.field.url.help" : "monitoring.channel.field.emails.help")
                        : getTranslation("monitoring.channel.field.keep", storedHint));
        format.setVisible(webhook);
        template.setVisible(webhook && format.getValue() == WebhookFormat.TEMPLATE);
    }

    private void save() {
        ChannelDraft draft = new ChannelDraft();
        try {
            binder.writeBean(draft);
            fireEvent(new SaveEvent(this, draft));
        } catch (ValidationException e) {
            // the fields show what is wrong
        }
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    Map<String, HasValidation> fields() {
        return Map.of("type", type, "name", name, "target", target, "format", format, "template", template);
    }
}
