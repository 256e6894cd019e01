package de.kontor.security;

import de.kontor.base.settings.ShownSetting;
import de.kontor.base.settings.ShownSettings;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.List;

/** The sign-in options on the Settings page: staying signed in, two factors required for admins. */
@Component
class SecuritySettingsShown implements ShownSettings {

    private final SecurityProperties properties;
    private final UserService users;
    private final Environment environment;

    SecuritySettingsShown(SecurityProperties properties, UserService users, Environment environment) {
        this.properties = properties;
        this.users = users;
        this.environment = environment;
    }

    @Override
    public List<ShownSetting> shownSettings() {
        return List.of(
                ShownSetting.configured(
                        "security.remember-me",
                        "settings.option.rememberMe",
                        properties.rememberMe(),
                        environment,
                        "KONTOR_REMEMBER_ME"),
                ShownSetting.switchedOnIn(
                        "security.two-factor-required-for-admins",
                        "settings.option.twoFactorRequired",
                        users.twoFactorRequiredForAdmins(),
                        "users"));
    }
}
