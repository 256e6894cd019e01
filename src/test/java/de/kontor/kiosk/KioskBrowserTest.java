package de.kontor.kiosk;

import de.kontor.Browser;
import de.kontor.IntegrationTest;
import de.kontor.kiosk.KioskModel.IssuedToken;
import de.kontor.kiosk.KioskModel.KioskDraft;
import de.kontor.kiosk.KioskModel.Privacy;
import de.kontor.printer.PrinterModel.PrinterDraft;
import de.kontor.printer.PrinterService;
import de.kontor.printer.plug.sim.P110Emulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The kiosk board in headless Chromium at 1920×1080 and at the 800×480 Raspberry Pi touch display
 * (screenshots in {@code target/screenshots/}), and the stale banner when the connection drops.
 */
class KioskBrowserTest extends IntegrationTest {

    @Autowired
    KioskService kiosks;

    @Autowired
    PrinterService printers;

    Browser chromium;
    ChromeDriver driver;
    final ExecutorService threads = Executors.newCachedThreadPool();
    final List<P110Emulator> plugs = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        chromium = Browser.start(1920, 1080, "de-DE", "--hide-scrollbars");
        driver = chromium.driver();
    }

    @AfterEach
    void stop() throws Exception {
        if (chromium != null) {
            chromium.close();
        }
        plugs.forEach(P110Emulator::close);
        threads.shutdownNow();
    }

    private IssuedToken boardWithPrinters() {
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        ADMIN, null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        try {
            for (int i = 0; i < 3; i++) {
                P110Emulator plug =
                        P110Emulator.start("board@example.org", "Plug-Pw-1", "Board " + i, clock, threads, 30 + i);
                plugs.add(plug);
                plug.load(120 + i * 30);
                plug.press(i == 0);
                printers.create(new PrinterDraft(
                        unique("Board " + i),
                        null,
                        "Werkstatt",
                        plug.host(),
                        plug.port(),
                        "board@example.org",
                        "Plug-Pw-1",
                        10,
                        5,
                        true,
                        null));
            }
            printers.poll();
            return kiosks.create(new KioskDraft(
                    unique("Werkstatt"), "Eingang", Privacy.NONE, "Freitag ab 18 Uhr: offene Werkstatt", null, null));
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void screenshot(String name) throws Exception {
        chromium.screenshot(name);
    }

    /** How the board uses the window: the share the cards cover, the name's size, and no scrolling. */
    private Map<?, ?> fit() {
        return (Map<?, ?>) ((JavascriptExecutor) driver).executeScript("""
                        const g = document.getElementById('kiosk-printers').getBoundingClientRect();
                        const k = document.getElementById('kiosk');
                        return {
                          fill: g.width * g.height / (innerWidth * innerHeight),
                          name: parseFloat(getComputedStyle(document.querySelector('.kiosk-name')).fontSize),
                          fits: k.scrollHeight <= k.clientHeight + 1 && k.scrollWidth <= k.clientWidth + 1
                        };""");
    }

    @Test
    void theBoardAtFullHdAndOnThePiTouchDisplayAndWithADroppedConnection() throws Exception {
        IssuedToken token = boardWithPrinters();
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(60));
        driver.get(baseUrl() + "/" + token.path());
        wait.until(d ->
                !d.findElements(By.cssSelector("#kiosk-printers .kiosk-card")).isEmpty());
        assertThat(driver.findElements(By.cssSelector(".kiosk-card")).size()).isGreaterThanOrEqualTo(3);
        assertThat(driver.findElement(By.id("kiosk-clock")).getText()).matches("\\d\\d:\\d\\d");
        screenshot("kiosk-1920x1080");
        Map<?, ?> wall = fit();
        assertThat(((Number) wall.get("fill")).doubleValue())
                .as("the cards fill the screen")
                .isGreaterThan(0.7);
        double wallName = ((Number) wall.get("name")).doubleValue();
        assertThat(wallName).as("printer names never below 18 px").isGreaterThanOrEqualTo(18);
        assertThat(wall.get("fits")).as("no scrollbars").isEqualTo(true);
        for (Dimension other : List.of(new Dimension(1280, 720), new Dimension(1080, 1920))) {
            driver.manage().window().setSize(other);
            wait.until(d -> (Boolean) ((JavascriptExecutor) d)
                    .executeScript("return window.innerWidth <= arguments[0];", other.getWidth()));
            Map<?, ?> smaller = fit();
            assertThat(smaller.get("fits")).as("no scrollbars at %s", other).isEqualTo(true);
            if (other.getWidth() == 1280) {
                // the shared test database has many printers: the size grows with the screen, whatever it is
                assertThat(((Number) smaller.get("name")).doubleValue())
                        .as("names grow with the screen")
                        .isLessThanOrEqualTo(wallName);
            }
            screenshot("kiosk-" + other.getWidth() + "x" + other.getHeight());
        }

        driver.manage().window().setSize(new Dimension(800, 480));
        wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript("return window.innerWidth <= 800;"));
        // everything stays on one screen: no scrollbars on the Pi display
        Object overflow = ((JavascriptExecutor) driver)
                .executeScript(
                        "const k = document.getElementById('kiosk'); return k.scrollWidth <= k.clientWidth + 1;");
        assertThat(overflow).isEqualTo(true);
        screenshot("kiosk-800x480");

        driver.manage().window().setSize(new Dimension(1920, 1080));
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand(
                "Network.emulateNetworkConditions",
                Map.of("offline", true, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
        wait.until(d -> d.findElement(By.id("kiosk-stale")).isDisplayed());
        String banner = driver.findElement(By.id("kiosk-stale")).getText();
        assertThat(banner).contains(driver.findElement(By.id("kiosk")).getAttribute("data-updated"));
        assertThat(driver.findElements(By.cssSelector(".kiosk-card")).size())
                .as("the last data stays")
                .isGreaterThanOrEqualTo(3);
        screenshot("kiosk-stale");
        driver.executeCdpCommand(
                "Network.emulateNetworkConditions",
                Map.of("offline", false, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1));
    }
}
