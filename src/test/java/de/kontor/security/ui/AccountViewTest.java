package de.kontor.security.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.PasswordField;
import de.kontor.KaribuTest;
import de.kontor.base.ui.HomeViewAccess;
import de.kontor.security.Role;
import de.kontor.security.UserAccount;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class AccountViewTest extends KaribuTest {

    @Autowired
    PasswordEncoder encoder;

    @Test
    void userChangesOwnPassword() {
        String username = unique("changer");
        login(username, Role.MEMBER);
        UI.getCurrent().navigate("account");

        fill(PASSWORD, "A-much-better-one-42", "A-much-better-one-42");

        assertThat(encoder.matches("A-much-better-one-42", passwordHashOf(username)))
                .isTrue();
    }

    @Test
    void wrongCurrentPasswordIsShownOnItsField() {
        String username = unique("changer");
        login(username, Role.MEMBER);
        UI.getCurrent().navigate("account");

        fill("not-my-password", "A-much-better-one-42", "A-much-better-one-42");

        PasswordField current = _get(PasswordField.class, s -> s.withId("account-current"));
        assertThat(current.isInvalid()).isTrue();
        assertThat(current.getErrorMessage()).isEqualTo("The current password is wrong.");
        assertThat(encoder.matches(PASSWORD, passwordHashOf(username))).isTrue();
    }

    @Test
    void tooShortOrMismatchedNewPasswordsAreRefused() {
        String username = unique("changer");
        login(username, Role.MEMBER);
        UI.getCurrent().navigate("account");

        fill(PASSWORD, "short", "short");
        PasswordField fresh = _get(PasswordField.class, s -> s.withId("account-new"));
        assertThat(fresh.isInvalid()).isTrue();
        assertThat(fresh.getErrorMessage()).isEqualTo("At least 10 characters");

        fill(PASSWORD, "Long-enough-pass-1", "Long-enough-pass-2");
        PasswordField repeat = _get(PasswordField.class, s -> s.withId("account-repeat"));
        assertThat(repeat.isInvalid()).isTrue();
        assertThat(repeat.getErrorMessage()).isEqualTo("The two new passwords differ.");
        assertThat(encoder.matches(PASSWORD, passwordHashOf(username))).isTrue();
    }

    @Test
    void aCommonPasswordIsRefusedOnItsField() {
        String username = unique("changer");
        login(username, Role.MEMBER);
        UI.getCurrent().navigate("account");

        fill(PASSWORD, "Passwort2024", "Passwort2024");

        PasswordField fresh = _get(PasswordField.class, s -> s.withId("account-new"));
        assertThat(fresh.isInvalid()).isTrue();
        assertThat(fresh.getErrorMessage()).contains("most common");
        assertThat(encoder.matches(PASSWORD, passwordHashOf(username))).isTrue();
    }

    @Test
    void userWithGeneratedPasswordIsKeptOnTheAccountPageUntilItIsChanged() {
        String username = unique("fresh");
        login(username, Role.MEMBER);
        loginAsAdmin();
        String generated =
                users.resetPassword(users.findByUsername(username).orElseThrow().getId());
        login(username, Role.MEMBER);

        UI.getCurrent().navigate("");
        _get(AccountView.class);
        _get(Paragraph.class, s -> s.withId("account-must-change"));

        fill(generated, "My-own-password-77", "My-own-password-77");
        UI.getCurrent().navigate("");

        _assertNone(AccountView.class);
        HomeViewAccess.assertShown();
        assertThat(users.findByUsername(username).map(UserAccount::isMustChangePassword))
                .contains(false);
    }

    private void fill(String current, String fresh, String repeat) {
        type(_get(PasswordField.class, s -> s.withId("account-current")), current);
        type(_get(PasswordField.class, s -> s.withId("account-new")), fresh);
        type(_get(PasswordField.class, s -> s.withId("account-repeat")), repeat);
        _click(_get(Button.class, s -> s.withId("account-change")));
    }

    private String passwordHashOf(String username) {
        return context.getBean(JdbcTemplate.class)
                .queryForObject("select password_hash from app_user where username = ?", String.class, username);
    }
}
