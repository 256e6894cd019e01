package de.kontor.base.settings;

import java.util.List;

/** A module's risky options for the Settings page: a bean per module that has some. */
public interface ShownSettings {

    List<ShownSetting> shownSettings();
}
