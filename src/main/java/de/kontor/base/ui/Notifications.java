package de.kontor.base.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** Short messages in the corner: green for done, red for what went wrong. */
public final class Notifications {

    private Notifications() {}

    public static Notification success(String message) {
        Notification n = Notification.show(message, 3000, Notification.Position.BOTTOM_END);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        return n;
    }

    public static Notification error(String message) {
        Notification n = Notification.show(message, 8000, Notification.Position.MIDDLE);
        n.addThemeVariants(NotificationVariant.LUMO_ERROR);
        return n;
    }
}
