package de.kontor.base.api;

import de.kontor.base.modules.ModuleSwitches;
import de.kontor.base.modules.ModuleSwitches.State;
import de.kontor.base.settings.ShownSetting;
import de.kontor.base.settings.ShownSettings;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Installation-wide settings: which modules are switched on, the risky options, and where each comes from. */
@RestController
@RequestMapping("/api/admin/settings")
@AdminOnly
@Tag(name = "Settings")
class SettingsController {

    private final ModuleSwitches modules;
    private final List<ShownSettings> options;

    SettingsController(ModuleSwitches modules, List<ShownSettings> options) {
        this.modules = modules;
        this.options = options;
    }

    record ModuleSetting(String module, boolean enabled, String source) {
        static ModuleSetting of(State s) {
            return new ModuleSetting(s.module().key(), s.enabled(), s.source().name());
        }
    }

    /** @param options risky options with their value and source; changed where {@code changedIn} says */
    record Settings(List<ModuleSetting> modules, List<ShownSetting> options) {}

    /** @param modules module name to on (true) or off (false); modules not named stay as they are */
    record SettingsChange(Map<String, Boolean> modules) {}

    @Operation(summary = "The settings with their current value and source (DEFAULT, SETTING or ENVIRONMENT)")
    @GetMapping
    Settings settings() {
        return new Settings(
                modules.states().stream().map(ModuleSetting::of).toList(),
                options.stream()
                        .flatMap(o -> o.shownSettings().stream())
                        .sorted(Comparator.comparing(ShownSetting::name))
                        .toList());
    }

    @Operation(
            summary = "Change settings",
            description =
                    "{\"modules\":{\"leads\":false}} switches the leads module off: menu entry gone, its views and "
                            + "APIs answer 404, its jobs paused. A module switched off by KONTOR_MODULES_DISABLED answers 409.")
    @PutMapping
    Settings change(@RequestBody SettingsChange change) {
        if (change.modules() != null) {
            change.modules().forEach(modules::set);
        }
        return settings();
    }
}
