package de.kontor;

import de.kontor.customer.CustomerData;
import de.kontor.customer.CustomerService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kontor in a real browser (Debian's headless Chromium): sign in, see the frame, switch language.
 * Screenshots go to {@code target/screenshots/}.
 */
class E2eBrowserTest extends IntegrationTest {

    Chromium chromium;
    ChromeDriver driver;

    @Autowired
    CustomerService customers;

    @BeforeEach
    void startBrowser() throws Exception {
        chromium = Chromium.start("1366,860", "en-US");
        driver = chromium.driver;
    }

    @AfterEach
    void stopBrowser() throws Exception {
        try {
            if (driver != null) {
                assertNoContentSecurityPolicyViolations();
            }
        } finally {
            if (chromium != null) {
                chromium.close();
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
        chromium.fillLogin(username, password);
    }

    private List<WebElement> shadowInputs() {
        return chromium.loginInputs();
    }

    private String pageText() {
        return chromium.pageText();
    }

    private void screenshot(String name) throws Exception {
        chromium.screenshot(name);
    }
}
