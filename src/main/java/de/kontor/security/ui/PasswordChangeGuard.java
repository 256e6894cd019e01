package de.kontor.security.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import de.kontor.security.UserAccount;
import de.kontor.security.UserService;
import org.springframework.stereotype.Component;

import java.util.function.Predicate;

/**
 * A user whose password was generated (first admin, new user, reset) goes to "My account" until the
 * password is changed; so does an admin without two-factor sign-in while admins must have it, until they
 * set it up. The answer is kept in the session so the check costs one query per session.
 */
@Component
class PasswordChangeGuard implements VaadinServiceInitListener {

    static final String MUST_CHANGE = "kontor.mustChangePassword";
    static final String MUST_ENROL = "kontor.mustEnrolTwoFactor";

    private final UserService users;

    PasswordChangeGuard(UserService users) {
        this.users = users;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(this::check));
    }

    private void check(BeforeEnterEvent event) {
        if (event.getNavigationTarget() == AccountView.class
                || event.getNavigationTarget() == LoginView.class
                || event.getNavigationTarget() == SecondFactorView.class) {
            return;
        }
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null) {
            return;
        }
        if (flag(session, MUST_CHANGE, UserAccount::isMustChangePassword)
                || flag(session, MUST_ENROL, users::mustEnrolTwoFactor)) {
            event.rerouteTo(AccountView.class);
        }
    }

    private boolean flag(VaadinSession session, String attribute, Predicate<UserAccount> test) {
        if (session.getAttribute(attribute) instanceof Boolean cached) {
            return cached;
        }
        var me = users.current();
        boolean value = me.map(test::test).orElse(false);
        if (me.isPresent()) {
            session.setAttribute(attribute, value);
        }
        return value;
    }
}
