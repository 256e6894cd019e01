package de.kontor.base.settings;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/** Where a shown option's value comes from. */
class ShownSettingTest {

    @Test
    void aConfiguredOptionNamesItsEnvironmentVariableOnlyWhenThatIsSet() {
        MockEnvironment set = new MockEnvironment().withProperty("KONTOR_X", "true");

        assertThat(ShownSetting.configured("m.x", "label.x", true, set, "KONTOR_X"))
                .isEqualTo(new ShownSetting("m.x", "label.x", "true", "KONTOR_X", ""));
        assertThat(ShownSetting.configured("m.x", "label.x", false, new MockEnvironment(), "KONTOR_X"))
                .isEqualTo(new ShownSetting("m.x", "label.x", "false", "default", ""));
    }

    @Test
    void aSwitchIsAnAdminsSettingWhenOnAndTheDefaultWhenOff() {
        assertThat(ShownSetting.switchedOnIn("m.y", "label.y", true, "m/settings"))
                .isEqualTo(new ShownSetting("m.y", "label.y", "true", "setting", "m/settings"));
        assertThat(ShownSetting.switchedOnIn("m.y", "label.y", false, "m/settings"))
                .isEqualTo(new ShownSetting("m.y", "label.y", "false", "default", "m/settings"));
    }
}
