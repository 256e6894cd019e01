package de.kontor.monitoring.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import de.kontor.base.ui.EditorDialog;
import de.kontor.monitoring.AlertModel.ChannelType;
import de.kontor.monitoring.AlertModel.WebhookFormat;

import java.util.Map;

/**
 * Adds or changes a channel: e-mail addresses, or a webhook URL with its format (a template of your own for
 * SMS gateways). A stored target is never shown again; leave it empty to keep it. Fires {@link EditorDialog.SaveEvent}.
 */
class ChannelForm extends EditorDialog<ChannelDraft, ChannelDraft> {

    final Select<ChannelType> type = new Select<>();
    final TextField name = new TextField();
    final TextField target = new TextField();
    final Select<WebhookFormat> format = new Select<>();
    final TextArea template = new TextArea();
    private final boolean adding;

    ChannelForm(ChannelDraft draft, boolean adding, String storedHint) {
        super(ChannelDraft.class, "channel");
        this.adding = adding;
        setId("channel-form");
        setHeaderTitle(getTranslation(adding ? "monitoring.channel.add" : "monitoring.channel.edit"));
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

        addFooterButtons();
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

    @Override
    protected ChannelDraft newBean() {
        return new ChannelDraft();
    }

    @Override
    protected ChannelDraft toData(ChannelDraft draft) {
        return draft;
    }

    @Override
    public Map<String, HasValidation> fields() {
        return Map.of("type", type, "name", name, "target", target, "format", format, "template", template);
    }
}
