package de.kontor.base.ui;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import de.kontor.KaribuTest;
import de.kontor.security.Role;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class FrameTest extends KaribuTest {

    @Test
    void anonymousUsersAreSentToTheLoginPage() {
        UI.getCurrent().navigate("users");
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("login");
    }

    @Test
    void adminSeesAdministrationMenu() {
        loginAsAdmin();
        UI.getCurrent().navigate("");
        _get(HomeView.class);
        assertThat(labels(_get(SideNav.class, s -> s.withId("nav-admin"))))
                .contains("Users", "API tokens", "Audit log");
    }

    @Test
    void memberSeesNoAdministrationMenu() {
        login(unique("member"), Role.MEMBER);
        UI.getCurrent().navigate("");
        _get(HomeView.class);
        LocatorJ._assertNone(SideNav.class, s -> s.withId("nav-admin"));
        assertThat(labels(_get(SideNav.class, s -> s.withId("nav-main"))))
                .containsExactly("Home", "Reservations", "My tally");
    }

    private static List<String> labels(SideNav nav) {
        return nav.getItems().stream().map(SideNavItem::getLabel).toList();
    }
}
