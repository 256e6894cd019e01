package de.kontor.printer;

import de.kontor.IntegrationTest;
import de.kontor.TestMail;
import de.kontor.base.error.DomainException;
import de.kontor.printer.PrinterModel.Printer;
import de.kontor.printer.PrinterModel.PrinterDraft;
import de.kontor.printer.PrinterModel.Reservation;
import de.kontor.printer.PrinterModel.ReservationState;
import de.kontor.printer.PrinterModel.Slot;
import de.kontor.printer.plug.sim.P110Emulator;
import de.kontor.security.NewUser;
import de.kontor.security.Role;
import de.kontor.security.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Reservations: the rules, the power switching around them (called directly and fired by Quartz). */
class ReservationTest extends IntegrationTest {

    @Autowired
    PrinterService printers;

    @Autowired
    ReservationTriggers triggers;

    @Autowired
    Scheduler scheduler;

    final ExecutorService threads = Executors.newCachedThreadPool();
    final List<P110Emulator> plugs = new ArrayList<>();
    P110Emulator plug;
    Printer printer;

    @BeforeEach
    void setUp() {
        as(ADMIN, "ROLE_ADMIN");
        plug = P110Emulator.start("res@example.org", "Plug-Pw-1", "Res", clock, threads, 3);
        plugs.add(plug);
        printer = printers.create(new PrinterDraft(
                unique("MK4"),
                null,
                null,
                plug.host(),
                plug.port(),
                "res@example.org",
                "Plug-Pw-1",
                10,
                5,
                true,
                null));
        as("mara", "ROLE_MEMBER");
    }

    @AfterEach
    void tearDown() {
        plugs.forEach(P110Emulator::close);
        threads.shutdownNow();
        SecurityContextHolder.clearContext();
    }

    static void as(String user, String role) {
        TestPlugs.as(user, role);
    }

    Instant at(int minutesFromNow) {
        return clock.instant().plus(Duration.ofMinutes(minutesFromNow));
    }

    static String code(Runnable call) {
        try {
            call.run();
        } catch (DomainException e) {
            return e.code();
        }
        return "none";
    }

    @Test
    void reservationsMayNotOverlapStartInThePastOrBeTooLong() {
        Reservation first = printers.reserve(printer.id(), at(60), at(120), "Benchy");
        assertThat(first.state()).isEqualTo(ReservationState.PLANNED);
        assertThat(triggers.next(first.id(), "start")).isPresent();
        assertThat(code(() -> printers.reserve(printer.id(), at(90), at(150), "Overlap")))
                .isEqualTo("SLOT_TAKEN");
        assertThat(code(() -> printers.reserve(printer.id(), at(-10), at(30), "Past")))
                .isEqualTo("START_IN_PAST");
        assertThat(code(() -> printers.reserve(printer.id(), at(200), at(200 + 9 * 60), "Long")))
                .isEqualTo("TOO_LONG");
        assertThat(code(() -> printers.reserve(printer.id(), at(200), at(190), "Back")))
                .isEqualTo("END_BEFORE_START");
        assertThat(code(() -> printers.reserve(printer.id(), at(200), at(220), " ")))
                .isEqualTo("TITLE_REQUIRED");
        Reservation after = printers.reserve(printer.id(), at(120), at(180), "Right after");

        assertThat(code(() -> printers.extend(first.id(), 30))).isEqualTo("SLOT_TAKEN");
        printers.cancel(after.id());
        Reservation extended = printers.extend(first.id(), 30);
        assertThat(extended.endsAt()).isEqualTo(first.endsAt().plus(Duration.ofMinutes(30)));
        assertThat(triggers.next(first.id(), "end")).isPresent();

        // another member sees the slot, not what it is or whose
        as("jonas", "ROLE_MEMBER");
        List<Slot> slots = printers.slots(printer.id(), at(0), at(24 * 60));
        Slot seen = slots.stream().filter(s -> s.id() == first.id()).findFirst().orElseThrow();
        assertThat(seen.mine()).isFalse();
        assertThat(seen.title()).isNull();
        assertThat(seen.displayName()).isNull();
        assertThat(code(() -> printers.reservation(first.id()))).isEqualTo("RESERVATION_NOT_FOUND");
        assertThat(code(() -> printers.cancel(first.id()))).isEqualTo("RESERVATION_NOT_FOUND");
        as(ADMIN, "ROLE_ADMIN");
        assertThat(printers.slots(printer.id(), at(0), at(24 * 60)).stream()
                        .filter(s -> s.id() == first.id())
                        .findFirst()
                        .orElseThrow()
                        .title())
                .isEqualTo("Benchy");
    }

    @Test
    void powerGoesOnForTheSlotAndOffOnlyOnceThePrinterIsIdle() {
        Reservation r = printers.reserve(printer.id(), at(1), at(61), "Helmet");
        plug.load(180);
        printers.startReservation(r.id());
        assertThat(plug.isOn()).isTrue();
        assertThat(printers.reservation(r.id()).state()).isEqualTo(ReservationState.ACTIVE);

        clock.advance(Duration.ofMinutes(62));
        printers.endReservation(r.id());
        assertThat(plug.isOn()).as("never cut a print").isTrue();
        assertThat(printers.reservation(r.id()).state()).isEqualTo(ReservationState.OVERRUN);

        plug.load(2); // done printing, heater off
        clock.advance(Duration.ofMinutes(1));
        printers.endReservation(r.id());
        assertThat(plug.isOn()).as("idle for less than 3 minutes").isTrue();
        clock.advance(Duration.ofMinutes(3));
        printers.endReservation(r.id());
        assertThat(plug.isOn()).isFalse();
        Reservation done = printers.reservation(r.id());
        assertThat(done.state()).isEqualTo(ReservationState.DONE);
        assertThat(done.poweredOffAt()).isNotNull();
        assertThat(done.energyWh()).isBetween(180.0, 200.0); // 180 W for ~63 min
    }

    @Autowired
    UserService users;

    @Test
    void theMemberIsToldByMailWhenTheReservationRunsOver() throws Exception {
        String name = unique("maker");
        String email = name + "@example.org";
        as(ADMIN, "ROLE_ADMIN");
        users.createUser(new NewUser(name, "Maker", email, EnumSet.of(Role.MEMBER), "Maker-Pw-12345"));
        as(name, "ROLE_MEMBER");
        Reservation r = printers.reserve(printer.id(), at(1), at(31), "Long print");
        plug.load(200);
        printers.startReservation(r.id());
        clock.advance(Duration.ofMinutes(32));
        printers.endReservation(r.id());
        var mails = TestMail.awaitMailsTo(email, 1);
        assertThat(mails.get(0).getSubject()).contains(printer.name());
        assertThat(TestMail.text(mails.get(0))).contains("200 W");
    }

    @Test
    void finishingEarlyEndsNowAndSwitchesOffAnIdlePrinter() {
        Reservation r = printers.reserve(printer.id(), at(1), at(120), "Kurz");
        plug.load(150);
        printers.startReservation(r.id());
        clock.advance(Duration.ofMinutes(30));
        printers.finish(r.id());
        assertThat(printers.reservation(r.id()).state()).as("still printing").isEqualTo(ReservationState.OVERRUN);
        assertThat(printers.reservation(r.id()).endsAt()).isBefore(r.endsAt());
        assertThat(plug.isOn()).isTrue();
        plug.load(0);
        clock.advance(Duration.ofMinutes(4));
        printers.endReservation(r.id());
        assertThat(plug.isOn()).isFalse();
        assertThat(printers.reservation(r.id()).state()).isEqualTo(ReservationState.DONE);

        Reservation planned = printers.reserve(printer.id(), at(60), at(90), "Später");
        assertThat(printers.finish(planned.id()).state())
                .as("not started: cancelled")
                .isEqualTo(ReservationState.CANCELLED);
    }

    @Test
    void thePowerStaysOnWhenTheNextReservationIsWarmingUp() {
        Reservation first = printers.reserve(printer.id(), at(1), at(31), "Part 1");
        Reservation second = printers.reserve(printer.id(), at(33), at(60), "Part 2");
        printers.startReservation(first.id());
        plug.load(0);
        clock.advance(Duration.ofMinutes(31));
        printers.endReservation(first.id());
        assertThat(printers.reservation(first.id()).state()).isEqualTo(ReservationState.DONE);
        assertThat(plug.isOn()).isTrue();
        printers.startReservation(second.id());
        assertThat(printers.reservation(second.id()).state()).isEqualTo(ReservationState.ACTIVE);
    }

    @Test
    void reconcilingSwitchesOffIdlePrintersNoReservationHolds() {
        plug.press(true);
        plug.load(1);
        as(ADMIN, "ROLE_ADMIN");
        P110Emulator busy = P110Emulator.start("res@example.org", "Plug-Pw-1", "Busy", clock, threads, 4);
        plugs.add(busy);
        printers.create(new PrinterDraft(
                unique("Busy"),
                null,
                null,
                busy.host(),
                busy.port(),
                "res@example.org",
                "Plug-Pw-1",
                10,
                5,
                true,
                null));
        busy.press(true);
        busy.load(150);
        printers.reconcile();
        assertThat(plug.isOn()).isFalse();
        assertThat(busy.isOn()).as("still printing").isTrue();
    }

    @Test
    void quartzPowersOnBeforeTheStartAndOffOnceIdle() throws Exception {
        plug.load(120);
        Reservation r = printers.reserve(
                printer.id(), clock.instant().plusSeconds(2), clock.instant().plusSeconds(4), "Quartz");
        boolean started = scheduler.isStarted() && !scheduler.isInStandbyMode();
        scheduler.start();
        try {
            // warm-up of 5 minutes: the start trigger is due at once
            await().pollInSameThread()
                    .alias("power on")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> plug.isOn());
            as(ADMIN, "ROLE_ADMIN");
            await().pollInSameThread()
                    .alias("overrun while printing")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> printers.reservation(r.id()).state() == ReservationState.OVERRUN);
            assertThat(plug.isOn()).isTrue();
            plug.load(0);
            clock.advance(Duration.ofMinutes(4));
            await().pollInSameThread()
                    .alias("power off once idle")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> !plug.isOn());
            await().pollInSameThread()
                    .alias("reservation done")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> printers.reservation(r.id()).state() == ReservationState.DONE);
        } finally {
            if (!started) {
                scheduler.standby();
            }
        }
    }

    @Test
    void triggersMissedWhileKontorWasDownFireAtOnceAndStrayPlugsAreReconciled() throws Exception {
        // Kontor is "down": the scheduler does not run while the reservation's power-on time passes
        assertThat(scheduler.isStarted() && !scheduler.isInStandbyMode()).isFalse();
        plug.load(100);
        Reservation r = printers.reserve(
                printer.id(), clock.instant().plusSeconds(1), clock.instant().plusSeconds(600), "Missed start");
        as(ADMIN, "ROLE_ADMIN");
        P110Emulator stray = P110Emulator.start("res@example.org", "Plug-Pw-1", "Stray", clock, threads, 5);
        plugs.add(stray);
        printers.create(new PrinterDraft(
                unique("Stray"),
                null,
                null,
                stray.host(),
                stray.port(),
                "res@example.org",
                "Plug-Pw-1",
                10,
                5,
                true,
                null));
        stray.press(true); // left on by hand while Kontor was down, idle
        // Quartz fires on the system clock: wait until the power-on time has passed while it stood still
        await().pollInSameThread()
                .atMost(Duration.ofSeconds(10))
                .until(() -> triggers.next(r.id(), "start")
                        .map(at -> at.isBefore(Instant.now()))
                        .orElse(false));
        assertThat(plug.isOn()).isFalse();

        scheduler.start(); // "back up"
        try {
            await().pollInSameThread()
                    .alias("the missed power-on")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> plug.isOn());
            await().pollInSameThread()
                    .alias("reservation active")
                    .atMost(Duration.ofSeconds(30))
                    .until(() -> printers.reservation(r.id()).state() == ReservationState.ACTIVE);
            printers.reconcile(); // what PrinterStartup does after a start
            assertThat(stray.isOn()).isFalse();
            assertThat(plug.isOn()).as("held by the active reservation").isTrue();
        } finally {
            scheduler.standby();
        }
    }
}
