package de.kontor;

import de.kontor.customer.CustomerData;
import de.kontor.customer.CustomerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kontor in a real browser (Debian's headless Chromium): sign in, see the frame, switch language.
 * Screenshots go to {@code target/screenshots/}.
 */
class E2eBrowserTest extends IntegrationTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    ChromeDriver driver;

    @Autowired
    CustomerService customers;

    Path userData;

    @BeforeEach
    void startBrowser() throws Exception {
        assertThat(CHROMIUM)
                .as("Chromium is needed for browser tests: apt-get install chromium chromium-driver")
                .exists();
        userData = Files.createTempDirectory("kontor-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1366,860",
                "--lang=en-US",
                "--user-data-dir=" + userData);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(0));
    }

    @AfterEach
    void stopBrowser() {
        try {
            if (driver != null) {
                assertNoContentSecurityPolicyViolations();
            }
        } finally {
            if (driver != null) {
                driver.quit();
            }
            forgetLoginFailures();
        }
    }

    @Test
    void signsInAndShowsTheFrame() throws Exception {
        driver.get(baseUrl() + "/");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        wait.until(d -> d.getCurrentUrl().endsWith("/login") && !shadowInputs().isEmpty());
        screenshot("login");

        fillLogin(ADMIN, "wrong password");
        wait.until(d -> d.getCurrentUrl().contains("error") && pageText().contains("Wrong user name or password."));
        screenshot("login-error");

        fillLogin(ADMIN, ADMIN_PASSWORD);
        wait.until(d -> pageText().contains("Welcome, Administrator"));
        assertThat(pageText()).contains("Users", "API tokens", "Audit log", "Home");
        screenshot("home");

        driver.get(baseUrl() + "/audit");
        wait.until(d -> pageText().contains("What happened"));
        screenshot("audit");

        driver.get(baseUrl() + "/users");
        wait.until(d -> pageText().contains("Last sign-in"));
        screenshot("users");
    }

    @Test
    void findsACustomerAndOpensItsPage() throws Exception {
        String marker = unique("E2E");
        customers.create(CustomerData.named("Schöne Werkstatt " + marker));
        driver.get(baseUrl() + "/login");
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        wait.until(d -> !shadowInputs().isEmpty());
        fillLogin(ADMIN, ADMIN_PASSWORD);
        wait.until(d -> pageText().contains("Welcome"));

        driver.get(baseUrl() + "/customers");
        wait.until(d -> !d.findElements(By.id("customers-search")).isEmpty());
        WebElement search = driver.findElement(By.cssSelector("#customers-search input"));
        search.sendKeys("schone werkstatt " + marker.toLowerCase());
        wait.until(d -> pageText().contains("Schöne Werkstatt " + marker) && rowCount() == 1);
        screenshot("customers-search");

        ((JavascriptExecutor) driver)
                .executeScript("document.querySelector('#customers-grid').activeItem = null;"
                        + "const grid = document.querySelector('#customers-grid');"
                        + "const cell = [...grid.querySelectorAll('vaadin-grid-cell-content')]"
                        + ".find(c => c.textContent.includes('Schöne Werkstatt'));"
                        + "cell.click();");
        wait.until(d -> d.getCurrentUrl().matches(".*/customers/\\d+"));
        wait.until(d -> pageText().contains("At a glance"));
        screenshot("customer-page");
    }

    /** Kontor's Content-Security-Policy must not get in Vaadin's way: the console reports every block. */
    private void assertNoContentSecurityPolicyViolations() {
        List<String> violations = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to"))
                .toList();
        assertThat(violations).as("CSP violations in the browser console").isEmpty();
    }

    private long rowCount() {
        Object size =
                ((JavascriptExecutor) driver).executeScript("return document.querySelector('#customers-grid').size");
        return size == null ? -1 : ((Number) size).longValue();
    }

    private void fillLogin(String username, String password) {
        var inputs = shadowInputs();
        WebElement user = inputs.get(0);
        WebElement pass = inputs.get(1);
        user.clear();
        user.sendKeys(username);
        pass.clear();
        pass.sendKeys(password);
        pass.sendKeys("\n");
    }

    /** The text and password inputs of the login form (light DOM of vaadin-login-form). */
    private List<WebElement> shadowInputs() {
        return driver.findElements(
                By.cssSelector("vaadin-login-form input[name='username'], vaadin-login-form input[name='password']"));
    }

    private String pageText() {
        Object text = ((JavascriptExecutor) driver)
                .executeScript(
                        "function walk(n){let t='';if(n.shadowRoot)t+=walk(n.shadowRoot);for(const c of n.childNodes){"
                                + "if(c.nodeType===3)t+=c.textContent+' ';else t+=walk(c);}return t;} return walk(document.body);");
        return text == null ? "" : text.toString().replaceAll("\\s+", " ");
    }

    private void screenshot(String name) throws Exception {
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(png.toPath(), target.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
