package de.kontor.cluster;

import de.kontor.Application;
import de.kontor.HttpClientSupport;
import de.kontor.TestDataDir;
import de.kontor.TestMail;
import de.kontor.access.AccessService;
import de.kontor.base.db.EmbeddedMariaDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes on one database share their budgets: the license client API's per-address limit, the login
 * throttling's counters and locks, and the admin's blocks. The nodes run in this JVM with scheduler names of
 * their own (see {@link TwoNodesTest}).
 */
class SharedLimitsTest {

    private static final String ADMIN_PASSWORD = "Shared-Limits-Passw0rd";
    private static final int PER_ADDRESS = 6;
    private static final String KEY = newKey();

    private static EmbeddedMariaDb db;
    private static ConfigurableApplicationContext a;
    private static ConfigurableApplicationContext b;

    /**
     * The shared test context's strategy, taken before the nodes start: each node's security configuration sets
     * its own in the static holder, and the test classes after this one must get the shared one back.
     */
    private static SecurityContextHolderStrategy sharedStrategy;

    @BeforeAll
    static void nodes() {
        sharedStrategy = SecurityContextHolder.getContextHolderStrategy();
        db = EmbeddedMariaDb.start(TestDataDir.create("limits-db"), 0);
        // one after the other: the first creates the schema, so the second starts on it
        a = start("limits-a");
        b = start("limits-b");
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {b, a}) {
            if (node != null) {
                node.close();
            }
        }
        if (db != null) {
            db.close();
        }
        SecurityContextHolder.setContextHolderStrategy(sharedStrategy);
    }

    @AfterEach
    void restoreSecurityContextStrategy() {
        SecurityContextHolder.setContextHolderStrategy(sharedStrategy);
    }

    private static ConfigurableApplicationContext start(String name) {
        return new SpringApplicationBuilder(Application.class)
                .profiles("test")
                .run(
                        "--spring.datasource.url=" + db.jdbcUrl(),
                        "--spring.datasource.username=" + db.username(),
                        "--spring.datasource.password=" + db.password(),
                        "--kontor.data-dir=" + TestDataDir.create(name),
                        "--server.port=0",
                        "--kontor.admin.password=" + ADMIN_PASSWORD,
                        "--kontor.secret-key=" + KEY,
                        "--kontor.license.rate-limit.per-address=" + PER_ADDRESS,
                        "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=" + TestMail.port(),
                        "--spring.quartz.properties.org.quartz.scheduler.instanceName=kontor-" + name);
    }

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static HttpClientSupport http(ConfigurableApplicationContext node) {
        return new HttpClientSupport("http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port"));
    }

    @Test
    void theLicenseClientApisPerAddressBudgetIsOneForBothNodes() {
        HttpClientSupport onA = http(a);
        HttpClientSupport onB = http(b);
        for (int i = 0; i < PER_ADDRESS; i++) {
            var response = (i % 2 == 0 ? onA : onB).get("/api/license/public-key", null);
            assertThat(response.status()).as("request " + (i + 1)).isNotEqualTo(429);
        }

        var refusedOnA = onA.get("/api/license/public-key", null);
        var refusedOnB = onB.get("/api/license/public-key", null);
        assertThat(refusedOnA.status()).isEqualTo(429);
        assertThat(refusedOnB.status()).isEqualTo(429);
        assertThat(refusedOnB.body()).contains("RATE_LIMITED");
    }

    @Test
    void failedSignInsOnBothNodesAddUpAndTheLockHoldsOnEach() {
        String address = "10.77.0.1";
        for (int i = 0; i < 5; i++) {
            ConfigurableApplicationContext node = i % 2 == 0 ? a : b;
            try {
                login(node, "admin", "wrong-" + i, address);
            } catch (BadCredentialsException expected) {
                // counted
            } catch (RuntimeException lockedAtTheFifth) {
                assertThat(i).isEqualTo(4);
            }
        }

        // locked for the account from anywhere, and for the address with any account, on both nodes
        for (ConfigurableApplicationContext node : new ConfigurableApplicationContext[] {a, b}) {
            assertThatThrownBy(() -> login(node, "admin", ADMIN_PASSWORD, "10.77.0.2"))
                    .hasMessageContaining("locked");
        }
        assertThat(a.getBean(AccessService.class).loginLockRemaining("someone-else", address))
                .hasValueSatisfying(left -> assertThat(left).isPositive());

        b.getBean(AccessService.class).unblock("account:admin");
        assertThat(login(a, "admin", ADMIN_PASSWORD, "10.77.0.2").getName()).isEqualTo("admin");
    }

    @Test
    void aBlockMadeOnOneNodeIsHonouredByTheOtherWithinSeconds() {
        AccessService onA = a.getBean(AccessService.class);
        AccessService onB = b.getBean(AccessService.class);
        assertThat(onB.isBlocked("10.88.0.7")).isFalse();

        String id = onA.block("10.88.0.0/24", null, "cluster", null).id();

        await().atMost(Duration.ofSeconds(15)).until(() -> onB.isBlocked("10.88.0.7"));
        onB.unblock(id);
        await().atMost(Duration.ofSeconds(15)).until(() -> !onA.isBlocked("10.88.0.7"));
    }

    private static Authentication login(
            ConfigurableApplicationContext node, String username, String password, String address) {
        var request = new MockHttpServletRequest();
        request.setRemoteAddr(address);
        var attempt = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        attempt.setDetails(new WebAuthenticationDetails(request));
        return node.getBean(AuthenticationManager.class).authenticate(attempt);
    }
}
