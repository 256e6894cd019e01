package de.kontor.tally;

import de.kontor.IntegrationTest;
import de.kontor.base.demo.DemoContext;
import de.kontor.security.NewUser;
import de.kontor.security.Role;
import de.kontor.security.UserService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.EnumSet;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Demo tally: members with tokens and bookings that never went below 0 at a terminal, one locked, a terminal, and
 * tally accounts for the demo members who sign in by name.
 */
class TallyDemoDataTest extends IntegrationTest {

    @Autowired
    TallyService tally;

    @Autowired
    TallyDemoData demo;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    UserService users;

    @Test
    void demoMembersHaveTokensBookingsAndATerminal() {
        // one of the demo accounts the security module's demo data creates
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "test-setup", null, List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
        if (users.findByUsername("mara.schmidt").isEmpty()) {
            users.createUser(
                    new NewUser("mara.schmidt", "Mara Schmidt", null, EnumSet.of(Role.MEMBER), "Demo-Passw0rd-1"));
        }
        transactions.executeWithoutResult(s -> demo.load(new DemoContext(new Random(1), "Demo-Passw0rd-1")));
        for (int n = 1; n <= 12; n++) {
            var person = tally.person(String.format("10000000%02d", n)).orElseThrow();
            assertThat(person.balance()).isNotNegative();
            assertThat(tally.tokens(person.id())).hasSize(1);
            assertThat(tally.ledgerCount(person.id())).isGreaterThan(1);
        }
        assertThat(tally.person("1000000012").orElseThrow().locked()).isTrue();
        assertThat(tally.apiUsers()).anyMatch(u -> u.name().equals("Terminal Küche") && u.activeKeys() == 1);

        // the demo member signing in by name finds a tally account with money on it
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        "mara.schmidt", null, List.of(new SimpleGrantedAuthority(Role.MEMBER.authority()))));
        try {
            var own = tally.own().orElseThrow();
            assertThat(own.firstName()).isEqualTo("Mara");
            assertThat(own.balance()).isPositive();
            assertThat(tally.ledgerCount(own.id())).isGreaterThan(1);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
