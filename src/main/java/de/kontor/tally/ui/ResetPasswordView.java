package de.kontor.tally.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import de.kontor.base.error.DomainException;
import de.kontor.base.ui.FieldErrors;
import de.kontor.tally.TallyService;

import java.util.List;
import java.util.Map;

/** The page a password reset link opens: a new password, twice; the link works once and for one hour. */
@Route(value = "reset-password", autoLayout = false)
@AnonymousAllowed
class ResetPasswordView extends PublicPage implements BeforeEnterObserver, HasDynamicTitle {

    private final TallyService tally;

    ResetPasswordView(TallyService tally) {
        super("tally.pwreset.title");
        this.tally = tally;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String token =
                event.getLocation().getQueryParameters().getParameters().getOrDefault("token", List.of("")).stream()
                        .findFirst()
                        .orElse("");
        card.getChildren().skip(1).toList().forEach(card::remove);
        if (!tally.passwordResetValid(token)) {
            Paragraph invalid = new Paragraph(getTranslation("tally.pwreset.invalid"));
            invalid.setId("reset-invalid");
            Anchor again = new Anchor("forgot-password", getTranslation("tally.forgot.link"));
            card.add(invalid, again);
            return;
        }
        PasswordField password = new PasswordField(getTranslation("tally.pwreset.password"));
        password.setId("reset-password");
        password.setHelperText(getTranslation("tally.register.passwordHelp"));
        password.setWidthFull();
        PasswordField repeat = new PasswordField(getTranslation("tally.pwreset.repeat"));
        repeat.setId("reset-repeat");
        repeat.setWidthFull();
        Paragraph done = new Paragraph(getTranslation("tally.pwreset.done"));
        done.setId("reset-done");
        done.setVisible(false);
        Button save = new Button(getTranslation("tally.pwreset.submit"));
        save.setId("reset-submit");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            if (!password.getValue().equals(repeat.getValue())) {
                repeat.setInvalid(true);
                repeat.setErrorMessage(getTranslation("tally.pwreset.mismatch"));
                return;
            }
            repeat.setInvalid(false);
            try {
                tally.resetPassword(token, password.getValue());
                done.setVisible(true);
                save.setEnabled(false);
            } catch (DomainException ex) {
                FieldErrors.show(this, ex, Map.of("password", password, "token", password));
            }
        });
        card.add(password, repeat, save, done);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tally.pwreset.title") + " · Kontor";
    }
}
