package de.kontor.kiosk.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import de.kontor.KaribuTest;
import de.kontor.base.DisplayNamed;
import de.kontor.kiosk.KioskModel.IssuedToken;
import de.kontor.kiosk.KioskModel.KioskDraft;
import de.kontor.kiosk.KioskModel.Privacy;
import de.kontor.kiosk.KioskService;
import de.kontor.printer.PrinterModel.Printer;
import de.kontor.printer.PrinterModel.PrinterDraft;
import de.kontor.printer.PrinterService;
import de.kontor.printer.plug.sim.P110Emulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The kiosk board: device tokens instead of a login, push updates, privacy, no way out. */
class KioskViewTest extends KaribuTest {

    @Autowired
    KioskService kiosks;

    @Autowired
    PrinterService printers;

    final ExecutorService threads = Executors.newCachedThreadPool();
    P110Emulator plug;
    Printer printer;

    @BeforeEach
    void setUp() {
        plug = P110Emulator.start("kiosk@example.org", "Plug-Pw-1", "Kiosk plug", clock, threads, 21);
        asAdmin();
        printer = printers.create(new PrinterDraft(
                unique("Kiosk MK4"),
                null,
                "Regal 3",
                plug.host(),
                plug.port(),
                "kiosk@example.org",
                "Plug-Pw-1",
                10,
                5,
                true,
                null));
        printers.poll();
        SecurityContextHolder.clearContext();
    }

    @AfterEach
    void stop() {
        plug.close();
        threads.shutdownNow();
    }

    /** A signed-in member with a display name, as Kontor's own principal has. */
    static final class Named extends User implements DisplayNamed {
        private final String displayName;

        Named(String username, String displayName) {
            super(username, "n/a", List.of(new SimpleGrantedAuthority("ROLE_MEMBER")));
            this.displayName = displayName;
        }

        @Override
        public String displayName() {
            return displayName;
        }
    }

    static void as(String user, String role) {
        var principal = new User(user, "n/a", List.of(new SimpleGrantedAuthority(role)));
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
    }

    static void asAdmin() {
        as(ADMIN, "ROLE_ADMIN");
    }

    IssuedToken kiosk(Privacy privacy, LocalTime from, LocalTime until) {
        asAdmin();
        IssuedToken token = kiosks.create(
                new KioskDraft(unique("Werkstatt"), "Eingang", privacy, "Heute offen bis 22 Uhr", from, until));
        SecurityContextHolder.clearContext();
        return token;
    }

    Div card() {
        return _get(Div.class, s -> s.withId("kiosk-printer-" + printer.id()));
    }

    @Test
    void anonymousScreensSeeTheBoardWithTheirTokenOnly() {
        IssuedToken token = kiosk(Privacy.NONE, null, null);
        navigate(token.path());
        assertThat(_get(Span.class, s -> s.withId("kiosk-title")).getText()).startsWith("Werkstatt");
        assertThat(_get(Div.class, s -> s.withId("kiosk-announcement")).getText())
                .isEqualTo("Heute offen bis 22 Uhr");
        assertThat(card().getElement().getAttribute("data-state")).isEqualTo("FREE");
        assertThat(kiosks.get(token.kioskId()).lastSeenAt()).isNotNull();

        navigate("kiosk/not-a-token");
        _get(Div.class, s -> s.withId("kiosk-unknown"));
        _assertNone(Div.class, s -> s.withId("kiosk-printers"));
    }

    @Test
    void deactivatedKiosksSayItAndComeBackByPush() {
        IssuedToken token = kiosk(Privacy.NONE, null, null);
        navigate(token.path());
        asAdmin();
        kiosks.setActive(token.kioskId(), false);
        SecurityContextHolder.clearContext();
        MockVaadin.runUIQueue();
        _get(Div.class, s -> s.withId("kiosk-deactivated"));
        asAdmin();
        kiosks.setActive(token.kioskId(), true);
        MockVaadin.runUIQueue();
        _get(Div.class, s -> s.withId("kiosk-printers"));

        // a new token replaces the old address
        kiosks.rotateToken(token.kioskId());
        MockVaadin.runUIQueue();
        _get(Div.class, s -> s.withId("kiosk-unknown"));
    }

    @Test
    void aPrinterThatStartsIsShownByPushWithoutReload() {
        IssuedToken token = kiosk(Privacy.NONE, null, null);
        navigate(token.path());
        assertThat(card().getElement().getAttribute("data-state")).isEqualTo("FREE");
        plug.load(150);
        plug.press(true);
        asAdmin();
        printers.poll();
        // the kiosk hears the printer module's event after commit, on another thread
        await().pollInSameThread().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            MockVaadin.runUIQueue();
            assertThat(card().getElement().getAttribute("data-state")).isEqualTo("PRINTING");
        });
        assertThat(card().getElement().getTextRecursively()).contains("150 W");
    }

    @Test
    void theBoardShowsFirstNamesOnlyWhenTheKioskMayAndNothingElseOfPeople() {
        var mara = new Named("mara.kiosk", "Mara Schmidt");
        SecurityContextHolder.getContext()
                .setAuthentication(
                        UsernamePasswordAuthenticationToken.authenticated(mara, null, mara.getAuthorities()));
        printers.reserve(
                printer.id(),
                clock.instant().plusSeconds(30),
                clock.instant().plus(Duration.ofMinutes(90)),
                "Geheimes Projekt");
        printers.reserve(
                printer.id(),
                clock.instant().plus(Duration.ofMinutes(120)),
                clock.instant().plus(Duration.ofMinutes(150)),
                "Noch eins");
        SecurityContextHolder.clearContext();
        clock.advance(Duration.ofMinutes(1));

        navigate(kiosk(Privacy.NONE, null, null).path());
        String text = card().getElement().getTextRecursively();
        assertThat(text)
                .contains("Printing")
                .doesNotContain("Mara")
                .doesNotContain("Schmidt")
                .doesNotContain("Geheimes");
        assertThat(_find(Span.class, s -> s.withClasses("kiosk-next"))).isNotEmpty();

        navigate(kiosk(Privacy.FIRST_NAMES, null, null).path());
        text = card().getElement().getTextRecursively();
        assertThat(text).contains("Mara").doesNotContain("Schmidt").doesNotContain("Geheimes");
    }

    @Test
    void theNextReservationSaysWhichDayWhenItIsNotToday() {
        navigate(kiosk(Privacy.NONE, null, null).path());
        KioskView board = _get(KioskView.class);
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        var now = LocalDate.of(2026, 12, 1).atTime(18, 0).atZone(berlin).toInstant(); // a Tuesday
        assertThat(board.when(
                        LocalDate.of(2026, 12, 1).atTime(20, 30).atZone(berlin).toInstant(), now))
                .isEqualTo("20:30");
        assertThat(board.when(
                        LocalDate.of(2026, 12, 2).atTime(9, 0).atZone(berlin).toInstant(), now))
                .isEqualTo("tomorrow 09:00");
        assertThat(board.when(
                        LocalDate.of(2026, 12, 4).atTime(9, 0).atZone(berlin).toInstant(), now))
                .isEqualTo("Fri 09:00");
    }

    @Test
    void theBoardHasNothingToClickAndStaysPut() {
        IssuedToken token = kiosk(Privacy.NONE, null, null);
        navigate(token.path());
        assertThat(_find(Anchor.class)).isEmpty();
        assertThat(_find(Button.class)).isEmpty();
        UI.getCurrent().navigate("login");
        _get(KioskView.class);
        _get(Div.class, s -> s.withId("kiosk-printers"));
    }

    @Test
    void outsideTheScreenHoursTheBoardGoesDark() {
        LocalTime now = clock.instant().atZone(ZoneId.of("Europe/Berlin")).toLocalTime();
        IssuedToken token = kiosk(Privacy.NONE, now.plusHours(2), now.plusHours(3));
        navigate(token.path());
        _get(Div.class, s -> s.withId("kiosk-dark"));
        _assertNone(Div.class, s -> s.withId("kiosk-printers"));
    }

    @Test
    void aNewScreenIsPairedByItsCode() {
        IssuedToken token = kiosk(Privacy.NONE, null, null);
        navigate("kiosk");
        KioskView view = _get(KioskView.class);
        String code = view.pairingCode();
        assertThat(_get(Div.class, s -> s.withId("kiosk-pairing")).getElement().getTextRecursively())
                .contains(code);
        asAdmin();
        kiosks.pair(code.toLowerCase(), token.kioskId());
        MockVaadin.runUIQueue();
        assertThat(view.pairingCode()).as("the screen picked up its token").isNull();
        assertThat(kiosks.pickUp(code)).isEmpty();
        // the old address of the kiosk is replaced by the paired screen's
        assertThat(kiosks.byToken(token.token())).isEmpty();
    }
}
