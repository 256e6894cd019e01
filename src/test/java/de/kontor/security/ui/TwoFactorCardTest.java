package de.kontor.security.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import de.kontor.KaribuTest;
import de.kontor.TestTotp;
import de.kontor.security.Role;
import org.junit.jupiter.api.Test;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** Two-factor sign-in on "My account", and the obligation for admins. */
class TwoFactorCardTest extends KaribuTest {

    @Test
    void setUpShowsAQrCodeAndTheKeyAndIsConfirmedWithACode() {
        String user = unique("card");
        login(user, Role.MEMBER);
        UI.getCurrent().navigate("account");

        _click(_get(Button.class, s -> s.withId("totp-start")));

        _assertOne(Div.class, s -> s.withId("totp-qr"));
        String secret = _get(Span.class, s -> s.withId("totp-secret")).getText();
        assertThat(secret).matches("[A-Z2-7]{32}");
        type(_get(TextField.class, s -> s.withId("totp-code")), TestTotp.wrong(secret, clock.instant()));
        _click(_get(Button.class, s -> s.withId("totp-confirm")));
        assertThat(_get(TextField.class, s -> s.withId("totp-code")).isInvalid())
                .isTrue();
        assertThat(users.findByUsername(user).orElseThrow().hasTwoFactor()).isFalse();

        type(_get(TextField.class, s -> s.withId("totp-code")), TestTotp.next(secret, clock));
        _click(_get(Button.class, s -> s.withId("totp-confirm")));

        assertThat(_get(Div.class, s -> s.withId("secret-value")).getText().split("\n"))
                .hasSize(10);
        assertThat(users.findByUsername(user).orElseThrow().hasTwoFactor()).isTrue();
        assertThat(_get(Paragraph.class, s -> s.withId("totp-state")).getText()).contains("Recovery codes left: 10");
    }

    @Test
    void switchingOffNeedsThePasswordAndACode() {
        String user = unique("card-off");
        login(user, Role.MEMBER);
        String secret = TestTotp.enrolCurrentUser(users, clock);
        UI.getCurrent().navigate("account");

        type(_get(PasswordField.class, s -> s.withId("totp-off-password")), "wrong-password");
        type(_get(TextField.class, s -> s.withId("totp-off-code")), TestTotp.next(secret, clock));
        _click(_get(Button.class, s -> s.withId("totp-off")));
        assertThat(_get(PasswordField.class, s -> s.withId("totp-off-password")).isInvalid())
                .isTrue();

        type(_get(PasswordField.class, s -> s.withId("totp-off-password")), PASSWORD);
        type(_get(TextField.class, s -> s.withId("totp-off-code")), TestTotp.next(secret, clock));
        _click(_get(Button.class, s -> s.withId("totp-off")));

        assertThat(users.findByUsername(user).orElseThrow().hasTwoFactor()).isFalse();
        _assertOne(Button.class, s -> s.withId("totp-start"));
    }

    @Test
    void whenAdminsMustHaveItAnAdminWithoutItIsSentToSetItUp() {
        loginAsAdmin();
        users.requireTwoFactorForAdmins(true);
        try {
            login(unique("must-enrol"), Role.ADMIN);
            setUpUiKeepingLogin();

            UI.getCurrent().navigate("users");

            assertThat(_get(Paragraph.class, s -> s.withId("totp-state")).getText())
                    .isEqualTo("Admins must sign in with two factors. Set it up now to go on.");
            _assertOne(Button.class, s -> s.withId("totp-start"));
        } finally {
            loginAsAdmin();
            users.requireTwoFactorForAdmins(false);
        }
    }
}
