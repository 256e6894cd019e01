package de.kontor.tally;

import de.kontor.base.settings.ShownSetting;
import de.kontor.base.settings.ShownSettings;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import java.util.List;

/** The tally options on the Settings page that open Kontor to people without an account. */
@Component
class TallySettingsShown implements ShownSettings {

    private final TallyProperties properties;
    private final TallyService tally;
    private final Environment environment;

    TallySettingsShown(TallyProperties properties, TallyService tally, Environment environment) {
        this.properties = properties;
        this.tally = tally;
        this.environment = environment;
    }

    @Override
    public List<ShownSetting> shownSettings() {
        return List.of(
                ShownSetting.switchedOnIn(
                        "tally.self-registration",
                        "settings.option.selfRegistration",
                        tally.settings().selfRegistration(),
                        "tally/settings"),
                ShownSetting.configured(
                        "tally.api-at-root",
                        "settings.option.tallyApiAtRoot",
                        properties.api().atRoot(),
                        environment,
                        "KONTOR_TALLY_API_AT_ROOT"));
    }
}
