package de.kontor.security;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import de.kontor.base.error.DomainException;

/**
 * Asks for a current TOTP code when a dangerous action was refused for want of a recent second-factor
 * confirmation, then tries the action again. Users without two-factor sign-in are told to set it up first.
 * Public for every module whose dangerous actions need the confirmation (like {@link UserPicker}).
 */
public final class StepUpDialog extends Dialog {

    static final String STEP_UP_REQUIRED = "STEP_UP_REQUIRED";

    private final UserService users;
    private final Runnable retry;
    private final TextField code = new TextField();

    private StepUpDialog(UserService users, Runnable retry) {
        this.users = users;
        this.retry = retry;
        setId("step-up");
        setHeaderTitle(getTranslation("stepUp.title"));
        boolean hasTwoFactor = users.current().map(UserAccount::hasTwoFactor).orElse(false);
        if (!hasTwoFactor) {
            Anchor account = new Anchor("account", getTranslation("stepUp.setUp"));
            account.setId("step-up-account");
            add(new Paragraph(getTranslation("stepUp.error.noTwoFactor")), account);
            getFooter().add(new Button(getTranslation("action.cancel"), e -> close()));
            return;
        }
        add(new Paragraph(getTranslation("stepUp.intro")));
        code.setLabel(getTranslation("secondFactor.code"));
        code.setId("step-up-code");
        code.setMaxLength(10);
        code.setAutofocus(true);
        add(code);
        Button confirm = new Button(getTranslation("stepUp.confirm"), e -> confirm());
        confirm.setId("step-up-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), confirm);
    }

    /**
     * If {@code refusal} asks for a step-up confirmation, opens the dialog (which runs {@code retry} once
     * confirmed) and returns true; other refusals are for the caller.
     */
    public static boolean handle(DomainException refusal, UserService users, Runnable retry) {
        if (!STEP_UP_REQUIRED.equals(refusal.code())) {
            return false;
        }
        new StepUpDialog(users, retry).open();
        return true;
    }

    private void confirm() {
        try {
            users.confirmStepUp(code.getValue());
        } catch (DomainException e) {
            code.clear();
            code.setErrorMessage(getTranslation(e.messageKey(), e.args()));
            code.setInvalid(true);
            return;
        }
        close();
        retry.run();
    }
}
