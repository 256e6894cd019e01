package de.kontor.base.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;

/**
 * Vaadin's texts come from the same {@code messages*.properties} as everything else. A missing key
 * shows as {@code !key!}, so it is noticed rather than silently shown in the wrong language.
 */
@Component
public class KontorI18NProvider implements I18NProvider {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale GERMAN = Locale.GERMAN;
    public static final List<Locale> LOCALES = List.of(ENGLISH, GERMAN);

    private final MessageSource messages;

    KontorI18NProvider(MessageSource messages) {
        this.messages = messages;
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        return messages.getMessage(key, params, "!" + key + "!", supported(locale));
    }

    /** The supported language closest to {@code locale} (English when none fits). */
    public static Locale supported(Locale locale) {
        return "de".equals(locale.getLanguage()) ? GERMAN : ENGLISH;
    }
}
