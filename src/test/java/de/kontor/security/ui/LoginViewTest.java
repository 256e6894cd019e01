package de.kontor.security.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.router.QueryParameters;
import de.kontor.KaribuTest;
import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Map;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class LoginViewTest extends KaribuTest {

    @Test
    void plainLoginPageShowsNoError() {
        UI.getCurrent().navigate("login");

        LoginForm form = _get(LoginForm.class);
        assertThat(form.isError()).isFalse();
        assertThat(form.getAction()).isEqualTo("login");
    }

    @Test
    void staySignedInIsNotOfferedUnlessSwitchedOn() {
        UI.getCurrent().navigate("login");

        _assertNone(Checkbox.class, s -> s.withId("login-remember-me"));
    }

    @Test
    void afterItsSessionWasEndedTheFormSaysSo() {
        UI.getCurrent().navigate("login", QueryParameters.simple(Map.of("ended", "")));

        LoginForm form = _get(LoginForm.class);
        assertThat(form.isError()).isTrue();
        assertThat(_get(LoginView.class).i18n().getErrorMessage().getTitle()).isEqualTo("You were signed out");
    }

    @Test
    void afterAWrongPasswordTheFormSaysSo() {
        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));

        LoginForm form = _get(LoginForm.class);
        assertThat(form.isError()).isTrue();
        assertThat(_get(LoginView.class).i18n().getErrorMessage().getMessage())
                .isEqualTo("Wrong user name or password.");
    }

    @Test
    void whileLockedTheFormSaysForHowLong() {
        UI.getCurrent().navigate("login", QueryParameters.of("locked", "12"));

        LoginForm form = _get(LoginForm.class);
        assertThat(form.isError()).isTrue();
        assertThat(_get(LoginView.class).i18n().getErrorMessage().getTitle()).isEqualTo("Too many failed attempts");
        assertThat(_get(LoginView.class).i18n().getErrorMessage().getMessage()).contains("Try again in 12 minutes");
    }

    @Test
    void whenThePasswordCouldNotBeCheckedTheFormSaysTheDatabaseIsUnavailable() {
        UI.getCurrent().navigate("login", QueryParameters.of("unavailable", ""));

        LoginForm form = _get(LoginForm.class);
        assertThat(form.isError()).isTrue();
        assertThat(_get(LoginView.class).i18n().getErrorMessage().getTitle()).isEqualTo("Database unavailable");
        assertThat(_get(LoginView.class).i18n().getErrorMessage().getMessage())
                .contains("cannot reach its database")
                .doesNotContain("Wrong");
    }

    @Test
    void germanBrowsersGetAGermanLoginPage() {
        setUpUi(Locale.GERMANY);
        UI.getCurrent().navigate("login", QueryParameters.of("error", ""));

        LoginForm form = _get(LoginForm.class);
        assertThat(_get(LoginView.class).i18n().getForm().getTitle()).isEqualTo("Anmelden");
        assertThat(_get(LoginView.class).i18n().getErrorMessage().getMessage())
                .isEqualTo("Benutzername oder Passwort ist falsch.");
    }
}
