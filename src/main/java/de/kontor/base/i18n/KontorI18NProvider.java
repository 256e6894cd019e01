package de.kontor.base.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Vaadin's texts come from the same {@code messages*.properties} as everything else. A missing key
 * shows as {@code !key!}, so it is noticed rather than silently shown in the wrong language. Times among
 * the arguments are written in Kontor's zone and the reader's language ({@link MessageArguments}).
 */
@Component
public class KontorI18NProvider implements I18NProvider {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale GERMAN = Locale.GERMAN;
    public static final List<Locale> LOCALES = List.of(ENGLISH, GERMAN);

    private final MessageSource messages;
    private final ZoneId zone;

    KontorI18NProvider(MessageSource messages, ZoneId zone) {
        this.messages = messages;
        this.zone = zone;
    }

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale language = supported(locale);
        return messages.getMessage(key, MessageArguments.localize(params, language, zone), "!" + key + "!", language);
    }

    /** The text for {@code key}, or empty when no bundle has it (for texts looked up by a pattern). */
    public Optional<String> find(String key, Locale locale, Object... params) {
        Locale language = supported(locale);
        return Optional.ofNullable(
                messages.getMessage(key, MessageArguments.localize(params, language, zone), null, language));
    }

    /** The supported language closest to {@code locale} (English when none fits). */
    public static Locale supported(Locale locale) {
        return "de".equals(locale.getLanguage()) ? GERMAN : ENGLISH;
    }
}
