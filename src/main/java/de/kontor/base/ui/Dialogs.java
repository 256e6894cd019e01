package de.kontor.base.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import de.kontor.base.error.DomainException;

import java.util.Map;

/**
 * The footer of a small dialog a view builds itself (a few fields and one action): Cancel, then the action's
 * primary button, the way {@link EditorDialog} lays out its own.
 */
public final class Dialogs {

    private Dialogs() {}

    /** Puts Cancel (closes the dialog) and the given button, made the primary one, in the dialog's footer. */
    public static Button footer(Dialog dialog, Button primary) {
        primary.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(dialog.getTranslation("action.cancel"), e -> dialog.close()), primary);
        return primary;
    }

    /**
     * Puts Cancel and a primary button that runs {@code action} in the dialog's footer. The dialog closes when the
     * action succeeds; a business rule's refusal is shown on the field it concerns (or as a notification) and the
     * dialog stays open.
     *
     * @param fields the dialog's fields by the names a service uses in its field errors
     */
    public static Button footer(
            Dialog dialog, String id, String text, Runnable action, Map<String, ? extends HasValidation> fields) {
        Button button = new Button(text, e -> {
            try {
                action.run();
                dialog.close();
            } catch (DomainException ex) {
                FieldErrors.show(dialog, ex, fields);
            }
        });
        button.setId(id);
        return footer(dialog, button);
    }
}
