package de.kontor.base.settings;

import org.springframework.core.env.Environment;

import java.util.List;

/** A module's risky options for the Settings page: a bean per module that has some. */
public interface ShownSettings {

    List<ShownSetting> shownSettings();

    /** The environment variable's name when it sets the value, else {@code fallback}. */
    static String source(Environment environment, String variable, String fallback) {
        return environment.containsProperty(variable) ? variable : fallback;
    }
}
