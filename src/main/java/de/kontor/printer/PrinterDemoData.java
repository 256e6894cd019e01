package de.kontor.printer;

import de.kontor.base.demo.DemoContext;
import de.kontor.base.demo.DemoData;
import de.kontor.printer.PrinterModel.PrinterDraft;
import de.kontor.printer.plug.sim.DemoPlugs;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Demo printers on the emulated plugs of {@link DemoPlugs}, sharing one default Tapo account. */
@Component
class PrinterDemoData implements DemoData {

    private final PrinterService printers;
    private final ObjectProvider<DemoPlugs> plugs;
    private final Clock clock;

    PrinterDemoData(PrinterService printers, ObjectProvider<DemoPlugs> plugs, Clock clock) {
        this.printers = printers;
        this.plugs = plugs;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "printer";
    }

    @Override
    public int order() {
        return 70;
    }

    @Override
    public void load(DemoContext context) {
        DemoPlugs demo = plugs.getIfAvailable();
        if (demo == null) {
            return;
        }
        printers.setDefaultCredentials(DemoPlugs.USERNAME, DemoPlugs.PASSWORD);
        String[] models = {"Prusa MK4", "Prusa MK4", "Bambu Lab X1C", "Voron 2.4 350"};
        String[] places = {"Werkstatt, Regal 1", "Werkstatt, Regal 1", "Werkstatt, Regal 2", "Labor"};
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < DemoPlugs.NAMES.length; i++) {
            ids.add(printers.create(new PrinterDraft(
                            DemoPlugs.NAMES[i],
                            models[i],
                            places[i],
                            "127.0.0.1",
                            demo.port(i),
                            null,
                            null,
                            10,
                            5,
                            true,
                            i == 3 ? "Heizbett braucht 10 Minuten" : null))
                    .id());
        }
        // the coming days' reservations of the demo members
        Instant base = clock.instant().truncatedTo(ChronoUnit.HOURS);
        String[][] who = {
            {"mara.schmidt", "Mara Schmidt", "Helm für den Umzug"},
            {"jonas.becker", "Jonas Becker", "Ersatzteile Fräse"},
            {"lea.mueller", "Lea Müller", "Schachfiguren"},
            {"tim.oezdemir", "Tim Özdemir", "Gehäuse Wetterstation"}
        };
        for (int i = 0; i < 8; i++) {
            String[] w = who[i % who.length];
            Instant start =
                    base.plus(Duration.ofHours(3 + i * 9L + context.random().nextInt(3)));
            printers.reserveFor(
                    w[0],
                    w[1],
                    ids.get(i % ids.size()),
                    start,
                    start.plus(Duration.ofMinutes(60 + 30L * context.random().nextInt(6))),
                    w[2]);
        }
    }
}
