package de.kontor.monitoring;

import de.kontor.HttpClientSupport;
import de.kontor.IntegrationTest;
import de.kontor.TestTotp;
import de.kontor.monitoring.MonitoringTestSupport.CreatedNode;
import de.kontor.security.NewUser;
import de.kontor.security.Role;
import de.kontor.security.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static de.kontor.monitoring.MonitoringTestSupport.adminToken;
import static de.kontor.monitoring.MonitoringTestSupport.createNode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The terminal in a real browser: an admin with two-factor sign-in signs in, opens the terminal of a node
 * whose agent (in this JVM) allows it, types a command and sees what the node's shell printed.
 */
class TerminalBrowserTest extends IntegrationTest {

    private static final String PASSWORD = "Term-Browser-Passw0rd-7";

    @Autowired
    UserService users;

    @Autowired
    MonitoringService monitoring;

    @TempDir
    Path dir;

    private ChromeDriver driver;
    private final List<AutoCloseable> closing = new ArrayList<>();

    @BeforeEach
    void startBrowser() throws Exception {
        assertThat(Path.of("/usr/bin/chromium"))
                .as("Chromium is needed for browser tests: apt-get install chromium chromium-driver")
                .exists();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1366,1000",
                "--lang=en-US",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium")));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
    }

    @AfterEach
    void stopBrowser() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        for (AutoCloseable c : closing) {
            c.close();
        }
        SecurityContextHolder.clearContext();
        forgetLoginFailures();
    }

    private static void actAs(String user) {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        user, null, List.of(new SimpleGrantedAuthority(Role.ADMIN.authority()))));
    }

    @Test
    void anAdminTypesIntoTheNodesTerminalAndSeesTheOutput() throws Exception {
        try {
            typeIntoTheTerminal();
        } catch (AssertionError | RuntimeException e) {
            screenshot("node-terminal-failed");
            Files.writeString(Path.of("target", "screenshots", "node-terminal-failed.html"), driver.getPageSource());
            throw e;
        }
    }

    private void typeIntoTheTerminal() throws Exception {
        String name = unique("term-browser");
        actAs(ADMIN);
        users.createUser(new NewUser(name, name, null, EnumSet.of(Role.ADMIN), PASSWORD));
        actAs(name);
        String secret = TestTotp.enrolCurrentUser(users, clock);
        SecurityContextHolder.clearContext();

        HttpClientSupport http = new HttpClientSupport(baseUrl());
        String admin = adminToken(http);
        CreatedNode node = createNode(http, admin, unique("term-browser"), "term");
        closing.add(TestAgents.startWithOperations(
                monitoring,
                URI.create(baseUrl()),
                node.id(),
                node.token(),
                "terminal",
                Files.createDirectories(dir.resolve("state")),
                new HashMap<>(System.getenv())));

        driver.get(baseUrl() + "/login");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> !inputs("vaadin-login-form input[name='username']").isEmpty());
        inputs("vaadin-login-form input[name='username']").getFirst().sendKeys(name);
        inputs("vaadin-login-form input[name='password']").getFirst().sendKeys(PASSWORD + "\n");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !inputs("#second-factor-code input").isEmpty());
        inputs("#second-factor-code input").getFirst().sendKeys(TestTotp.next(secret, clock) + "\n");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !driver.getCurrentUrl().contains("login"));

        driver.get(baseUrl() + "/monitoring/node/" + node.id());
        await().atMost(Duration.ofSeconds(30)).until(() -> !inputs("vaadin-tab").isEmpty());
        click(inputs("vaadin-tab").stream()
                .filter(t -> t.getText().strip().equals("Terminal"))
                .findFirst()
                .orElseThrow());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !inputs("#ops-terminal-open").isEmpty());
        click(driver.findElement(By.id("ops-terminal-open")));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !inputs("#ops-reason input").isEmpty());
        inputs("#ops-reason input").getFirst().sendKeys("browser test" + Keys.TAB);
        click(driver.findElement(By.id("ops-run")));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> state().contains("Connected")
                        || !inputs("#step-up-code input").isEmpty());
        if (!state().contains("Connected")) {
            inputs("#step-up-code input").getFirst().sendKeys(TestTotp.next(secret, clock) + Keys.TAB);
            click(driver.findElement(By.id("step-up-confirm")));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> state().contains("Connected"));

        int marker = ThreadLocalRandom.current().nextInt(100_000, 999_999);
        WebElement screen = driver.findElement(By.id("ops-terminal-screen"));
        // xterm.js draws the screen; keys go into its input area
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !screen.findElements(By.cssSelector(".xterm .xterm-helper-textarea"))
                        .isEmpty());
        WebElement keys = screen.findElement(By.cssSelector(".xterm-helper-textarea"));
        keys.sendKeys("echo browser-$((" + marker + "+1))-typed" + Keys.ENTER);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> screen.findElement(By.cssSelector(".xterm-rows"))
                        .getText()
                        .contains("browser-" + (marker + 1) + "-typed"));
        screenshot("node-terminal");
    }

    private List<WebElement> inputs(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    private String state() {
        List<WebElement> state = inputs("#ops-terminal-state");
        return state.isEmpty() ? "" : state.getFirst().getText();
    }

    private void click(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView(); arguments[0].click();", element);
        if ("ops-terminal-screen".equals(element.getAttribute("id"))) {
            ((JavascriptExecutor) driver).executeScript("arguments[0].focus();", element);
        }
    }

    private void screenshot(String name) throws Exception {
        Path target = Files.createDirectories(Path.of("target", "screenshots"));
        File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), target.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
