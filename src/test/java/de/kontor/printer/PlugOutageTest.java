package de.kontor.printer;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import de.kontor.IntegrationTest;
import de.kontor.printer.PrinterModel.PlugState;
import de.kontor.printer.PrinterModel.Printer;
import de.kontor.printer.plug.sim.P110Emulator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plug whose local API is down for minutes (firmware 1.4.6 after a power loss: connections refused):
 * polling marks it unreachable and asks it less and less often, the log says so once — not once per poll —
 * and once more when it answers again.
 */
class PlugOutageTest extends IntegrationTest {

    static final Duration LONGEST_BACKOFF = Duration.ofSeconds(PlugHealth.MAX_BACKOFF_SECONDS);

    @Autowired
    PrinterService printers;

    TestPlugs plugs;
    final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    final Logger printerLog = (Logger) LoggerFactory.getLogger("de.kontor.printer");

    @BeforeEach
    void setUp() {
        plugs = new TestPlugs(clock);
        TestPlugs.asAdmin();
        logged.start();
        printerLog.addAppender(logged);
    }

    @AfterEach
    void tearDown() {
        printerLog.detachAppender(logged);
        plugs.close();
    }

    List<ILoggingEvent> about(Printer p) {
        return logged.list.stream()
                .filter(e -> e.getFormattedMessage().contains(p.name()))
                .toList();
    }

    @Test
    void refusedConnectionsMakeAPlugUnreachableWithBackOffAndOneLogLine() {
        P110Emulator plug = plugs.start("After a power loss");
        Printer printer = printers.create(TestPlugs.draft(unique("Outage"), plug));
        printers.poll();
        assertThat(printers.get(printer.id()).state()).isEqualTo(PlugState.OFF);

        plug.refuseConnections(true);
        for (int i = 0; i < 6; i++) {
            clock.advance(LONGEST_BACKOFF); // every poll asks it
            printers.poll();
        }
        Printer down = printers.get(printer.id());
        assertThat(down.state()).isEqualTo(PlugState.UNREACHABLE);
        assertThat(down.failures()).isEqualTo(6);
        assertThat(down.lastError()).startsWith("UNREACHABLE").contains("refuses connections");

        int accepted = plug.connectionsAccepted();
        int failures = down.failures();
        printers.poll(); // right after a failure: backed off, not asked
        assertThat(printers.get(printer.id()).failures()).isEqualTo(failures);
        assertThat(plug.connectionsAccepted()).isEqualTo(accepted);

        assertThat(about(printer))
                .as("one line when the plug becomes unreachable, none for the failed polls after it")
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.getLevel()).isEqualTo(Level.WARN);
                    assertThat(e.getFormattedMessage()).contains("unreachable");
                });

        plug.refuseConnections(false); // its local API has started
        clock.advance(LONGEST_BACKOFF);
        printers.poll();
        Printer back = printers.get(printer.id());
        assertThat(back.state()).isEqualTo(PlugState.OFF);
        assertThat(back.failures()).isZero();
        assertThat(about(printer)).hasSize(2).last().satisfies(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.INFO);
            assertThat(e.getFormattedMessage()).contains("answers again");
        });
    }
}
