package de.kontor.security;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Optional;

/** Loads accounts for Spring Security. */
class KontorUserDetailsService implements UserDetailsService {

    private final UserAccountRepository users;

    KontorUserDetailsService(UserAccountRepository users) {
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) throws UsernameNotFoundException {
        String name = username.strip();
        UserAccount account = users.findByUsername(name)
                .or(() -> byEmail(name))
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        return toUserDetails(account);
    }

    /**
     * The account a typed login name means (user name, or e-mail address of exactly one account): failed
     * logins count per account, whichever way it was named. Unknown names count as typed.
     */
    @Transactional(readOnly = true)
    public String accountKey(String typed) {
        String name = typed.strip();
        return users.findByUsername(name)
                .or(() -> byEmail(name))
                .map(UserAccount::getUsername)
                .orElse(name);
    }

    /** Members may sign in with their e-mail address too, when exactly one account has it. */
    private Optional<UserAccount> byEmail(String name) {
        if (!name.contains("@")) {
            return Optional.empty();
        }
        List<UserAccount> found = users.findByEmailIgnoreCase(name);
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    static UserDetails toUserDetails(UserAccount account) {
        return new KontorPrincipal(
                account.getUsername(),
                account.getPasswordHash(),
                account.isEnabled(),
                account.getRoles().stream()
                        .map(r -> new SimpleGrantedAuthority(r.authority()))
                        .toList(),
                account.getDisplayName());
    }
}
