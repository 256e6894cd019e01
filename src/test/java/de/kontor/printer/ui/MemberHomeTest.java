package de.kontor.printer.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import de.kontor.KaribuTest;
import de.kontor.printer.PrinterModel.Printer;
import de.kontor.printer.PrinterModel.PrinterDraft;
import de.kontor.printer.PrinterService;
import de.kontor.printer.plug.sim.P110Emulator;
import de.kontor.security.Role;
import de.kontor.tally.TallyModel.NewPerson;
import de.kontor.tally.TallyModel.PersonDetails;
import de.kontor.tally.TallyService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** A member's home page: their next reservations, their tally balance and what they can do. */
class MemberHomeTest extends KaribuTest {

    @Autowired
    PrinterService printers;

    @Autowired
    TallyService tally;

    @Autowired
    ZoneId zone;

    final ExecutorService threads = Executors.newCachedThreadPool();
    P110Emulator plug;

    @BeforeEach
    void setUp() {
        plug = P110Emulator.start("home@example.org", "Plug-Pw-1", "Home plug", clock, threads, 13);
    }

    @AfterEach
    void stop() {
        plug.close();
        threads.shutdownNow();
    }

    String tileText() {
        return _get(Div.class, s -> s.withId("tile-reservations")).getElement().getTextRecursively();
    }

    @Test
    void theHomePageListsTheMembersNextReservationsSoonestFirst() {
        loginAsAdmin();
        Printer p = printers.create(new PrinterDraft(
                unique("Home"),
                null,
                null,
                plug.host(),
                plug.port(),
                "home@example.org",
                "Plug-Pw-1",
                10,
                5,
                true,
                null));
        logout();
        login(unique("ida"), Role.MEMBER);
        LocalDate inThreeDays = LocalDate.ofInstant(clock.instant(), zone).plusDays(3);
        Instant later = inThreeDays.atTime(16, 0).atZone(zone).toInstant();
        Instant sooner = inThreeDays.atTime(9, 0).atZone(zone).toInstant();
        printers.reserve(p.id(), later, later.plus(Duration.ofHours(1)), "Lamp");
        printers.reserve(p.id(), sooner, sooner.plus(Duration.ofHours(2)), "Vase");

        navigate("");

        String text = tileText();
        assertThat(text).contains("Your next reservations", "09:00–11:00", p.name() + " · Vase", "16:00–17:00");
        assertThat(text.indexOf("Vase")).as("soonest first").isLessThan(text.indexOf("Lamp"));
        assertThat(_get(Anchor.class, s -> s.withId("tile-reservations-book")).getHref())
                .isEqualTo("reservations");
        assertThat(_find(Div.class, s -> s.withId("home-empty"))).isEmpty();
    }

    @Test
    void aMemberWithoutReservationsIsInvitedToBookAndSeesWhatTheyCanDo() {
        login(unique("ole"), Role.MEMBER);
        navigate("");
        assertThat(tileText()).contains("Nothing reserved yet.", "Reserve a printer");
        assertThat(_find(Anchor.class, s -> s.withClasses("kontor-home-link")))
                .extracting(Anchor::getHref)
                .contains("/reservations", "/my-tally", "/account")
                .doesNotContain("/", "/users", "/printers", "/audit");
    }

    @Test
    void aMemberWithATallyAccountSeesTheBalanceAndAdminsGetNoMemberLinks() {
        loginAsAdmin();
        String code =
                String.valueOf(3_000_000_000L + ThreadLocalRandom.current().nextInt(900_000_000));
        PersonDetails person = tally.createPerson(new NewPerson(code, "Nina", "Nagel", null, PASSWORD));
        tally.addBooking(person.id(), 12, "Deposit");
        navigate("");
        assertThat(_find(Anchor.class, s -> s.withClasses("kontor-home-link"))).isEmpty();
        logout();
        login(code);
        setUpUiKeepingLogin();
        navigate("");
        assertThat(_get(Anchor.class, s -> s.withId("tile-tally")).getElement().getTextRecursively())
                .startsWith("12 ");
        assertThat(_find(Anchor.class, s -> s.withClasses("kontor-home-link"))).isNotEmpty();
    }
}
