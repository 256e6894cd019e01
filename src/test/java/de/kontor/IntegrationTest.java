package de.kontor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;

/**
 * Base of every test that needs Kontor running: one application context shared by all such test
 * classes (one embedded MariaDB per test JVM), served over real HTTP on a random port. Tests create
 * their own data with unique names and never rely on what other tests left.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestConfig.class)
public abstract class IntegrationTest {

    public static final String ADMIN = "admin";
    public static final String ADMIN_PASSWORD = "Test-Secret-Passw0rd";

    @LocalServerPort
    protected int port;

    @Autowired
    protected MutableClock clock;

    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("kontor.data-dir", () -> TestDataDir.shared().toString());
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", TestMail::port);
    }

    /**
     * Lets every login lock and counted failure expire. All tests connect from 127.0.0.1, so a test that
     * fails logins on purpose must call this afterwards.
     */
    protected void forgetLoginFailures() {
        clock.advance(Duration.ofMinutes(16));
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    /** A name no other test uses. */
    protected static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }
}
