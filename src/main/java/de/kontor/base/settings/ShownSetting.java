package de.kontor.base.settings;

import org.springframework.core.env.Environment;

/**
 * A risky option as the Settings page and {@code GET /api/admin/settings} show it.
 *
 * @param name a stable name, e.g. {@code security.remember-me}
 * @param labelKey the message key of its label
 * @param value its current value as text
 * @param source where the value comes from: the environment variable that sets it, {@code setting} (changed
 *     by an admin where {@code changedIn} says), or {@code default}
 * @param changedIn the page where an admin changes it, or empty when only the configuration can
 */
public record ShownSetting(String name, String labelKey, String value, String source, String changedIn) {

    /** An option only the configuration sets: from its environment variable when that is set, else the default. */
    public static ShownSetting configured(
            String name, String labelKey, boolean value, Environment environment, String variable) {
        return new ShownSetting(
                name,
                labelKey,
                Boolean.toString(value),
                environment.containsProperty(variable) ? variable : "default",
                "");
    }

    /** An option that is off unless an admin switched it on on the page {@code changedIn}. */
    public static ShownSetting switchedOnIn(String name, String labelKey, boolean on, String changedIn) {
        return new ShownSetting(name, labelKey, Boolean.toString(on), on ? "setting" : "default", changedIn);
    }
}
