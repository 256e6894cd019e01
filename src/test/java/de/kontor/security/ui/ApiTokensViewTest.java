package de.kontor.security.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import de.kontor.HttpClientSupport;
import de.kontor.KaribuTest;
import de.kontor.TestTotp;
import de.kontor.security.ApiToken;
import de.kontor.security.Role;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm;
import static org.assertj.core.api.Assertions.assertThat;

class ApiTokensViewTest extends KaribuTest {

    @Test
    void createdTokenIsShownOnceWorksOverHttpAndCanBeRevoked() {
        String admin = unique("tokens-admin");
        login(admin, Role.ADMIN);
        TestTotp.enrolCurrentUser(users, clock);
        UI.getCurrent().navigate("api-tokens");
        String name = unique("webshop");

        _click(_get(Button.class, s -> s.withId("tokens-new")));
        type(_get(TextField.class, s -> s.withId("token-name")), name);
        _click(_get(Button.class, s -> s.withId("token-create")));

        String token = _get(Div.class, s -> s.withId("secret-value")).getText();
        assertThat(token).startsWith("kt_");
        var http = new HttpClientSupport(baseUrl());
        assertThat(http.get("/api/auth/me", token).status()).isEqualTo(200);

        Grid<ApiToken> grid = tokensGrid();
        int row = rowOf(grid, name);
        assertThat(GridKt._getFormattedRow(grid, row)).contains(name, admin);
        ((Button) GridKt._getCellComponent(grid, row, "revoke")).click();
        _fireConfirm(_get(ConfirmDialog.class));
        MockVaadin.clientRoundtrip(false);

        assertThat(http.get("/api/auth/me", token).status()).isEqualTo(401);
        assertThat(GridKt._getFormattedRow(grid, rowOf(grid, name))).anyMatch(c -> c.contains("Revoked"));
    }

    @Test
    void creatingATokenAsksForACurrentCodeWhenTheLastConfirmationIsOlderThanTenMinutes() {
        login(unique("tokens-admin"), Role.ADMIN);
        String secret = TestTotp.enrolCurrentUser(users, clock);
        clock.advance(Duration.ofMinutes(11));
        UI.getCurrent().navigate("api-tokens");
        String name = unique("shop");
        _click(_get(Button.class, s -> s.withId("tokens-new")));
        type(_get(TextField.class, s -> s.withId("token-name")), name);

        _click(_get(Button.class, s -> s.withId("token-create")));

        _assertNone(Div.class, s -> s.withId("secret-value"));
        type(_get(TextField.class, s -> s.withId("step-up-code")), TestTotp.wrong(secret, clock.instant()));
        _click(_get(Button.class, s -> s.withId("step-up-confirm")));
        assertThat(_get(TextField.class, s -> s.withId("step-up-code")).isInvalid())
                .isTrue();
        _assertNone(Div.class, s -> s.withId("secret-value"));

        type(_get(TextField.class, s -> s.withId("step-up-code")), TestTotp.next(secret, clock));
        _click(_get(Button.class, s -> s.withId("step-up-confirm")));

        assertThat(_get(Div.class, s -> s.withId("secret-value")).getText()).startsWith("kt_");
        assertThat(GridKt._getFormattedRow(tokensGrid(), rowOf(tokensGrid(), name)))
                .contains(name);
    }

    @Test
    void withoutTwoFactorSignInCreatingATokenPointsToSettingItUp() {
        login(unique("tokens-plain"), Role.ADMIN);
        UI.getCurrent().navigate("api-tokens");
        _click(_get(Button.class, s -> s.withId("tokens-new")));
        type(_get(TextField.class, s -> s.withId("token-name")), unique("shop"));

        _click(_get(Button.class, s -> s.withId("token-create")));

        _assertOne(Anchor.class, s -> s.withId("step-up-account"));
        _assertNone(Div.class, s -> s.withId("secret-value"));
    }

    @Test
    void tokenNeedsAName() {
        loginAsAdmin();
        UI.getCurrent().navigate("api-tokens");
        _click(_get(Button.class, s -> s.withId("tokens-new")));
        _click(_get(Button.class, s -> s.withId("token-create")));

        TextField name = _get(TextField.class, s -> s.withId("token-name"));
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).isEqualTo("Required");
    }

    @SuppressWarnings("unchecked")
    private static Grid<ApiToken> tokensGrid() {
        return _get(Grid.class, s -> s.withId("tokens-grid"));
    }

    private static int rowOf(Grid<ApiToken> grid, String name) {
        for (int i = 0; i < GridKt._size(grid); i++) {
            if (name.equals(GridKt._get(grid, i).getName())) {
                return i;
            }
        }
        throw new AssertionError("No token " + name + " in the grid");
    }
}
