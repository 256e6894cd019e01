package de.kontor.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import de.kontor.base.error.DomainException;

import java.util.Map;

/**
 * Shows a business rule's answer where it belongs: on the form field it concerns, otherwise as a
 * notification.
 */
public final class FieldErrors {

    private FieldErrors() {}

    public static void show(Component context, DomainException error, Map<String, ? extends HasValidation> fields) {
        String message = context.getTranslation(error.messageKey(), error.args());
        HasValidation field = error.field() == null ? null : fields.get(error.field());
        if (field != null) {
            field.setErrorMessage(message);
            field.setInvalid(true);
        } else {
            Notifications.error(message);
        }
    }
}
