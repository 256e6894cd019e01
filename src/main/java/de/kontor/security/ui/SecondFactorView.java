package de.kontor.security.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import de.kontor.security.LoginLockedException;
import de.kontor.security.PendingSignIn;
import de.kontor.security.SecondFactorException;
import de.kontor.security.UserService;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import java.time.Clock;
import java.time.Duration;

/**
 * The second step of signing in, for accounts with two-factor sign-in: after the right password the login
 * form sends the browser here, with the pending sign-in kept in the session (it grants nothing). A current
 * code or an unused recovery code ends the sign-in; wrong codes count toward the login lock. A pending
 * sign-in older than five minutes starts over at the login page.
 */
@Route(value = SecondFactorView.ROUTE, autoLayout = false)
@AnonymousAllowed
class SecondFactorView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    static final String ROUTE = "login/code";
    /** The session attribute holding the {@link PendingSignIn}. */
    static final String PENDING = "kontor.pendingSignIn";

    private static final Duration VALID_FOR = Duration.ofMinutes(5);

    private final UserService users;
    private final Clock clock;
    private final TextField code = new TextField();
    private @Nullable PendingSignIn pending;

    SecondFactorView(UserService users, Clock clock) {
        this.users = users;
        this.clock = clock;
        addClassName("kontor-login");
        setSizeFull();
        Div brand = new Div(VaadinIcon.OFFICE.create(), new Span("Kontor"));
        brand.addClassName("kontor-login-brand");
        code.setLabel(getTranslation("secondFactor.code"));
        code.setId("second-factor-code");
        code.setHelperText(getTranslation("secondFactor.help"));
        code.setMaxLength(40);
        code.setAutofocus(true);
        code.getElement().setAttribute("autocomplete", "one-time-code");
        Button submit = new Button(getTranslation("login.submit"), e -> submit());
        submit.setId("second-factor-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickShortcut(Key.ENTER);
        Anchor back = new Anchor("login", getTranslation("secondFactor.back"));
        back.setId("second-factor-back");
        Div card = new Div(
                new H2(getTranslation("secondFactor.title")),
                new Paragraph(getTranslation("secondFactor.intro")),
                code,
                submit,
                back);
        card.addClassName("kontor-card");
        add(brand, card);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        VaadinSession session = VaadinSession.getCurrent();
        Object stored = session == null ? null : session.getSession().getAttribute(PENDING);
        if (stored instanceof PendingSignIn p
                && p.passwordCheckedAt().plus(VALID_FOR).isAfter(clock.instant())) {
            pending = p;
        } else {
            forget();
            event.forwardTo(LoginView.class);
        }
    }

    private void submit() {
        PendingSignIn current = pending;
        if (current == null || !current.passwordCheckedAt().plus(VALID_FOR).isAfter(clock.instant())) {
            forget();
            getUI().ifPresent(ui -> ui.getPage().setLocation("login"));
            return;
        }
        try {
            Authentication authentication = users.completeSignIn(current, code.getValue());
            forget();
            signIn(authentication);
            getUI().ifPresent(ui -> ui.getPage().setLocation("."));
        } catch (LoginLockedException e) {
            forget();
            getUI().ifPresent(ui -> ui.getPage().setLocation("login?locked=" + e.minutesLeft()));
        } catch (SecondFactorException e) {
            code.clear();
            code.setErrorMessage(getTranslation("twoFactor.error.invalid"));
            code.setInvalid(true);
        }
    }

    /** Keeps the finished sign-in in the session, as the login form does for accounts without a second factor. */
    private static void signIn(Authentication authentication) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        VaadinServletResponse response = VaadinServletResponse.getCurrent();
        if (request != null && response != null) {
            new HttpSessionSecurityContextRepository()
                    .saveContext(context, request.getHttpServletRequest(), response.getHttpServletResponse());
        }
    }

    private void forget() {
        pending = null;
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null) {
            session.getSession().removeAttribute(PENDING);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("secondFactor.title") + " · Kontor";
    }
}
