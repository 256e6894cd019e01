package de.kontor.base.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotFoundError;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.sidenav.SideNavItem;
import de.kontor.KaribuTest;
import de.kontor.base.modules.ModuleSwitches;
import de.kontor.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Switching a module off in Settings: its menu entry goes and its pages are not found; viewers only look. */
class SettingsViewTest extends KaribuTest {

    @Autowired
    ModuleSwitches switches;

    @AfterEach
    void leadsBackOn() {
        loginAsAdmin();
        switches.set("leads", true);
    }

    private boolean menuHasLeads() {
        return _find(SideNavItem.class).stream().anyMatch(i -> "leads".equals(i.getPath()) && i.isVisible());
    }

    @Test
    void anAdminSwitchesLeadsOffAndItsMenuEntryAndPagesAreGone() {
        loginAsAdmin();
        navigate("settings");
        assertThat(menuHasLeads()).isTrue();
        Checkbox leads = _get(Checkbox.class, s -> s.withId("settings-module-leads"));
        assertThat(leads.getValue()).isTrue();

        type(leads, false);

        navigate("");
        assertThat(menuHasLeads()).isFalse();
        assertThatThrownBy(() -> navigate("leads"))
                .as("a switched-off module's page is not found")
                .isInstanceOf(NotFoundError.class);

        navigate("settings");
        type(_get(Checkbox.class, s -> s.withId("settings-module-leads")), true);
        navigate("leads");
        assertThat(_find(NotFoundPage.class)).isEmpty();
        assertThat(UI.getCurrent()
                        .getInternals()
                        .getActiveRouterTargetsChain()
                        .getFirst()
                        .getClass()
                        .getSimpleName())
                .isEqualTo("LeadsView");
        assertThat(menuHasLeads()).isTrue();
    }

    @Test
    void viewersSeeTheSwitchesReadOnly() {
        login(unique("settings-viewer"), Role.VIEWER);
        navigate("settings");

        assertThat(_get(Checkbox.class, s -> s.withId("settings-module-leads")).isReadOnly())
                .isTrue();
        assertThat(GridKt._size(_get(Grid.class, s -> s.withId("settings-options"))))
                .isGreaterThanOrEqualTo(4);
    }
}
