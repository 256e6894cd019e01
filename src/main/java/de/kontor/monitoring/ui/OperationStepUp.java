package de.kontor.monitoring.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;
import de.kontor.base.error.DomainException;
import de.kontor.security.UserAccount;
import de.kontor.security.UserService;

/**
 * Asks for a current code when a server operation was refused for want of a recent second-factor
 * confirmation, then runs the operation again. (The security module's own dialog is internal to it; this
 * one uses the same texts and field ids.)
 */
final class OperationStepUp extends Dialog {

    static final String STEP_UP_REQUIRED = "STEP_UP_REQUIRED";

    private final UserService users;
    private final Runnable retry;
    private final TextField code = new TextField();

    private OperationStepUp(UserService users, Runnable retry) {
        this.users = users;
        this.retry = retry;
        setId("step-up");
        setHeaderTitle(getTranslation("stepUp.title"));
        if (!users.current().map(UserAccount::hasTwoFactor).orElse(false)) {
            add(new Paragraph(getTranslation("stepUp.error.noTwoFactor")));
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

    /** Opens the dialog when the refusal asks for a step-up and returns true; other refusals are the caller's. */
    static boolean handle(DomainException refusal, UserService users, Runnable retry) {
        if (!STEP_UP_REQUIRED.equals(refusal.code())) {
            return false;
        }
        new OperationStepUp(users, retry).open();
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
