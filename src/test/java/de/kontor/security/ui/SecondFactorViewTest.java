package de.kontor.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.server.VaadinSession;
import de.kontor.KaribuTest;
import de.kontor.TestTotp;
import de.kontor.security.PendingSignIn;
import de.kontor.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import java.time.Duration;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The second step of signing in, with a pending sign-in made by the real authentication manager. */
class SecondFactorViewTest extends KaribuTest {

    @Autowired
    AuthenticationManager manager;

    @AfterEach
    void forget() {
        forgetLoginFailures();
    }

    @Test
    void aCurrentCodeFinishesThePendingSignInAndAWrongOneDoesNot() {
        String user = unique("second-step");
        String secret = enrolled(user);
        VaadinSession.getCurrent().getSession().setAttribute(SecondFactorView.PENDING, pendingSignIn(user));
        navigate(SecondFactorView.ROUTE);

        type(_get(TextField.class, s -> s.withId("second-factor-code")), TestTotp.wrong(secret, clock.instant()));
        _click(_get(Button.class, s -> s.withId("second-factor-submit")));

        TextField code = _get(TextField.class, s -> s.withId("second-factor-code"));
        assertThat(code.isInvalid()).isTrue();
        assertThat(code.getErrorMessage()).isEqualTo("The code is wrong, expired, or was used already.");
        assertThat(signedIn()).isNull();

        type(code, TestTotp.next(secret, clock));
        _click(_get(Button.class, s -> s.withId("second-factor-submit")));

        SecurityContext context = signedIn();
        assertThat(context).isNotNull();
        assertThat(context.getAuthentication().getName()).isEqualTo(user);
        assertThat(context.getAuthentication().getAuthorities())
                .extracting(Object::toString)
                .containsExactly("ROLE_MEMBER");
        assertThat(VaadinSession.getCurrent().getSession().getAttribute(SecondFactorView.PENDING))
                .isNull();
    }

    @Test
    void withoutAPendingSignInThePageShowsTheLoginForm() {
        navigate(SecondFactorView.ROUTE);

        _assertOne(LoginForm.class);
    }

    @Test
    void aPendingSignInOlderThanFiveMinutesStartsOver() {
        String user = unique("slow-step");
        enrolled(user);
        VaadinSession.getCurrent().getSession().setAttribute(SecondFactorView.PENDING, pendingSignIn(user));
        clock.advance(Duration.ofMinutes(6));

        navigate(SecondFactorView.ROUTE);

        _assertOne(LoginForm.class);
        assertThat(VaadinSession.getCurrent().getSession().getAttribute(SecondFactorView.PENDING))
                .isNull();
    }

    private String enrolled(String user) {
        login(user, Role.MEMBER);
        String secret = TestTotp.enrolCurrentUser(users, clock);
        logout();
        return secret;
    }

    private PendingSignIn pendingSignIn(String user) {
        return (PendingSignIn)
                manager.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(user, PASSWORD));
    }

    private static SecurityContext signedIn() {
        return (SecurityContext) VaadinSession.getCurrent()
                .getSession()
                .getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
    }
}
