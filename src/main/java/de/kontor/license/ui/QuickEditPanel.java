package de.kontor.license.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import de.kontor.base.error.DomainException;
import de.kontor.base.ui.FieldErrors;
import de.kontor.base.ui.Notifications;
import de.kontor.base.ui.ViewHeader;
import de.kontor.license.License;
import de.kontor.license.LicenseEnums.LicenseStatus;
import de.kontor.license.LicenseService;
import jakarta.validation.ConstraintViolationException;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The side panel of the license list: status, end of validity and number of machines of one license. */
class QuickEditPanel extends Div {

    private final LicenseService licenses;
    private final LicenseLabels labels;
    private final Runnable saved;
    private final Consumer<Boolean> shown;

    /** {@code shown} hears when the panel opens (true) or closes (false). */
    QuickEditPanel(LicenseService licenses, LicenseLabels labels, Runnable saved, Consumer<Boolean> shown) {
        this.licenses = licenses;
        this.labels = labels;
        this.saved = saved;
        this.shown = shown;
        setId("license-panel");
        addClassName("kontor-side-panel");
        setVisible(false);
    }

    void show(License selected) {
        License l = licenses.license(selected.getId());
        removeAll();
        setVisible(true);
        shown.accept(true);
        H3 title = new H3(l.getKey());
        title.addClassName("kontor-mono");
        Paragraph who = new Paragraph(labels.product(l.getProductId()) + " · " + labels.customer(l.getCustomerId()));
        who.addClassName("kontor-muted");
        Select<LicenseStatus> quickStatus = new Select<>();
        quickStatus.setId("quick-status");
        quickStatus.setLabel(getTranslation("license.status"));
        quickStatus.setItems(
                l.getStatus() == LicenseStatus.REVOKED
                        ? List.of(LicenseStatus.REVOKED)
                        : List.of(LicenseStatus.values()));
        quickStatus.setItemLabelGenerator(s -> getTranslation("license.status." + s.name()));
        quickStatus.setValue(l.getStatus());
        DatePicker quickUntil = new DatePicker(getTranslation("license.validUntil"));
        quickUntil.setId("quick-valid-until");
        quickUntil.setValue(l.getValidUntil());
        quickUntil.setClearButtonVisible(true);
        IntegerField quickMax = new IntegerField(getTranslation("license.maxActivations"));
        quickMax.setId("quick-max");
        quickMax.setMin(1);
        quickMax.setValue(l.getMaxActivations());
        quickMax.setStepButtonsVisible(true);
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                licenses.quickEdit(
                        l.getId(),
                        l.getVersion(),
                        quickStatus.getValue(),
                        quickUntil.getValue(),
                        quickMax.getValue() == null ? 0 : quickMax.getValue());
                Notifications.success(getTranslation("license.saved", l.getKey()));
                saved.run();
                show(l);
            } catch (DomainException ex) {
                FieldErrors.show(this, ex, Map.of("validUntil", quickUntil, "maxActivations", quickMax));
            } catch (ConstraintViolationException ex) {
                quickMax.setErrorMessage(getTranslation("license.maxActivations.invalid"));
                quickMax.setInvalid(true);
            }
        });
        save.setId("quick-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button open = new Button(
                getTranslation("license.open"),
                VaadinIcon.ARROW_RIGHT.create(),
                e -> UI.getCurrent().navigate(LicenseView.class, l.getId()));
        open.setId("quick-open");
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button close = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
            setVisible(false);
            shown.accept(false);
        });
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        close.setAriaLabel(getTranslation("action.close"));
        add(new ViewHeader(title).actions(close), who, quickStatus, quickUntil, quickMax, new Div(save, open));
    }
}
