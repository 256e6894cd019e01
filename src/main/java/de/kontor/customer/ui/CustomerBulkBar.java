package de.kontor.customer.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import de.kontor.base.error.DomainException;
import de.kontor.base.ui.Confirmations;
import de.kontor.base.ui.Dialogs;
import de.kontor.base.ui.Notifications;
import de.kontor.base.ui.TagsField;
import de.kontor.customer.CustomerService;
import jakarta.validation.ConstraintViolationException;

import java.util.List;
import java.util.function.Supplier;

/**
 * The actions for the selected customers: add tags, archive (confirmed first), clear the selection. While
 * customers are selected the export takes only them.
 */
class CustomerBulkBar extends Div {

    private final CustomerService customers;
    private final Supplier<List<Long>> selected;
    private final Runnable done;
    private final Span count = new Span();

    /**
     * @param selected the ids of the selected customers
     * @param done     called after an action changed customers, and to clear the selection
     */
    CustomerBulkBar(CustomerService customers, Supplier<List<Long>> selected, Runnable done) {
        this.customers = customers;
        this.selected = selected;
        this.done = done;
        count.setId("customers-selected");
        Button tag = new Button(getTranslation("customer.bulk.tag"), VaadinIcon.TAG.create(), e -> openTag());
        tag.setId("customers-bulk-tag");
        Button archive =
                new Button(getTranslation("customer.archive"), VaadinIcon.ARCHIVE.create(), e -> confirmArchive());
        archive.setId("customers-bulk-archive");
        Button clear = new Button(getTranslation("customer.bulk.clear"), e -> done.run());
        clear.setId("customers-bulk-clear");
        clear.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(count, tag, archive, clear);
        addClassNames("kontor-toolbar", "kontor-bulk-bar");
        setVisible(false);
    }

    /** Shows the bar while customers are selected. */
    void selectionChanged(int selectedCount) {
        setVisible(selectedCount > 0);
        count.setText(getTranslation("customer.bulk.selected", selectedCount));
    }

    private void openTag() {
        Dialog dialog = new Dialog();
        dialog.setId("customers-bulk-tag-dialog");
        dialog.setHeaderTitle(
                getTranslation("customer.bulk.tagTitle", selected.get().size()));
        TagsField tags = new TagsField(getTranslation("customer.tags"), customers.tags());
        tags.setId("customers-bulk-tags");
        tags.setWidth("min(24rem, 80vw)");
        dialog.add(tags);
        Button apply = new Button(getTranslation("customer.bulk.tagApply"), e -> {
            try {
                int changed = customers.tagAll(selected.get(), tags.getValue());
                dialog.close();
                Notifications.success(getTranslation("customer.bulk.tagged", changed));
                done.run();
            } catch (ConstraintViolationException | DomainException ex) {
                tags.setInvalid(true);
                tags.setErrorMessage(getTranslation("customer.bulk.tagInvalid"));
            }
        });
        apply.setId("customers-bulk-tag-apply");
        apply.setEnabled(false);
        tags.addValueChangeListener(e -> apply.setEnabled(!e.getValue().isEmpty()));
        Dialogs.footer(dialog, apply);
        dialog.open();
    }

    private void confirmArchive() {
        List<Long> ids = selected.get();
        Confirmations.ask(
                "customers-bulk-confirm",
                getTranslation("customer.archive"),
                getTranslation("customer.bulk.archiveConfirm", ids.size()),
                getTranslation("customer.archive"),
                false,
                () -> {
                    int archived = customers.archiveAll(ids);
                    Notifications.success(getTranslation("customer.bulk.archived", archived));
                    done.run();
                });
    }
}
