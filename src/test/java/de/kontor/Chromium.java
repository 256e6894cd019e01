package de.kontor;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Debian's headless Chromium for the browser tests: a fresh profile per browser, the console kept for
 * checks, screenshots under {@code target/screenshots/}.
 */
public final class Chromium implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    public final ChromeDriver driver;
    private final Path userData;

    private Chromium(ChromeDriver driver, Path userData) {
        this.driver = driver;
        this.userData = userData;
    }

    /**
     * @param windowSize "width,height"
     * @param language the browser's language, e.g. "de-DE"
     */
    public static Chromium start(String windowSize, String language, String... moreArguments) throws Exception {
        assertThat(BINARY)
                .as("Chromium is needed for browser tests: apt-get install chromium chromium-driver")
                .exists();
        Path userData = Files.createTempDirectory("kontor-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        List<String> arguments = new ArrayList<>(List.of(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=" + windowSize,
                "--lang=" + language,
                "--user-data-dir=" + userData));
        arguments.addAll(List.of(moreArguments));
        options.addArguments(arguments);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriver driver = new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(DRIVER.toFile())
                        .usingAnyFreePort()
                        .build(),
                options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(0));
        return new Chromium(driver, userData);
    }

    /** Saves what the browser shows as {@code target/screenshots/<name>.png}. */
    public void screenshot(String name) throws Exception {
        Path target = Path.of("target", "screenshots");
        Files.createDirectories(target);
        Files.copy(
                driver.getScreenshotAs(OutputType.FILE).toPath(),
                target.resolve(name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    /** Fills the login form (already shown) and submits it. */
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

    /** All text of the page, shadow roots included, with whitespace collapsed. */
    public String pageText() {
        Object text = ((JavascriptExecutor) driver)
                .executeScript(
                        "function walk(n){let t='';if(n.shadowRoot)t+=walk(n.shadowRoot);for(const c of n.childNodes){"
                                + "if(c.nodeType===3)t+=c.textContent+' ';else t+=walk(c);}return t;} return walk(document.body);");
        return text == null ? "" : text.toString().replaceAll("\\s+", " ");
    }

    @Override
    public void close() throws Exception {
        try {
            driver.quit();
        } finally {
            // best effort: the profile is only a cache
            try (Stream<Path> files = Files.walk(userData)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
