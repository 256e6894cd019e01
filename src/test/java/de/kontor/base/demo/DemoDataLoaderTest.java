package de.kontor.base.demo;

import de.kontor.IntegrationTest;
import de.kontor.base.db.DatabaseLocks;
import de.kontor.security.UserService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class DemoDataLoaderTest extends IntegrationTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    UserService users;

    @Autowired
    DatabaseLocks locks;

    @Test
    void modulesDemoDataIsNotAddedToADatabaseWithRealWork() {
        // The shared test database has changes by users (other tests, or the record below).
        jdbc.update("insert into audit_log (occurred_at, username, channel, module, entity_type, action, summary) "
                + "values (now(), 'someone', 'UI', 'base', 'Thing', 'UPDATE', 'real work')");
        AtomicInteger loads = new AtomicInteger();
        DemoData module = demo("never-" + System.nanoTime(), loads);

        new DemoDataLoader(List.of(module), jdbc, transactions, clock, locks, "Demo-Passw0rd-1")
                .run(new DefaultApplicationArguments());

        assertThat(loads).hasValue(0);
    }

    @Test
    void eachModulesDemoDataIsLoadedOnceIntoADemoDatabase() {
        String name = "once-" + System.nanoTime();
        jdbc.update("insert into demo_data (name, loaded_at) values ('marker-" + name + "', now())");
        AtomicInteger loads = new AtomicInteger();
        DemoData module = demo(name, loads);
        var loader = new DemoDataLoader(List.of(module), jdbc, transactions, clock, locks, "Demo-Passw0rd-1");

        loader.run(new DefaultApplicationArguments());
        loader.run(new DefaultApplicationArguments());

        assertThat(loads).hasValue(1);
        assertThat(jdbc.queryForObject("select count(*) from demo_data where name = ?", Integer.class, name))
                .isOne();
    }

    @Test
    void securityDemoDataCreatesMembersWithTheDemoPassword() {
        DemoData security = context.getBeansOfType(DemoData.class).values().stream()
                .filter(d -> d.name().equals("security"))
                .findFirst()
                .orElseThrow();

        transactions.executeWithoutResult(s -> security.load(new DemoContext(new Random(1), "Demo-Passw0rd-1")));

        assertThat(users.findByUsername("mara.schmidt"))
                .hasValueSatisfying(u -> assertThat(u.getDisplayName()).isEqualTo("Mara Schmidt"));
        assertThat(users.findByUsername("lea.mueller"))
                .hasValueSatisfying(u -> assertThat(u.getDisplayName()).isEqualTo("Lea Müller"));
    }

    private static DemoData demo(String name, AtomicInteger loads) {
        return new DemoData() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void load(DemoContext context) {
                loads.incrementAndGet();
            }
        };
    }
}
