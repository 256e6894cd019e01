package de.kontor.security;

import de.kontor.base.DisplayNamed;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

import java.util.Collection;

/** The signed-in account as Spring Security holds it, with the name the UI greets. */
class KontorPrincipal extends User implements DisplayNamed {

    private final String displayName;

    KontorPrincipal(
            String username,
            String password,
            boolean enabled,
            Collection<? extends GrantedAuthority> authorities,
            String displayName) {
        super(username, password, enabled, true, true, true, authorities);
        this.displayName = displayName;
    }

    @Override
    public String displayName() {
        return displayName;
    }
}
