package de.kontor.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import de.kontor.base.CurrentUser;
import de.kontor.base.prefs.PreferenceService;
import org.springframework.stereotype.Component;

/**
 * Every session gets Kontor's error handler; every UI of a signed-in user gets that user's language
 * and colour scheme. Without a stored language, Vaadin's choice from the browser's languages stands.
 */
@Component
class UiInitializer implements VaadinServiceInitListener {

    private final PreferenceService preferences;
    private final KontorErrorHandler errorHandler;

    UiInitializer(PreferenceService preferences, KontorErrorHandler errorHandler) {
        this.preferences = preferences;
        this.errorHandler = errorHandler;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(e -> e.getSession().setErrorHandler(errorHandler));
        event.getSource().addUIInitListener(e -> applyPreferences(e.getUI()));
    }

    private void applyPreferences(UI ui) {
        CurrentUser.username().ifPresent(username -> {
            preferences.locale(username).ifPresent(locale -> {
                ui.getSession().setLocale(locale);
                ui.setLocale(locale);
            });
            UiPreferences.applyColorScheme(ui, preferences.colorScheme(username));
        });
    }
}
