package de.kontor.base.prefs;

import de.kontor.base.ViewerAllowed;
import de.kontor.base.i18n.KontorI18NProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/** Language and colour scheme per user, so they follow the user to every browser. */
@Service
@ViewerAllowed
public class PreferenceService {

    private final UserPreferenceRepository repository;
    private final Clock clock;

    PreferenceService(UserPreferenceRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<Locale> locale(String username) {
        return repository.findById(username).map(UserPreference::getLocale).map(Locale::forLanguageTag);
    }

    @Transactional
    public void saveLocale(String username, Locale locale) {
        preference(username).setLocale(KontorI18NProvider.supported(locale).toLanguageTag(), clock.instant());
    }

    @Transactional(readOnly = true)
    public ColorScheme colorScheme(String username) {
        return repository
                .findById(username)
                .map(UserPreference::getColorScheme)
                .map(ColorScheme::valueOf)
                .orElse(ColorScheme.SYSTEM);
    }

    @Transactional
    public void saveColorScheme(String username, ColorScheme scheme) {
        preference(username).setColorScheme(scheme.name(), clock.instant());
    }

    private UserPreference preference(String username) {
        return repository
                .findById(username)
                .orElseGet(() -> repository.save(new UserPreference(username, clock.instant())));
    }
}
