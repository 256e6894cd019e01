package de.kontor.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.ColorScheme.Value;
import de.kontor.base.prefs.ColorScheme;

/** Applies a user's stored preferences to a UI. */
final class UiPreferences {

    private UiPreferences() {}

    static void applyColorScheme(UI ui, ColorScheme scheme) {
        ui.getPage()
                .setColorScheme(
                        switch (scheme) {
                            case LIGHT -> Value.LIGHT;
                            case DARK -> Value.DARK;
                            case SYSTEM -> Value.LIGHT_DARK;
                        });
    }

    /** The scheme applied to this UI (from the stored preference when the UI started). */
    static ColorScheme colorScheme(UI ui) {
        Value value = ui.getPage().getColorScheme();
        if (value == Value.LIGHT) {
            return ColorScheme.LIGHT;
        }
        return value == Value.DARK ? ColorScheme.DARK : ColorScheme.SYSTEM;
    }
}
