package de.kontor.security.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import de.kontor.HttpClientSupport;
import de.kontor.KaribuTest;
import de.kontor.security.Role;
import de.kontor.security.SessionInfo;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm;
import static org.assertj.core.api.Assertions.assertThat;

class SessionsViewTest extends KaribuTest {

    @SuppressWarnings("unchecked")
    private static Grid<SessionInfo> grid(String id) {
        return _get(Grid.class, s -> s.withId(id));
    }

    /** A user with a sign-in token from the API (signed in elsewhere, as far as this UI knows). */
    private String userWithToken(HttpClientSupport http, Role role) {
        String name = unique("sessions-ui");
        login(name, role);
        logout();
        http.token(name, PASSWORD);
        return name;
    }

    @Test
    void adminFiltersByUserAndEndsASession() {
        var http = new HttpClientSupport(baseUrl());
        String name = userWithToken(http, Role.MEMBER);
        String token = http.token(name, PASSWORD);
        loginAsAdmin();
        UI.getCurrent().navigate("sessions");

        type(_get(TextField.class, s -> s.withId("sessions-user")), name);

        Grid<SessionInfo> grid = grid("sessions-grid");
        assertThat(GridKt._size(grid)).isEqualTo(2);
        assertThat(GridKt._getFormattedRow(grid, 0)).anyMatch(c -> c.contains(name));
        Div actions = (Div) GridKt._getCellComponent(grid, 0, "actions");
        ((Button) actions.getChildren().findFirst().orElseThrow()).click();
        _fireConfirm(_get(ConfirmDialog.class));
        MockVaadin.clientRoundtrip(false);
        assertThat(GridKt._size(grid)).isEqualTo(1);

        ((Button) ((Div) GridKt._getCellComponent(grid, 0, "actions"))
                        .getChildren()
                        .skip(1)
                        .findFirst()
                        .orElseThrow())
                .click();
        _fireConfirm(_get(ConfirmDialog.class));
        MockVaadin.clientRoundtrip(false);

        assertThat(GridKt._size(grid)).isZero();
        assertThat(http.get("/api/auth/me", token).status()).isEqualTo(401);
    }

    @Test
    void viewersSeeTheSessionsButCannotEndThem() {
        var http = new HttpClientSupport(baseUrl());
        String name = userWithToken(http, Role.MEMBER);
        login(unique("sessions-viewer"), Role.VIEWER);
        UI.getCurrent().navigate("sessions");

        type(_get(TextField.class, s -> s.withId("sessions-user")), name);

        Grid<SessionInfo> grid = grid("sessions-grid");
        assertThat(GridKt._size(grid)).isEqualTo(1);
        assertThat(grid.getColumnByKey("actions")).isNull();
    }

    @Test
    void mySessionsListsMineAndSignsOutTheOthers() {
        var http = new HttpClientSupport(baseUrl());
        String name = userWithToken(http, Role.MEMBER);
        String second = http.token(name, PASSWORD);
        login(name, Role.MEMBER);
        UI.getCurrent().navigate("account");
        Grid<SessionInfo> grid = grid("my-sessions-grid");
        assertThat(GridKt._size(grid)).isEqualTo(2);

        _click(_get(Button.class, s -> s.withId("my-sessions-sign-out-others")));
        _fireConfirm(_get(ConfirmDialog.class));
        MockVaadin.clientRoundtrip(false);

        assertThat(GridKt._size(grid)).isZero();
        assertThat(http.get("/api/auth/me", second).status()).isEqualTo(401);
    }
}
