package de.kontor.security.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import de.kontor.base.db.DatabaseUnavailable;
import de.kontor.base.ui.ComponentTexts;
import de.kontor.security.LoginLinks;
import de.kontor.security.SecurityProperties;

import java.util.List;
import java.util.Map;

/**
 * The only page anonymous users reach. Posts to Spring Security's form login; comes back with
 * {@code ?error} after a wrong password, {@code ?locked=<minutes>} while login is throttled, {@code ?blocked}
 * when the address may not sign in,
 * {@code ?expired} when the form's CSRF token was missing or stale, and {@code ?unavailable} when the
 * password could not be checked because the database is unavailable (then it says so, also when it
 * cannot read its own links), and {@code ?ended} when the session was ended (by its user elsewhere or by an
 * admin).
 */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final LoginForm form = new LoginForm();
    private LoginI18n i18n = LoginI18n.createDefault();

    private final Div links = new Div();
    private final List<LoginLinks> linkProviders;

    LoginView(List<LoginLinks> linkProviders, SecurityProperties properties) {
        this.linkProviders = linkProviders;
        addClassName("kontor-login");
        setSizeFull();
        Div brand = new Div(VaadinIcon.OFFICE.create(), new Span("Kontor"));
        brand.addClassName("kontor-login-brand");
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.setId("login-form");
        links.setId("login-links");
        links.addClassName("kontor-toolbar");
        add(brand, form);
        if (properties.rememberMe()) {
            // The login form posts only user name and password: the choice waits in the session for it.
            Checkbox rememberMe = new Checkbox(getTranslation("login.rememberMe"));
            rememberMe.setId("login-remember-me");
            rememberMe.addValueChangeListener(e -> VaadinSession.getCurrent()
                    .getSession()
                    .setAttribute(SecurityProperties.REMEMBER_ME_REQUESTED, e.getValue()));
            add(rememberMe);
        }
        add(links);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Map<String, List<String>> params =
                event.getLocation().getQueryParameters().getParameters();
        LoginI18n i18n = ComponentTexts.login(this, getLocale());
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        List<LoginLinks.Link> shownLinks;
        boolean databaseUnavailable = params.containsKey("unavailable");
        try {
            shownLinks = linkProviders.stream().flatMap(p -> p.links().stream()).toList();
        } catch (RuntimeException e) {
            if (!DatabaseUnavailable.isCause(e)) {
                throw e;
            }
            shownLinks = List.of();
            databaseUnavailable = true;
        }
        if (databaseUnavailable) {
            error.setTitle(getTranslation("login.unavailable.title"));
            error.setMessage(getTranslation("login.error.unavailable"));
            form.setError(true);
        } else if (params.containsKey("blocked")) {
            error.setTitle(getTranslation("login.blocked.title"));
            error.setMessage(getTranslation("login.error.blocked"));
            form.setError(true);
        } else if (params.containsKey("locked")) {
            String minutes =
                    params.get("locked").isEmpty() ? "15" : params.get("locked").getFirst();
            error.setTitle(getTranslation("login.locked.title"));
            error.setMessage(getTranslation("login.error.locked", minutes.replaceAll("[^0-9]", "")));
            form.setError(true);
        } else if (params.containsKey(EndedSessionFilter.ENDED_PARAMETER)) {
            error.setTitle(getTranslation("session.signedOut.title"));
            error.setMessage(getTranslation("session.signedOut.message"));
            form.setError(true);
        } else if (params.containsKey("expired")) {
            error.setTitle(getTranslation("login.expired.title"));
            error.setMessage(getTranslation("login.error.expired"));
            form.setError(true);
        } else if (params.containsKey("error")) {
            form.setError(true);
        }
        form.setI18n(i18n);
        this.i18n = i18n;
        links.removeAll();
        shownLinks.forEach(link -> {
            Anchor anchor = new Anchor(link.route(), getTranslation(link.messageKey()));
            anchor.setId(link.id());
            links.add(anchor);
        });
    }

    /** The texts the form shows now. */
    LoginI18n i18n() {
        return i18n;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title") + " · Kontor";
    }
}
