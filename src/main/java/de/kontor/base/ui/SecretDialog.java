package de.kontor.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;

/**
 * Shows a secret (generated password, API token or key) exactly once, with a copy button and the
 * warning that it cannot be shown again.
 */
public class SecretDialog extends Dialog {

    public SecretDialog(String title, String explanation, String secret) {
        setId("secret-dialog");
        setHeaderTitle(title);
        setWidth("32rem");
        setCloseOnOutsideClick(false);
        Div value = new Div(secret);
        value.setId("secret-value");
        value.addClassName("kontor-secret");
        Paragraph warning = new Paragraph(getTranslation("secret.onlyOnce"));
        warning.addClassName("kontor-muted");
        add(new Paragraph(explanation), value, warning);
        Button copy = new Button(getTranslation("secret.copy"), VaadinIcon.COPY.create(), e -> {
            getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", secret);
            Notifications.success(getTranslation("secret.copied"));
        });
        copy.setId("secret-copy");
        Button close = new Button(getTranslation("action.done"), e -> close());
        close.setId("secret-close");
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(copy, close);
    }
}
