package de.kontor.tally.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import de.kontor.base.error.DomainException;
import de.kontor.base.ui.FieldErrors;
import de.kontor.base.ui.Notifications;
import de.kontor.tally.TallyModel.Settings;
import de.kontor.tally.TallyService;
import jakarta.annotation.security.RolesAllowed;

import java.util.Map;
import java.util.Optional;

/** Booking amount, currency label, the responsible address, self-registration and its privacy notice. */
@Route("tally/settings")
@RolesAllowed({"ADMIN", "VIEWER"})
class TallySettingsView extends Div implements HasDynamicTitle {

    TallySettingsView(TallyService tally) {
        addClassName("kontor-view");
        setId("tally-settings-view");
        add(TallyUi.nav(this, "tally/settings"));
        Settings s = tally.settings();
        AmountField amount = new AmountField(getTranslation("tally.settings.bookingAmount"), "tally-settings-amount");
        amount.setHelperText(getTranslation("tally.settings.bookingAmount.help"));
        amount.setAmount(s.bookingAmount());
        TextField currency = new TextField(getTranslation("tally.settings.currency"));
        currency.setId("tally-settings-currency");
        currency.setValue(s.currency());
        currency.setMaxLength(10);
        TextField responsible = new TextField(getTranslation("tally.settings.responsible"));
        responsible.setId("tally-settings-responsible");
        responsible.setHelperText(getTranslation("tally.settings.responsible.help"));
        responsible.setValue(s.responsibleEmail() == null ? "" : s.responsibleEmail());
        Checkbox registration = new Checkbox(getTranslation("tally.settings.selfRegistration"), s.selfRegistration());
        registration.setId("tally-settings-registration");
        TextArea privacy = new TextArea(getTranslation("tally.settings.privacy"));
        privacy.setId("tally-settings-privacy");
        privacy.setHelperText(getTranslation("tally.settings.privacy.help"));
        privacy.setValue(s.privacyNotice() == null ? "" : s.privacyNotice());
        privacy.setMinHeight("8em");
        FormLayout form = new FormLayout(amount, currency, responsible, registration, privacy);
        form.setColspan(privacy, 2);
        form.setMaxWidth("48em");
        Button save = new Button(getTranslation("action.save"), e -> {
            Optional<Long> bookingAmount = amount.amount();
            if (bookingAmount.isEmpty()) {
                return;
            }
            if (bookingAmount.get() < Integer.MIN_VALUE || bookingAmount.get() > Integer.MAX_VALUE) {
                amount.setErrorMessage(getTranslation("tally.settings.amount"));
                amount.setInvalid(true);
                return;
            }
            try {
                tally.updateSettings(new Settings(
                        bookingAmount.get().intValue(),
                        currency.getValue(),
                        responsible.getValue(),
                        registration.getValue(),
                        privacy.getValue()));
                Notifications.success(getTranslation("tally.saved"));
            } catch (DomainException ex) {
                FieldErrors.show(
                        this,
                        ex,
                        Map.of("bookingAmount", amount, "currency", currency, "responsibleEmail", responsible));
            }
        });
        save.setId("tally-settings-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(form, save);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tally.nav.settings") + " · " + getTranslation("menu.tally");
    }
}
