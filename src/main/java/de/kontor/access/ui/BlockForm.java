package de.kontor.access.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import de.kontor.base.ui.EditorDialog;

import java.util.Map;

/**
 * A new block (address or range, optional end, comment) or, without the end, a network admins may sign in
 * from. Save stays disabled while the address is missing or malformed; the view saves through the service,
 * whose refusals appear on the fields.
 */
class BlockForm extends EditorDialog<BlockDraft, BlockDraft> {

    final TextField cidr = new TextField();
    final DateTimePicker until = new DateTimePicker();
    final TextField comment = new TextField();

    /** @param withUntil whether the entry can end by itself (blocks) or not (admin networks) */
    BlockForm(String header, boolean withUntil) {
        super(BlockDraft.class, "block");
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
        addFooterButtons();
    }

    @Override
    protected BlockDraft newBean() {
        return new BlockDraft();
    }

    @Override
    protected BlockDraft toData(BlockDraft bean) {
        return bean;
    }

    @Override
    public Map<String, ? extends HasValidation> fields() {
        return Map.of("cidr", cidr, "until", until);
    }
}
