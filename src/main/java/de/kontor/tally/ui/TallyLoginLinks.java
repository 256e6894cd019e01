package de.kontor.tally.ui;

import de.kontor.security.LoginLinks;
import de.kontor.tally.TallyService;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** "Forgot password?" always, "Register" while self-registration is switched on. */
@Component
class TallyLoginLinks implements LoginLinks {

    private final TallyService tally;

    TallyLoginLinks(TallyService tally) {
        this.tally = tally;
    }

    @Override
    public List<Link> links() {
        List<Link> links = new ArrayList<>();
        links.add(new Link("login-forgot", "tally.forgot.link", "forgot-password"));
        if (tally.settings().selfRegistration()) {
            links.add(new Link("login-register", "tally.register.link", "register"));
        }
        return links;
    }
}
