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

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

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
    void ofTwoNodesStartingAtOnceOnlyTheFirstLoadsTheDemoData() throws Exception {
        String name = "two-nodes-" + System.nanoTime();
        jdbc.update("insert into demo_data (name, loaded_at) values ('marker-" + name + "', now())");
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch finish = new CountDownLatch(1);
        DemoData module = new DemoData() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void load(DemoContext context) {
                loads.incrementAndGet();
                try {
                    finish.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        var nodeA = new DemoDataLoader(List.of(module), jdbc, transactions, clock, locks, "Demo-Passw0rd-1");
        var nodeB = new DemoDataLoader(List.of(module), jdbc, transactions, clock, locks, "Demo-Passw0rd-1");

        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            CompletableFuture<Void> a =
                    CompletableFuture.runAsync(() -> nodeA.run(new DefaultApplicationArguments()), nodes);
            await().atMost(Duration.ofSeconds(10)).untilAtomic(loads, equalTo(1));
            CompletableFuture<Void> b =
                    CompletableFuture.runAsync(() -> nodeB.run(new DefaultApplicationArguments()), nodes);
            // while A is still loading, B waits for it instead of loading the same data a second time
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).untilAtomic(loads, equalTo(1));
            finish.countDown();
            CompletableFuture.allOf(a, b).get(30, TimeUnit.SECONDS);

            assertThat(loads).hasValue(1);
            assertThat(jdbc.queryForObject("select count(*) from demo_data where name = ?", Integer.class, name))
                    .isOne();
        } finally {
            finish.countDown();
            nodes.shutdownNow();
            // other tests here need a database that never got demo data
            jdbc.update("delete from demo_data where name in (?, ?)", name, "marker-" + name);
        }
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
