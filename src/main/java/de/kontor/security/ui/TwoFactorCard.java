package de.kontor.security.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;
import de.kontor.base.error.DomainException;
import de.kontor.base.ui.FieldErrors;
import de.kontor.base.ui.Formats;
import de.kontor.base.ui.Notifications;
import de.kontor.base.ui.QrCodes;
import de.kontor.base.ui.SecretDialog;
import de.kontor.security.TotpEnrolment;
import de.kontor.security.UserAccount;
import de.kontor.security.UserService;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Two-factor sign-in on "My account": set it up (QR code and the key as text, confirmed with a code, then
 * the recovery codes once), or switch it off with the password and a code.
 */
class TwoFactorCard extends Div {

    private final UserService users;
    private final ZoneId zone;

    TwoFactorCard(UserService users, ZoneId zone) {
        this.users = users;
        this.zone = zone;
        setId("account-2fa");
        addClassName("kontor-card");
        show();
    }

    private void show() {
        removeAll();
        add(new H2(getTranslation("twoFactor.title")));
        UserAccount me = users.current().orElseThrow();
        if (me.hasTwoFactor()) {
            showEnabled(me);
        } else {
            showDisabled(me);
        }
    }

    private void showEnabled(UserAccount me) {
        Paragraph state = new Paragraph(getTranslation(
                "twoFactor.enabled", Formats.dateTime(me.getTwoFactorEnabledAt(), zone), users.unusedRecoveryCodes()));
        state.setId("totp-state");
        PasswordField password = new PasswordField(getTranslation("account.currentPassword"));
        password.setId("totp-off-password");
        TextField code = codeField("totp-off-code");
        Button off = new Button(getTranslation("twoFactor.disable"), e -> {
            try {
                users.disableOwnTotp(password.getValue(), code.getValue());
                Notifications.success(getTranslation("twoFactor.disabled"));
                show();
            } catch (DomainException ex) {
                FieldErrors.show(this, ex, Map.of("password", password, "code", code));
            }
        });
        off.setId("totp-off");
        off.addThemeVariants(ButtonVariant.LUMO_ERROR);
        FormLayout form = new FormLayout(password, code);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(state, form, off);
    }

    private void showDisabled(UserAccount me) {
        Paragraph state =
                new Paragraph(getTranslation(users.mustEnrolTwoFactor(me) ? "twoFactor.mustEnrol" : "twoFactor.off"));
        state.setId("totp-state");
        Button start = new Button(getTranslation("twoFactor.setUp"), e -> enrol());
        start.setId("totp-start");
        start.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(state, start);
    }

    private void enrol() {
        TotpEnrolment enrolment = users.startTotpEnrolment();
        removeAll();
        add(new H2(getTranslation("twoFactor.title")), new Paragraph(getTranslation("twoFactor.scan")));
        Div qr = new Div(new Html(QrCodes.svg(enrolment.otpauthUri(), 200, getTranslation("twoFactor.qr"))));
        qr.setId("totp-qr");
        Span secret = new Span(enrolment.secret());
        secret.setId("totp-secret");
        secret.addClassName("kontor-mono");
        Paragraph key = new Paragraph(getTranslation("twoFactor.key"));
        key.add(new Span(" "), secret);
        TextField code = codeField("totp-code");
        Button confirm = new Button(getTranslation("twoFactor.confirm"), e -> {
            try {
                List<String> codes = users.confirmTotpEnrolment(code.getValue());
                VaadinSession.getCurrent().setAttribute(PasswordChangeGuard.MUST_ENROL, Boolean.FALSE);
                show();
                new SecretDialog(
                                getTranslation("twoFactor.recovery.title"),
                                getTranslation("twoFactor.recovery.explain"),
                                String.join("\n", codes))
                        .open();
            } catch (DomainException ex) {
                FieldErrors.show(this, ex, Map.of("code", code));
            }
        });
        confirm.setId("totp-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(qr, key, code, confirm);
    }

    private TextField codeField(String id) {
        TextField code = new TextField(getTranslation("secondFactor.code"));
        code.setId(id);
        code.setMaxLength(40);
        code.getElement().setAttribute("autocomplete", "one-time-code");
        return code;
    }
}
