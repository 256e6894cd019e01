package de.kontor.tally.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import de.kontor.base.error.DomainException;
import de.kontor.base.ui.FieldErrors;
import de.kontor.base.ui.PublicAddress;
import de.kontor.tally.TallyProperties;
import de.kontor.tally.TallyService;

import java.util.Map;

/**
 * "Forgot password?": mails a link valid for one hour. The answer is the same whether or not the address is
 * known, so the form cannot be used to find out who is a member.
 */
@Route(value = "forgot-password", autoLayout = false)
@AnonymousAllowed
class ForgotPasswordView extends PublicPage implements HasDynamicTitle {

    ForgotPasswordView(TallyService tally, TallyProperties properties) {
        super("tally.forgot.title");
        Paragraph intro = new Paragraph(getTranslation("tally.forgot.intro"));
        TextField email = new TextField(getTranslation("tally.forgot.field"));
        email.setId("forgot-email");
        email.setWidthFull();
        Paragraph done = new Paragraph(getTranslation("tally.forgot.done"));
        done.setId("forgot-done");
        done.setVisible(false);
        Button send = new Button(getTranslation("tally.forgot.submit"));
        send.setId("forgot-submit");
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        send.addClickListener(e -> {
            try {
                tally.requestPasswordReset(email.getValue(), PublicAddress.of(properties.baseUrl()));
                done.setVisible(true);
                send.setEnabled(false);
            } catch (DomainException ex) {
                FieldErrors.show(this, ex, Map.of("email", email));
            }
        });
        card.add(intro, email, send, done);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tally.forgot.title") + " · Kontor";
    }
}
