package de.kontor.printer;

import de.kontor.AuditRefusal;
import de.kontor.IntegrationTest;
import de.kontor.printer.PrinterModel.Printer;
import de.kontor.printer.PrinterModel.ReservationState;
import de.kontor.printer.plug.sim.P110Emulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;
import org.quartz.impl.matchers.GroupMatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each writing method of the printers is one transaction with its audit entry: when the database refuses the
 * audit entry after the first write, nothing of the change is left — no row, no Quartz trigger.
 */
class PrinterTransactionsTest extends IntegrationTest {

    @Autowired
    PrinterService printers;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Scheduler scheduler;

    TestPlugs plugs;
    P110Emulator plug;

    @BeforeEach
    void setUp() {
        plugs = new TestPlugs(clock);
        plug = plugs.start("Tx");
        TestPlugs.asAdmin();
    }

    @AfterEach
    void tearDown() {
        plugs.close();
    }

    @Test
    void aPrinterWhoseAuditEntryFailsIsNotAdded() {
        String name = unique("refused-printer");
        try (var refusal = AuditRefusal.refuse(jdbc, "printer", "CREATE", "%" + name + "%")) {
            assertThatThrownBy(() -> printers.create(TestPlugs.draft(name, plug)))
                    .isInstanceOf(DataAccessException.class)
                    .hasMessageContaining("refused by the test");
        }
        assertThat(jdbc.queryForObject("select count(*) from printer where name = ?", Integer.class, name))
                .isZero();
    }

    @Test
    void aReservationWhoseAuditEntryFailsLeavesNeitherARowNorItsTriggers() throws Exception {
        Printer printer = printers.create(TestPlugs.draft(unique("Tx printer"), plug));
        String member = unique("refused-member");
        TestPlugs.as(member, "ROLE_MEMBER");
        int triggersBefore = scheduler
                .getTriggerKeys(GroupMatcher.triggerGroupEquals(ReservationJob.GROUP))
                .size();
        try (var refusal = AuditRefusal.refuse(jdbc, "printer", "CREATE", "%reserved by " + member + "%")) {
            assertThatThrownBy(() -> printers.reserve(
                            printer.id(),
                            clock.instant().plus(Duration.ofHours(1)),
                            clock.instant().plus(Duration.ofHours(2)),
                            "Refused"))
                    .isInstanceOf(DataAccessException.class);
        }
        assertThat(jdbc.queryForObject(
                        "select count(*) from printer_reservation where username = ?", Integer.class, member))
                .isZero();
        assertThat(scheduler
                        .getTriggerKeys(GroupMatcher.triggerGroupEquals(ReservationJob.GROUP))
                        .size())
                .as("the triggers were scheduled in the same transaction and went with it")
                .isEqualTo(triggersBefore);

        // the same reservation goes through once the audit entry is accepted
        var reservation = printers.reserve(
                printer.id(),
                clock.instant().plus(Duration.ofHours(1)),
                clock.instant().plus(Duration.ofHours(2)),
                "Accepted");
        assertThat(reservation.state()).isEqualTo(ReservationState.PLANNED);
    }

    @Test
    void anExtensionWhoseAuditEntryFailsKeepsTheOldEnd() {
        Printer printer = printers.create(TestPlugs.draft(unique("Tx extend"), plug));
        String member = unique("member");
        TestPlugs.as(member, "ROLE_MEMBER");
        var r = printers.reserve(
                printer.id(),
                clock.instant().plus(Duration.ofHours(1)),
                clock.instant().plus(Duration.ofHours(2)),
                "Extend me");
        try (var refusal = AuditRefusal.refuse(jdbc, "printer", "EXTEND", "Reservation #" + r.id() + " %")) {
            assertThatThrownBy(() -> printers.extend(r.id(), 30)).isInstanceOf(DataAccessException.class);
        }
        assertThat(printers.reservation(r.id()).endsAt()).isEqualTo(r.endsAt());
        assertThat(printers.reservation(r.id()).version()).isEqualTo(r.version());
    }
}
