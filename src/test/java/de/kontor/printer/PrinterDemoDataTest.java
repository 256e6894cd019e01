package de.kontor.printer;

import de.kontor.IntegrationTest;
import de.kontor.base.demo.DemoContext;
import de.kontor.printer.PrinterModel.PlugState;
import de.kontor.printer.PrinterModel.Printer;
import de.kontor.printer.plug.sim.DemoPlugs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** Demo mode: printers on emulated plugs that a new user can poll and switch without hardware. */
class PrinterDemoDataTest extends IntegrationTest {

    @Autowired
    PrinterService printers;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void demoPrintersRunOnEmulatedPlugs() {
        DemoPlugs plugs =
                new DemoPlugs(clock, 20_000 + ThreadLocalRandom.current().nextInt(20_000));
        try {
            StaticListableBeanFactory beans = new StaticListableBeanFactory();
            beans.addBean("demoPlugs", plugs);
            ObjectProvider<DemoPlugs> provider = beans.getBeanProvider(DemoPlugs.class);
            transactions.executeWithoutResult(s -> new PrinterDemoData(printers, provider, clock)
                    .load(new DemoContext(new Random(1), "Demo-Passw0rd-1")));
            printers.poll();
            List<Printer> demo = printers.printers(false).stream()
                    .filter(p -> List.of(DemoPlugs.NAMES).contains(p.name()))
                    .toList();
            assertThat(demo).hasSize(4);
            assertThat(printers.reservationsBetween(
                            clock.instant(), clock.instant().plus(Duration.ofDays(4))))
                    .filteredOn(r -> demo.stream().anyMatch(p -> p.id() == r.printerId()))
                    .hasSize(8);
            assertThat(demo).filteredOn(p -> p.state() == PlugState.ON).hasSize(2);
            Printer off = demo.stream()
                    .filter(p -> p.state() == PlugState.OFF)
                    .findFirst()
                    .orElseThrow();
            assertThat(printers.power(off.id(), true, "demo test").state()).isEqualTo(PlugState.ON);
        } finally {
            plugs.stop();
        }
    }
}
