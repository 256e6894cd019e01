package de.kontor.security;

import java.util.List;

/**
 * Links a module adds below the login form (e.g. "Register", "Forgot password?"), so the login page needs
 * no knowledge of the modules. Implemented by Spring beans; asked at every visit of the login page.
 */
public interface LoginLinks {

    /** A link: element id, message key of its text, route to open. */
    record Link(String id, String messageKey, String route) {}

    List<Link> links();
}
