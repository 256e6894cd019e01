package de.kontor.security.ui;

import com.github.mvysny.kaributesting.v10.LocatorJ;
import com.vaadin.flow.component.UI;
import de.kontor.KaribuTest;
import de.kontor.base.ui.ErrorPages;
import de.kontor.security.Role;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Members reach their own pages, never the admin views. */
class AccessTest extends KaribuTest {

    @Override
    protected boolean showsKontorErrorPages() {
        return true;
    }

    @ParameterizedTest
    @ValueSource(strings = {"users", "api-tokens", "audit"})
    void memberIsDeniedAdminViews(String route) {
        login(unique("member"), Role.MEMBER);

        UI.getCurrent().navigate(route);

        ErrorPages.assertShown("Not allowed");
        LocatorJ._assertNone(UsersView.class);
        LocatorJ._assertNone(ApiTokensView.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"users", "api-tokens", "audit", "account", ""})
    void anonymousUsersOnlyReachTheLoginPage(String route) {
        UI.getCurrent().navigate(route);

        LocatorJ._get(LoginView.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"users", "api-tokens", "audit", "account", ""})
    void adminReachesEveryView(String route) {
        loginAsAdmin();

        UI.getCurrent().navigate(route);

        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo(route);
        LocatorJ._assertNone(LoginView.class);
    }
}
