package de.kontor.security.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.VaadinSession;
import de.kontor.security.UserAccount;
import de.kontor.security.UserService;
import org.springframework.stereotype.Component;

/**
 * A user whose password was generated (first admin, new user, reset) goes to "My account" until the
 * password is changed. The answer is kept in the session so the check costs one query per session.
 */
@Component
class PasswordChangeGuard implements VaadinServiceInitListener {

    static final String MUST_CHANGE = "kontor.mustChangePassword";

    private final UserService users;

    PasswordChangeGuard(UserService users) {
        this.users = users;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(this::check));
    }

    private void check(BeforeEnterEvent event) {
        if (event.getNavigationTarget() == AccountView.class || event.getNavigationTarget() == LoginView.class) {
            return;
        }
        VaadinSession session = VaadinSession.getCurrent();
        if (session == null) {
            return;
        }
        Object cached = session.getAttribute(MUST_CHANGE);
        boolean mustChange;
        if (cached instanceof Boolean b) {
            mustChange = b;
        } else {
            mustChange = users.current().map(UserAccount::isMustChangePassword).orElse(false);
            if (users.current().isPresent()) {
                session.setAttribute(MUST_CHANGE, mustChange);
            }
        }
        if (mustChange) {
            event.rerouteTo(AccountView.class);
        }
    }
}
