package de.kontor;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's headless Chromium for browser tests: a window of a given size and language, signing in,
 * the page's text (shadow DOM included), screenshots under {@code target/screenshots/}, and the console's
 * Content-Security-Policy complaints.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final Path userData;

    private Browser(ChromeDriver driver, Path userData) {
        this.driver = driver;
        this.userData = userData;
    }

    /**
     * A fresh browser profile with a {@code width}×{@code height} window in {@code language} ("en-US"), with
     * more command-line switches if a test needs them (e.g. {@code --hide-scrollbars}).
     */
    public static Browser start(int width, int height, String language, String... moreArguments) throws IOException {
        return start(width, height, language, false, moreArguments);
    }

    /**
     * A phone: a {@code width}×{@code height} touch screen with the mobile viewport (headless Chromium
     * will not make a window narrower than 500 pixels, so the phone is emulated).
     */
    public static Browser phone(int width, int height, String language) throws IOException {
        // a phone's scrollbars lie over the content
        return start(width, height, language, true, "--hide-scrollbars");
    }

    private static Browser start(int width, int height, String language, boolean phone, String... moreArguments)
            throws IOException {
        assertThat(CHROMIUM)
                .as("Chromium is needed for browser tests: apt-get install chromium chromium-driver")
                .exists();
        Path userData = Files.createTempDirectory("kontor-chromium-");
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
                "--window-size=" + width + "," + height,
                "--lang=" + language,
                "--user-data-dir=" + userData);
        options.addArguments(moreArguments);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
        if (phone) {
            options.setExperimentalOption(
                    "mobileEmulation",
                    Map.of(
                            "deviceMetrics",
                            Map.of(
                                    "width",
                                    width,
                                    "height",
                                    height,
                                    "pixelRatio",
                                    2.0,
                                    "touch",
                                    true,
                                    "mobile",
                                    true)));
        }
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(0));
        return new Browser(driver, userData);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public WebDriverWait waiting() {
        return new WebDriverWait(driver, Duration.ofSeconds(60));
    }

    /** Opens the login page at {@code baseUrl} and signs in; returns once the page behind it has loaded. */
    public void signIn(String baseUrl, String username, String password) {
        driver.get(baseUrl + "/login");
        waiting().until(d -> !loginInputs().isEmpty());
        fillLogin(username, password);
        waiting().until(d -> !d.getCurrentUrl().contains("/login"));
    }

    public void fillLogin(String username, String password) {
        List<WebElement> inputs = loginInputs();
        WebElement user = inputs.get(0);
        WebElement pass = inputs.get(1);
        user.clear();
        user.sendKeys(username);
        pass.clear();
        pass.sendKeys(password);
        pass.sendKeys("\n");
    }

    /** The text and password inputs of the login form (light DOM of vaadin-login-form). */
    public List<WebElement> loginInputs() {
        return driver.findElements(
                By.cssSelector("vaadin-login-form input[name='username'], vaadin-login-form input[name='password']"));
    }

    /** All text of the page, shadow roots included, whitespace collapsed. */
    public String pageText() {
        Object text = script(
                "function walk(n){let t='';if(n.shadowRoot)t+=walk(n.shadowRoot);for(const c of n.childNodes){"
                        + "if(c.nodeType===3)t+=c.textContent+' ';else t+=walk(c);}return t;} return walk(document.body);");
        return text == null ? "" : text.toString().replaceAll("\\s+", " ");
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public void screenshot(String name) throws IOException {
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Path png = driver.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(png, target.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** What the console reported about blocked resources or scripts so far. */
    public List<String> contentSecurityPolicyViolations() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .map(LogEntry::getMessage)
                .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to"))
                .toList();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            // best effort: the profile is only a cache
            try (Stream<Path> files = Files.walk(userData)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | UncheckedIOException ignored) {
                // left for the temp folder's own clean-up
            }
        }
    }
}
