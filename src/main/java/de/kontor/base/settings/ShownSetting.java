package de.kontor.base.settings;

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
public record ShownSetting(String name, String labelKey, String value, String source, String changedIn) {}
