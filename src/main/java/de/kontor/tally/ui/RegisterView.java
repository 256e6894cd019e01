package de.kontor.tally.ui;

import com.vaadin.flow.component.HasSize;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import de.kontor.base.error.DomainException;
import de.kontor.base.ui.FieldErrors;
import de.kontor.tally.TallyModel.PersonDetails;
import de.kontor.tally.TallyModel.Registration;
import de.kontor.tally.TallyModel.Settings;
import de.kontor.tally.TallyService;

import java.util.Map;

/**
 * Self-registration of a member (only while an admin has switched it on): name, e-mail, password, and the
 * privacy notice, which must be accepted. The new member's code is shown and mailed.
 */
@Route(value = "register", autoLayout = false)
@AnonymousAllowed
class RegisterView extends PublicPage implements HasDynamicTitle {

    RegisterView(TallyService tally) {
        super("tally.register.title");
        Settings settings = tally.settings();
        if (!settings.selfRegistration()) {
            Paragraph closed = new Paragraph(getTranslation("tally.register.closed"));
            closed.setId("register-closed");
            card.add(closed);
            return;
        }
        TextField first = new TextField(getTranslation("tally.field.firstName"));
        first.setId("register-first");
        TextField last = new TextField(getTranslation("tally.field.lastName"));
        last.setId("register-last");
        EmailField email = new EmailField(getTranslation("tally.field.email"));
        email.setId("register-email");
        PasswordField password = new PasswordField(getTranslation("tally.field.password"));
        password.setId("register-password");
        password.setHelperText(getTranslation("tally.register.passwordHelp"));
        Pre notice = new Pre(
                settings.privacyNotice() != null
                        ? settings.privacyNotice()
                        : getTranslation("tally.register.privacyDefault"));
        notice.setId("register-privacy-text");
        notice.getStyle()
                .set("white-space", "pre-wrap")
                .set("max-height", "12em")
                .set("overflow", "auto");
        Checkbox privacy = new Checkbox(getTranslation("tally.register.privacyAccept"));
        privacy.setId("register-privacy");
        for (var field : new HasSize[] {first, last, email, password}) {
            field.setWidthFull();
        }
        Paragraph done = new Paragraph();
        done.setId("register-done");
        done.setVisible(false);
        Button submit = new Button(getTranslation("tally.register.submit"));
        submit.setId("register-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(e -> {
            privacy.getElement().removeAttribute("invalid");
            try {
                PersonDetails person = tally.register(new Registration(
                        first.getValue(), last.getValue(), email.getValue(), password.getValue(), privacy.getValue()));
                done.setText(getTranslation("tally.register.done", person.firstName(), person.code()));
                done.setVisible(true);
                submit.setEnabled(false);
            } catch (DomainException ex) {
                if ("privacyAccepted".equals(ex.field())) {
                    privacy.getElement().setAttribute("invalid", true);
                    done.setText(getTranslation(ex.messageKey(), ex.args()));
                    done.setVisible(true);
                    done.getStyle().set("color", "var(--lumo-error-text-color)");
                } else {
                    FieldErrors.show(
                            this,
                            ex,
                            Map.of("firstName", first, "lastName", last, "email", email, "password", password));
                }
            }
        });
        card.add(first, last, email, password, notice, privacy, submit, done);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tally.register.title") + " · Kontor";
    }
}
