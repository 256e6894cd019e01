package de.kontor.base.demo;

import de.kontor.base.KontorProperties;
import de.kontor.base.db.DatabaseLocks;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/** In demo mode, loads every module's sample data that this database has not seen yet. */
@Component
@ConditionalOnProperty(name = "kontor.demo.enabled", havingValue = "true")
@Order(100)
class DemoDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
    private static final String LOCK = "kontor_demo_data";
    private static final Duration LOCK_WAIT = Duration.ofMinutes(10);

    private final List<DemoData> modules;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final DatabaseLocks locks;
    private final @Nullable String configuredPassword;

    @Autowired
    DemoDataLoader(
            List<DemoData> modules,
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            Clock clock,
            DatabaseLocks locks,
            KontorProperties properties) {
        this(modules, jdbc, transactions, clock, locks, properties.demo().password());
    }

    DemoDataLoader(
            List<DemoData> modules,
            JdbcTemplate jdbc,
            TransactionTemplate transactions,
            Clock clock,
            DatabaseLocks locks,
            @Nullable String configuredPassword) {
        this.modules = modules;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.locks = locks;
        this.configuredPassword = configuredPassword;
    }

    /**
     * Under a database lock: of several nodes starting at once on a fresh database, the first loads the
     * sample data and the others find it loaded.
     */
    @Override
    public void run(ApplicationArguments args) {
        locks.run(LOCK, LOCK_WAIT, this::loadPending);
    }

    private void loadPending() {
        List<DemoData> pending = modules.stream()
                .sorted(Comparator.comparingInt(DemoData::order).thenComparing(DemoData::name))
                .filter(m ->
                        jdbc.queryForObject("select count(*) from demo_data where name = ?", Integer.class, m.name())
                                == 0)
                .toList();
        if (pending.isEmpty()) {
            return;
        }
        if (!demoDatabase()) {
            log.warn("Demo mode is on, but this database already holds real work (changes by users in the "
                    + "audit log): no sample data is added. Use a fresh data directory for a demo.");
            return;
        }
        String configured = configuredPassword;
        boolean generated = configured == null || configured.isBlank();
        String password = configured == null || configured.isBlank() ? generatePassword() : configured;
        DemoContext context = new DemoContext(new Random(20261124L), password);
        for (DemoData module : pending) {
            transactions.executeWithoutResult(status -> {
                module.load(context);
                jdbc.update(
                        "insert into demo_data (name, loaded_at) values (?, ?)",
                        module.name(),
                        Timestamp.from(clock.instant()));
            });
            log.info("Demo data loaded: {}", module.name());
        }
        if (generated) {
            log.warn("""

                    ==================================================================
                      Demo mode: sample accounts were created with the password
                        {}
                      (shown once; set KONTOR_DEMO_PASSWORD to choose it).
                    ==================================================================""", password);
        }
    }

    /**
     * A database is fit for sample data if it got sample data before, or if nobody has changed anything
     * in it yet (only Kontor itself, e.g. creating the first admin, and login attempts in the audit log).
     */
    private boolean demoDatabase() {
        Integer loadedBefore = jdbc.queryForObject("select count(*) from demo_data", Integer.class);
        if (loadedBefore != null && loadedBefore > 0) {
            return true;
        }
        Integer changesByPeople = jdbc.queryForObject(
                "select count(*) from audit_log where username <> 'system' and action not like 'LOGIN%'",
                Integer.class);
        return changesByPeople != null && changesByPeople == 0;
    }

    private static String generatePassword() {
        String alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder("demo-");
        for (int i = 0; i < 10; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
