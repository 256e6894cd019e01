package de.kontor.base.ui;

import com.github.mvysny.kaributesting.v10.ContextMenuKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import de.kontor.KaribuTest;
import de.kontor.base.prefs.ColorScheme;
import de.kontor.base.prefs.PreferenceService;
import de.kontor.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Locale;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class LanguageSwitchTest extends KaribuTest {

    @Autowired
    PreferenceService preferences;

    @Test
    void languageFollowsTheBrowserWhenNothingIsStored() {
        String user = unique("browser.de");
        setUpUi(Locale.GERMANY);
        login(user, Role.ADMIN);
        UI.getCurrent().navigate("");

        assertThat(adminMenu()).contains("Benutzer", "Änderungsprotokoll");
        assertThat(preferences.locale(user)).isEmpty();
    }

    @Test
    void switchingLanguageChangesTheTextsAtOnceAndIsRemembered() {
        String user = unique("switcher");
        login(user, Role.ADMIN);
        UI.getCurrent().navigate("");
        assertThat(adminMenu()).contains("Users", "Audit log");

        ContextMenuKt._clickItemWithID(_get(MenuBar.class, s -> s.withId("user-menu")), "language-de");

        assertThat(adminMenu()).contains("Benutzer", "Änderungsprotokoll");
        assertThat(_get(HomeView.class).getPageTitle()).isEqualTo("Start");
        assertThat(preferences.locale(user)).contains(Locale.GERMAN);

        // A new page load from an English browser: the stored choice wins.
        setUpUi(Locale.ENGLISH);
        login(user, Role.ADMIN);
        setUpUiKeepingLogin();
        UI.getCurrent().navigate("");
        assertThat(UI.getCurrent().getLocale()).isEqualTo(Locale.GERMAN);
        assertThat(adminMenu()).contains("Benutzer");
    }

    @Test
    void colorSchemeIsRemembered() {
        String user = unique("dark");
        login(user, Role.MEMBER);
        UI.getCurrent().navigate("");

        ContextMenuKt._clickItemWithID(_get(MenuBar.class, s -> s.withId("user-menu")), "color-scheme-dark");

        assertThat(preferences.colorScheme(user)).isEqualTo(ColorScheme.DARK);
        assertThat(UI.getCurrent().getPage().getColorScheme())
                .isEqualTo(com.vaadin.flow.component.page.ColorScheme.Value.DARK);
        setUpUiKeepingLogin();
        assertThat(UI.getCurrent().getPage().getColorScheme())
                .isEqualTo(com.vaadin.flow.component.page.ColorScheme.Value.DARK);
    }

    private static List<String> adminMenu() {
        return _get(SideNav.class, s -> s.withId("nav-admin")).getItems().stream()
                .map(SideNavItem::getLabel)
                .toList();
    }
}
