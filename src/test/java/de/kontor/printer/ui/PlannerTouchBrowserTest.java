package de.kontor.printer.ui;

import de.kontor.Browser;
import de.kontor.IntegrationTest;
import de.kontor.printer.PrinterModel.Printer;
import de.kontor.printer.PrinterModel.PrinterDraft;
import de.kontor.printer.PrinterService;
import de.kontor.printer.plug.sim.P110Emulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.interactions.Pause;
import org.openqa.selenium.interactions.PointerInput;
import org.openqa.selenium.interactions.PointerInput.MouseButton;
import org.openqa.selenium.interactions.PointerInput.Origin;
import org.openqa.selenium.interactions.Sequence;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The planner on a phone's touch screen (headless Chromium emulating a 390×844 touch display): a finger
 * resting on a free hour and then dragged books the hours it crossed, a quick tap books one hour, and a swipe
 * that starts on a free hour scrolls the planner. With a mouse (a wide window) dragging selects at once.
 */
class PlannerTouchBrowserTest extends IntegrationTest {

    @Autowired
    PrinterService printers;

    @Autowired
    ZoneId zone;

    final ExecutorService threads = Executors.newCachedThreadPool();
    P110Emulator plug;
    Browser browser;
    Printer printer;
    LocalDate tomorrow;

    @BeforeEach
    void setUp() throws Exception {
        plug = P110Emulator.start("touch@example.org", "Plug-Pw-1", "Touch", clock, threads, 50);
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        ADMIN, null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        try {
            printer = printers.create(new PrinterDraft(
                    unique("Touch"),
                    "MK4",
                    null,
                    plug.host(),
                    plug.port(),
                    "touch@example.org",
                    "Plug-Pw-1",
                    10,
                    5,
                    true,
                    null));
        } finally {
            SecurityContextHolder.clearContext();
        }
        tomorrow = LocalDate.ofInstant(clock.instant(), zone).plusDays(1);
    }

    /** Signs in with {@code started} and shows tomorrow (where every hour is free) as one day. */
    void openPlanner(Browser started) {
        browser = started;
        browser.signIn(baseUrl(), ADMIN, ADMIN_PASSWORD);
        browser.driver().get(baseUrl() + "/reservations");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !browser.driver()
                        .findElements(By.id("reservation-week-next"))
                        .isEmpty());
        // a phone shows one day already; a wide window switches from the week to a day
        browser.script("const r = document.getElementById('reservation-range');"
                + "[...r.querySelectorAll('vaadin-radio-button')].find(b => b.textContent.trim() === 'Day').click();");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "1"
                        .equals(browser.script("const g = document.querySelector('.kontor-planner-grid');"
                                + "return g && g.getAttribute('data-days');")));
        browser.driver().findElement(By.id("reservation-week-next")).click();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !browser.driver().findElements(By.id(column())).isEmpty());
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
        plug.close();
        threads.shutdownNow();
    }

    String column() {
        return "planner-" + printer.id() + "-" + tomorrow;
    }

    /** The middle of an hour's cell in the window, after scrolling the planner so that hours 9–13 show. */
    Map<?, ?> cell(int hour) {
        return (Map<?, ?>) browser.script("""
                const cell = document.querySelector('#' + CSS.escape(arguments[0])
                    + ' .kontor-planner-cell[data-hour="' + arguments[1] + '"]');
                const r = cell.getBoundingClientRect();
                return {x: Math.round(r.left + r.width / 2), y: Math.round(r.top + r.height / 2)};
                """, column(), hour);
    }

    void showHours() {
        browser.script("""
                const planner = document.getElementById('reservation-planner');
                const cell = document.querySelector('#' + CSS.escape(arguments[0])
                    + ' .kontor-planner-cell[data-hour="11"]');
                cell.scrollIntoView({block: 'center', inline: 'center'});
                document.scrollingElement.scrollLeft = 0;
                """, column());
    }

    static int x(Map<?, ?> point) {
        return ((Number) point.get("x")).intValue();
    }

    static int y(Map<?, ?> point) {
        return ((Number) point.get("y")).intValue();
    }

    /** Finger down at {@code from}, resting {@code hold}, moved to {@code to} over {@code move}, lifted. */
    void touch(Map<?, ?> from, Duration hold, int toX, int toY, Duration move) {
        PointerInput finger = new PointerInput(PointerInput.Kind.TOUCH, "finger");
        Sequence gesture = new Sequence(finger, 0)
                .addAction(finger.createPointerMove(Duration.ZERO, Origin.viewport(), x(from), y(from)))
                .addAction(finger.createPointerDown(MouseButton.LEFT.asArg()))
                .addAction(new Pause(finger, hold))
                .addAction(finger.createPointerMove(move, Origin.viewport(), toX, toY))
                .addAction(finger.createPointerUp(MouseButton.LEFT.asArg()));
        browser.driver().perform(List.of(gesture));
    }

    String field(String id) {
        Object value =
                browser.script("const f = document.getElementById(arguments[0]); return f ? f.value : null;", id);
        return value == null ? "" : value.toString();
    }

    boolean formOpen() {
        return !browser.driver().findElements(By.id("reservation-time")).isEmpty();
    }

    @Test
    void aFingerRestingOnAFreeHourThenDraggedBooksTheHoursItCrossed() throws Exception {
        openPlanner(Browser.phone(390, 844, "en-US"));
        showHours();
        Map<?, ?> start = cell(10);
        Map<?, ?> end = cell(12);

        touch(start, Duration.ofMillis(ReservationPlanner.HOLD_MS + 300), x(end), y(end), Duration.ofMillis(400));

        await().atMost(Duration.ofSeconds(20)).until(this::formOpen);
        browser.screenshot("planner-touch-drag");
        assertThat(field("reservation-time")).isEqualTo("10:00");
        assertThat(field("reservation-duration")).as("10:00 to 13:00").isEqualTo("180");
        assertThat(field("reservation-date")).isEqualTo(tomorrow.toString());
    }

    @Test
    void aQuickTapOnAFreeHourStillBooksThatHour() throws Exception {
        openPlanner(Browser.phone(390, 844, "en-US"));
        showHours();
        Map<?, ?> at = cell(11);

        touch(at, Duration.ofMillis(50), x(at), y(at), Duration.ZERO);

        await().atMost(Duration.ofSeconds(20)).until(this::formOpen);
        assertThat(field("reservation-time")).isEqualTo("11:00");
        assertThat(field("reservation-duration")).isEqualTo("60");
    }

    @Test
    void aSwipeThatStartsOnAFreeHourScrollsThePlannerAndBooksNothing() throws Exception {
        openPlanner(Browser.phone(390, 844, "en-US"));
        showHours();
        Map<?, ?> start = cell(12);
        long before = scrollTop();

        touch(start, Duration.ZERO, x(start), y(start) - 160, Duration.ofMillis(150));

        await().atMost(Duration.ofSeconds(20)).until(() -> scrollTop() > before + 40);
        assertThat(browser.script("return document.querySelectorAll('.kontor-planner-cell.selecting').length"))
                .isEqualTo(0L);
        assertThat(formOpen()).as("a swipe is no booking").isFalse();
    }

    @Test
    void theMouseStillSelectsAtOnceByDragging() throws Exception {
        openPlanner(Browser.start(1366, 860, "en-US"));
        showHours();
        Map<?, ?> start = cell(10);
        Map<?, ?> end = cell(12);

        new Actions(browser.driver())
                .moveToLocation(x(start), y(start))
                .clickAndHold()
                .moveToLocation(x(end), y(end))
                .release()
                .perform();

        await().atMost(Duration.ofSeconds(20)).until(this::formOpen);
        assertThat(field("reservation-time")).isEqualTo("10:00");
        assertThat(field("reservation-duration")).isEqualTo("180");
    }

    long scrollTop() {
        return ((Number) browser.script("return Math.round(document.getElementById('reservation-planner').scrollTop)"))
                .longValue();
    }
}
