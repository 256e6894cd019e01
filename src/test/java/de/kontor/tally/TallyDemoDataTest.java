package de.kontor.tally;

import de.kontor.IntegrationTest;
import de.kontor.base.demo.DemoContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** Demo tally: members with tokens and bookings that never went below 0 at a terminal, one locked, a terminal. */
class TallyDemoDataTest extends IntegrationTest {

    @Autowired
    TallyService tally;

    @Autowired
    TallyDemoData demo;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void demoMembersHaveTokensBookingsAndATerminal() {
        transactions.executeWithoutResult(s -> demo.load(new DemoContext(new Random(1), "Demo-Passw0rd-1")));
        for (int n = 1; n <= 12; n++) {
            var person = tally.person(String.format("10000000%02d", n)).orElseThrow();
            assertThat(person.balance()).isNotNegative();
            assertThat(tally.tokens(person.id())).hasSize(1);
            assertThat(tally.ledgerCount(person.id())).isGreaterThan(1);
        }
        assertThat(tally.person("1000000012").orElseThrow().locked()).isTrue();
        assertThat(tally.apiUsers()).anyMatch(u -> u.name().equals("Terminal Küche") && u.activeKeys() == 1);
    }
}
