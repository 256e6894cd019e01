package de.kontor.security.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import de.kontor.KaribuTest;
import de.kontor.base.ui.ErrorPages;
import de.kontor.security.Role;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** A viewer opens the admin views and sees them read-only. */
class ViewerViewsTest extends KaribuTest {

    @Override
    protected boolean showsKontorErrorPages() {
        return true;
    }

    @Test
    void theUsersViewShowsAccountsWithoutAnyWayToChangeThem() {
        login(unique("viewer"), Role.VIEWER);

        UI.getCurrent().navigate("users");

        Grid<?> grid = _get(Grid.class, s -> s.withId("users-grid"));
        assertThat(GridKt._size(grid)).isPositive();
        assertThat(grid.getColumnByKey("actions")).isNull();
        _assertNone(Button.class, s -> s.withId("users-new"));
        assertThat(_get(Checkbox.class, s -> s.withId("users-require-2fa")).isReadOnly())
                .isTrue();
    }

    @Test
    void aViewerOpensTheAdminViewsButNotTheAdminsOwnTools() {
        login(unique("viewer"), Role.VIEWER);

        UI.getCurrent().navigate("audit");
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("audit");

        UI.getCurrent().navigate("api-tokens");
        ErrorPages.assertShown("Not allowed");
    }

    @Test
    void theUsersFormRefusesAViewerWithAnotherRole() {
        loginAsAdmin();
        UI.getCurrent().navigate("users");
        String username = unique("mixed");
        _click(_get(Button.class, s -> s.withId("users-new")));
        type(_get(TextField.class, s -> s.withId("user-username")), username);
        type(_get(TextField.class, s -> s.withId("user-display-name")), "Mixed Roles");
        _get(CheckboxGroup.class, s -> s.withId("user-roles")).setValue(Set.of(Role.VIEWER, Role.MEMBER));

        _click(_get(Button.class, s -> s.withId("user-save")));

        assertThat(users.findByUsername(username)).isEmpty();
        CheckboxGroup<?> roles = _get(CheckboxGroup.class, s -> s.withId("user-roles"));
        assertThat(roles.isInvalid()).isTrue();
        assertThat(roles.getErrorMessage()).isEqualTo("A viewer has no other role: choose Viewer alone.");
    }
}
