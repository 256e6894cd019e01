package de.kontor.access.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.shared.Registration;

/**
 * A new block (address or range, optional end, comment) or, without the end, a network admins may sign in
 * from. Save stays disabled while the address is missing or malformed; fires {@link SaveEvent}, the view
 * calls the service and shows its refusals on the fields.
 */
class BlockForm extends Dialog {

    static final class SaveEvent extends ComponentEvent<BlockForm> {
        private final BlockDraft draft;

        SaveEvent(BlockForm source, BlockDraft draft) {
            super(source, false);
            this.draft = draft;
        }

        BlockDraft draft() {
            return draft;
        }
    }

    final TextField cidr = new TextField();
    final DateTimePicker until = new DateTimePicker();
    final TextField comment = new TextField();
    final Button save = new Button();
    private final BeanValidationBinder<BlockDraft> binder = new BeanValidationBinder<>(BlockDraft.class);

    /** @param withUntil whether the entry can end by itself (blocks) or not (admin networks) */
    BlockForm(String header, boolean withUntil) {
        setHeaderTitle(header);
        setId("block-form");
        cidr.setLabel(getTranslation("access.cidr"));
        cidr.setHelperText(getTranslation("access.cidr.help"));
        cidr.setId("block-cidr");
        cidr.setMaxLength(64);
        until.setLabel(getTranslation("access.until"));
        until.setHelperText(getTranslation("access.until.help"));
        until.setId("block-until");
        comment.setLabel(getTranslation("access.comment"));
        comment.setId("block-comment");
        comment.setMaxLength(500);
        binder.forField(cidr).bind("cidr");
        binder.forField(until).bind("until");
        binder.forField(comment).bind("comment");
        binder.readBean(new BlockDraft());

        FormLayout form = new FormLayout();
        form.add(cidr);
        if (withUntil) {
            form.add(until);
        }
        form.add(comment);
        add(form);

        save.setText(getTranslation("action.save"));
        save.setId("block-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setEnabled(false);
        save.addClickListener(e -> save());
        binder.addStatusChangeListener(e -> save.setEnabled(binder.isValid() && binder.hasChanges()));
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        cancel.setId("block-cancel");
        getFooter().add(cancel, save);
    }

    private void save() {
        BlockDraft draft = new BlockDraft();
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
}
