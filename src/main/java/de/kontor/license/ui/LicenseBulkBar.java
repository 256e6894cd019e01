package de.kontor.license.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import de.kontor.base.error.DomainException;
import de.kontor.base.ui.Confirmations;
import de.kontor.base.ui.Dialogs;
import de.kontor.base.ui.Notifications;
import de.kontor.license.License;
import de.kontor.license.LicenseService;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/** The actions for the selected licenses: suspend, reactivate, extend, revoke, each confirmed first. */
class LicenseBulkBar extends Div {

    private final LicenseService licenses;
    private final Supplier<List<Long>> selected;
    private final Runnable done;
    private final Span count = new Span();

    /**
     * @param selected the ids of the selected licenses
     * @param done     called after a bulk action changed licenses
     */
    LicenseBulkBar(LicenseService licenses, Supplier<List<Long>> selected, Runnable done) {
        this.licenses = licenses;
        this.selected = selected;
        this.done = done;
        count.setId("licenses-selected");
        Button suspend = button("license.suspend", "licenses-bulk-suspend", licenses::suspend);
        Button reactivate = button("license.reactivate", "licenses-bulk-reactivate", licenses::reactivate);
        Button revoke = button("license.revoke", "licenses-bulk-revoke", licenses::revoke);
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button extend = new Button(getTranslation("license.extend"), e -> openExtend());
        extend.setId("licenses-bulk-extend");
        add(count, suspend, reactivate, extend, revoke);
        addClassNames("kontor-toolbar", "kontor-bulk-bar");
        setVisible(false);
    }

    /** Shows the bar while licenses are selected. */
    void selectionChanged(int selectedCount) {
        setVisible(selectedCount > 0);
        count.setText(getTranslation("license.selected", selectedCount));
    }

    private Button button(String labelKey, String id, Function<List<Long>, List<License>> action) {
        Button button = new Button(getTranslation(labelKey), e -> {
            List<Long> ids = selected.get();
            Confirmations.ask(
                    "licenses-bulk-confirm",
                    getTranslation(labelKey),
                    getTranslation("license.bulk.confirm", getTranslation(labelKey), ids.size()),
                    getTranslation(labelKey),
                    false,
                    () -> {
                        try {
                            action.apply(ids);
                            Notifications.success(getTranslation("license.bulk.done", ids.size()));
                            done.run();
                        } catch (DomainException ex) {
                            Notifications.error(getTranslation(ex.messageKey(), ex.args()));
                        }
                    });
        });
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    private void openExtend() {
        List<Long> ids = selected.get();
        Dialog dialog = new Dialog();
        dialog.setId("licenses-extend-dialog");
        dialog.setHeaderTitle(getTranslation("license.extend"));
        IntegerField days = new IntegerField(getTranslation("license.extend.daysLabel"));
        days.setId("licenses-extend-days");
        days.setMin(1);
        days.setMax(3650);
        days.setValue(365);
        days.setStepButtonsVisible(true);
        dialog.add(new Paragraph(getTranslation("license.extend.info", ids.size())), days);
        Dialogs.footer(
                dialog,
                "licenses-extend-ok",
                getTranslation("license.extend"),
                () -> {
                    licenses.extend(ids, days.getValue() == null ? 0 : days.getValue());
                    Notifications.success(getTranslation("license.bulk.done", ids.size()));
                    done.run();
                },
                Map.of("days", days));
        dialog.open();
    }
}
