package de.kontor.monitoring.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import de.kontor.base.ui.EditorDialog;

import java.util.Map;
import java.util.TreeSet;

/** Adds a node: name and tags, validated as you type; fires {@link EditorDialog.SaveEvent}, the view saves. */
class NodeForm extends EditorDialog<NodeDraft, NodeDraft> {

    final TextField name = new TextField();
    final MultiSelectComboBox<String> tags = new MultiSelectComboBox<>();

    NodeForm() {
        super(NodeDraft.class, "node");
        setId("node-form");
        setHeaderTitle(getTranslation("monitoring.add"));
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

        addFooterButtons();
    }

    @Override
    protected NodeDraft newBean() {
        return new NodeDraft();
    }

    @Override
    protected NodeDraft toData(NodeDraft draft) {
        return draft;
    }

    @Override
    public Map<String, HasValidation> fields() {
        return Map.of("name", name, "tags", tags);
    }
}
