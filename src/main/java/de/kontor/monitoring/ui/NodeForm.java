package de.kontor.monitoring.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.shared.Registration;

import java.util.Map;
import java.util.TreeSet;

/** Adds a node: name and tags, validated as you type; fires {@link SaveEvent}, the view saves. */
class NodeForm extends Dialog {

    static final class SaveEvent extends ComponentEvent<NodeForm> {
        private final NodeDraft draft;

        SaveEvent(NodeForm source, NodeDraft draft) {
            super(source, false);
            this.draft = draft;
        }

        NodeDraft draft() {
            return draft;
        }
    }

    final TextField name = new TextField();
    final MultiSelectComboBox<String> tags = new MultiSelectComboBox<>();
    final Button save = new Button();
    private final BeanValidationBinder<NodeDraft> binder = new BeanValidationBinder<>(NodeDraft.class);

    NodeForm() {
        setId("node-form");
        setHeaderTitle(getTranslation("monitoring.add"));
        setCloseOnOutsideClick(false);
        name.setLabel(getTranslation("monitoring.field.name"));
        name.setId("node-name");
        name.setMaxLength(100);
        tags.setLabel(getTranslation("monitoring.field.tags"));
        tags.setId("node-tags");
        tags.setHelperText(getTranslation("monitoring.field.tags.help"));
        TreeSet<String> items = new TreeSet<>();
        tags.setItems(items);
        tags.setAllowCustomValue(true);
        tags.addCustomValueSetListener(e -> {
            String tag = e.getDetail().strip();
            if (!tag.isEmpty()) {
                items.add(tag);
                tags.setItems(items);
                TreeSet<String> selected = new TreeSet<>(tags.getValue());
                selected.add(tag);
                tags.setValue(selected);
            }
        });
        binder.forField(name).bind("name");
        binder.forField(tags).bind("tags");
        binder.readBean(new NodeDraft());
        add(new FormLayout(name, tags));

        save.setText(getTranslation("action.save"));
        save.setId("node-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setEnabled(false);
        save.addClickListener(e -> save());
        binder.addStatusChangeListener(e -> save.setEnabled(binder.isValid() && binder.hasChanges()));
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        cancel.setId("node-cancel");
        getFooter().add(cancel, save);
    }

    private void save() {
        NodeDraft draft = new NodeDraft();
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
        return Map.of("name", name, "tags", tags);
    }
}
