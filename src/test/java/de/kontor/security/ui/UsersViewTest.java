package de.kontor.security.ui;

import com.github.mvysny.kaributesting.v10.ContextMenuKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import de.kontor.KaribuTest;
import de.kontor.TestTotp;
import de.kontor.base.ui.SecretDialog;
import de.kontor.security.Role;
import de.kontor.security.UserAccount;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class UsersViewTest extends KaribuTest {

    @BeforeEach
    void openView() {
        loginAsAdmin();
        UI.getCurrent().navigate("users");
    }

    @Test
    void createsAUserWithAGeneratedPasswordShownOnce() {
        String username = unique("new.user");
        _click(_get(Button.class, s -> s.withId("users-new")));
        type(_get(TextField.class, s -> s.withId("user-username")), username);
        type(_get(TextField.class, s -> s.withId("user-display-name")), "Grete Übermann");
        type(_get(EmailField.class, s -> s.withId("user-email")), "grete@example.org");
        _get(CheckboxGroup.class, s -> s.withId("user-roles")).setValue(Set.of(Role.MEMBER));
        _click(_get(Button.class, s -> s.withId("user-save")));

        String secret = _get(Div.class, s -> s.withId("secret-value")).getText();
        assertThat(secret).hasSize(16);
        UserAccount created = users.findByUsername(username).orElseThrow();
        assertThat(created.getDisplayName()).isEqualTo("Grete Übermann");
        assertThat(created.getRoles()).containsExactly(Role.MEMBER);
        assertThat(created.isMustChangePassword()).isTrue();
        _get(SecretDialog.class);

        search(username);
        assertThat(GridKt._size(grid())).isEqualTo(1);
        assertThat(GridKt._getFormattedRow(grid(), 0)).contains(username, "Grete Übermann", "grete@example.org");
    }

    @Test
    void saveStaysDisabledWhileTheFormIsInvalidAndFieldsTellWhy() {
        _click(_get(Button.class, s -> s.withId("users-new")));
        Button save = _get(Button.class, s -> s.withId("user-save"));
        TextField username = _get(TextField.class, s -> s.withId("user-username"));

        type(username, "bad name!");
        type(_get(TextField.class, s -> s.withId("user-display-name")), "Someone");

        assertThat(username.isInvalid()).isTrue();
        assertThat(username.getErrorMessage()).contains("Letters, digits");
        assertThat(save.isEnabled()).isFalse();

        type(username, unique("good.name"));
        assertThat(username.isInvalid()).isFalse();
        assertThat(save.isEnabled()).isTrue();
    }

    @Test
    void takenUserNameIsReportedOnTheField() {
        String existing = unique("taken");
        login(existing, Role.MEMBER);
        loginAsAdmin();
        UI.getCurrent().navigate("users");

        _click(_get(Button.class, s -> s.withId("users-new")));
        type(_get(TextField.class, s -> s.withId("user-username")), existing);
        type(_get(TextField.class, s -> s.withId("user-display-name")), "Duplicate");
        _click(_get(Button.class, s -> s.withId("user-save")));

        TextField username = _get(TextField.class, s -> s.withId("user-username"));
        assertThat(username.isInvalid()).isTrue();
        assertThat(username.getErrorMessage()).isEqualTo("The user name " + existing + " is taken.");
    }

    @Test
    void tooShortChosenPasswordIsRefused() {
        _click(_get(Button.class, s -> s.withId("users-new")));
        type(_get(TextField.class, s -> s.withId("user-username")), unique("pw"));
        type(_get(TextField.class, s -> s.withId("user-display-name")), "Pw");
        @SuppressWarnings("unchecked")
        RadioButtonGroup<Boolean> mode = _get(RadioButtonGroup.class, s -> s.withId("user-password-mode"));
        mode.setValue(false);
        PasswordField password = _get(PasswordField.class, s -> s.withId("user-password"));
        type(password, "short");

        assertThat(password.isInvalid()).isTrue();
        assertThat(_get(Button.class, s -> s.withId("user-save")).isEnabled()).isFalse();
    }

    @Test
    void disablingAUserNeedsConfirmationAndIsShownInTheGrid() {
        String username = unique("leaving");
        login(username, Role.MEMBER);
        loginAsAdmin();
        UI.getCurrent().navigate("users");
        search(username);

        assertThat(users.findByUsername(username).orElseThrow().isEnabled()).isTrue();
        rowAction(0, "user-toggle");
        ConfirmDialog confirm = _get(ConfirmDialog.class, s -> s.withId("user-toggle-confirm"));
        ConfirmDialogKt._fireConfirm(confirm);

        assertThat(users.findByUsername(username).orElseThrow().isEnabled()).isFalse();
        assertThat(GridKt._getFormattedRow(grid(), 0)).anyMatch(cell -> cell.contains("text='Disabled'"));
    }

    @Test
    void nobodyCanDisableTheirOwnAccount() {
        search(ADMIN);
        rowAction(0, "user-toggle");
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, s -> s.withId("user-toggle-confirm")));

        NotificationsKt.expectNotifications("You cannot disable your own account.");
        assertThat(users.findByUsername(ADMIN).orElseThrow().isEnabled()).isTrue();
    }

    @Test
    void resettingAPasswordShowsTheNewOneOnce() {
        String username = unique("forgetful");
        login(username, Role.MEMBER);
        loginAsAdmin();
        UI.getCurrent().navigate("users");
        search(username);

        rowAction(0, "user-reset");
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, s -> s.withId("user-reset-confirm")));

        assertThat(_get(Div.class, s -> s.withId("secret-value")).getText()).hasSize(16);
        assertThat(users.findByUsername(username).orElseThrow().isMustChangePassword())
                .isTrue();
    }

    @Test
    void editingRolesIsSavedAndAudited() {
        String username = unique("promoted");
        login(username, Role.MEMBER);
        loginAsAdmin();
        UI.getCurrent().navigate("users");
        search(username);
        rowAction(0, "user-edit");

        _get(CheckboxGroup.class, s -> s.withId("user-roles")).setValue(Set.of(Role.MEMBER, Role.ADMIN));
        _click(_get(Button.class, s -> s.withId("user-save")));

        assertThat(users.findByUsername(username).orElseThrow().getRoles())
                .isEqualTo(EnumSet.of(Role.ADMIN, Role.MEMBER));
    }

    @Test
    void anAdminResetsAnotherUsersTwoFactorSignInAfterConfirmingTheirOwn() {
        String member = unique("lost-phone");
        login(member, Role.MEMBER);
        TestTotp.enrolCurrentUser(users, clock);
        login(unique("helpdesk"), Role.ADMIN);
        String secret = TestTotp.enrolCurrentUser(users, clock);
        clock.advance(Duration.ofMinutes(11));
        UI.getCurrent().navigate("users");
        search(member);

        rowAction(0, "user-reset-2fa");
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, s -> s.withId("user-reset-2fa-confirm")));
        assertThat(users.findByUsername(member).orElseThrow().hasTwoFactor()).isTrue();
        type(_get(TextField.class, s -> s.withId("step-up-code")), TestTotp.next(secret, clock));
        _click(_get(Button.class, s -> s.withId("step-up-confirm")));

        assertThat(users.findByUsername(member).orElseThrow().hasTwoFactor()).isFalse();
    }

    @Test
    void theAdminSettingForTwoFactorSignInIsStored() {
        Checkbox required = _get(Checkbox.class, s -> s.withId("users-require-2fa"));
        assertThat(required.getValue()).isFalse();
        try {
            type(required, true);
            assertThat(users.twoFactorRequiredForAdmins()).isTrue();
        } finally {
            users.requireTwoFactorForAdmins(false);
        }
    }

    private void rowAction(int row, String id) {
        MenuBar actions = (MenuBar) GridKt._getCellComponent(grid(), row, "actions");
        ContextMenuKt._clickItemWithID(actions, id);
    }

    private void search(String text) {
        type(_get(TextField.class, s -> s.withId("users-search")), text);
    }

    @SuppressWarnings("unchecked")
    private Grid<UserAccount> grid() {
        return _get(Grid.class, s -> s.withId("users-grid"));
    }
}
