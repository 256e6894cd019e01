package de.kontor.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import de.kontor.base.CurrentUser;
import de.kontor.base.db.DatabaseUnavailable;
import de.kontor.base.i18n.KontorI18NProvider;
import de.kontor.base.prefs.PreferenceService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every session gets Kontor's error handler; every UI of a signed-in user gets that user's language
 * and colour scheme. Without a stored language, Vaadin's choice from the browser's languages stands.
 * Vaadin's components get their texts in that language ({@link ComponentTexts}) after every navigation
 * and every request. A browser whose session has ended is asked to sign in again
 * ({@link SessionEndedMessages}).
 */
@Component
class UiInitializer implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(UiInitializer.class);

    private final PreferenceService preferences;
    private final KontorErrorHandler errorHandler;
    private final KontorI18NProvider texts;

    UiInitializer(PreferenceService preferences, KontorErrorHandler errorHandler, KontorI18NProvider texts) {
        this.preferences = preferences;
        this.errorHandler = errorHandler;
        this.texts = texts;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().setSystemMessagesProvider(new SessionEndedMessages(texts));
        event.getSource().addSessionInitListener(e -> e.getSession().setErrorHandler(errorHandler));
        event.getSource().addUIInitListener(e -> {
            UI ui = e.getUI();
            applyPreferences(ui);
            ui.addAfterNavigationListener(navigation -> ComponentTexts.scheduleFor(ui));
        });
        event.addRequestHandler(new LocalizingUidlRequestHandler());
    }

    private void applyPreferences(UI ui) {
        CurrentUser.username().ifPresent(username -> {
            try {
                preferences.locale(username).ifPresent(locale -> {
                    ui.getSession().setLocale(locale);
                    ui.setLocale(locale);
                });
                UiPreferences.applyColorScheme(ui, preferences.colorScheme(username));
            } catch (RuntimeException e) {
                if (!DatabaseUnavailable.isCause(e)) {
                    throw e;
                }
                // The page still opens (with the browser's language) and says what is wrong.
                log.warn("Preferences of {} not applied: database unavailable", username);
            }
        });
    }
}
