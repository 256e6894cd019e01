package de.kontor.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import de.kontor.base.error.DomainException;
import de.kontor.base.ui.Badges;
import de.kontor.base.ui.FieldErrors;
import de.kontor.base.ui.Notifications;
import de.kontor.security.UserAccount;
import de.kontor.security.UserService;
import jakarta.annotation.security.PermitAll;

import java.time.ZoneId;
import java.util.Map;

/** Every signed-in user's own page: who am I, change my password, two-factor sign-in, my sessions. */
@Route("account")
@PermitAll
class AccountView extends Div implements HasDynamicTitle {

    private final UserService users;
    private final PasswordField current = new PasswordField();
    private final PasswordField newPassword = new PasswordField();
    private final PasswordField repeat = new PasswordField();

    AccountView(UserService users, ZoneId zone) {
        this.users = users;
        addClassName("kontor-view");
        UserAccount me = users.current().orElseThrow();

        Div identity = new Div();
        identity.addClassName("kontor-card");
        identity.add(new H2(me.getDisplayName()));
        Paragraph who = new Paragraph(getTranslation("account.username", me.getUsername()));
        who.setId("account-username");
        identity.add(who);
        Div roles = new Div();
        me.getRoles().forEach(r -> roles.add(Badges.of(getTranslation("role." + r.name()), Badges.Tone.PRIMARY)));
        identity.add(roles);

        Div passwordCard = new Div();
        passwordCard.addClassName("kontor-card");
        passwordCard.add(new H2(getTranslation("account.changePassword")));
        if (me.isMustChangePassword()) {
            Paragraph notice = new Paragraph(getTranslation("account.mustChange"));
            notice.setId("account-must-change");
            notice.addClassName("kontor-badge-warning");
            passwordCard.add(notice);
        }
        current.setLabel(getTranslation("account.currentPassword"));
        current.setId("account-current");
        newPassword.setLabel(getTranslation("account.newPassword"));
        newPassword.setId("account-new");
        newPassword.setHelperText(getTranslation("password.help", UserService.PASSWORD_MIN));
        repeat.setLabel(getTranslation("account.repeatPassword"));
        repeat.setId("account-repeat");
        Button change = new Button(getTranslation("account.changePassword"), e -> change());
        change.setId("account-change");
        change.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(current, newPassword, repeat);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        passwordCard.add(form, change);

        add(identity, passwordCard, new TwoFactorCard(users, zone), new MySessionsCard(users, zone));
    }

    private void change() {
        current.setInvalid(false);
        newPassword.setInvalid(false);
        repeat.setInvalid(false);
        if (!newPassword.getValue().equals(repeat.getValue())) {
            repeat.setErrorMessage(getTranslation("account.error.mismatch"));
            repeat.setInvalid(true);
            return;
        }
        try {
            users.changeOwnPassword(current.getValue(), newPassword.getValue());
            VaadinSession.getCurrent().setAttribute(PasswordChangeGuard.MUST_CHANGE, Boolean.FALSE);
            current.clear();
            newPassword.clear();
            repeat.clear();
            Notifications.success(getTranslation("account.passwordChanged"));
            getUI().ifPresent(ui -> ui.navigate(""));
        } catch (DomainException e) {
            FieldErrors.show(this, e, Map.of("currentPassword", current, "newPassword", newPassword));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.title");
    }
}
