package de.kontor.security;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.transaction.annotation.Transactional;

/** Loads accounts for Spring Security. */
class KontorUserDetailsService implements UserDetailsService {

    private final UserAccountRepository users;

    KontorUserDetailsService(UserAccountRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) throws UsernameNotFoundException {
        UserAccount account = users.findByUsername(username.strip())
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        return toUserDetails(account);
    }

    static UserDetails toUserDetails(UserAccount account) {
        return new KontorPrincipal(account.getUsername(), account.getPasswordHash(), account.isEnabled(),
                account.getRoles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).toList(),
                account.getDisplayName());
    }
}
