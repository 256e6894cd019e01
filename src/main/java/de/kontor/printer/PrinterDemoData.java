package de.kontor.printer;

import de.kontor.base.demo.DemoContext;
import de.kontor.base.demo.DemoData;
import de.kontor.printer.PrinterModel.PrinterDraft;
import de.kontor.printer.plug.sim.DemoPlugs;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Demo printers on the emulated plugs of {@link DemoPlugs}, sharing one default Tapo account. */
@Component
class PrinterDemoData implements DemoData {

    private final PrinterService printers;
    private final ObjectProvider<DemoPlugs> plugs;

    PrinterDemoData(PrinterService printers, ObjectProvider<DemoPlugs> plugs) {
        this.printers = printers;
        this.plugs = plugs;
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
        for (int i = 0; i < DemoPlugs.NAMES.length; i++) {
            printers.create(new PrinterDraft(DemoPlugs.NAMES[i], models[i], places[i], "127.0.0.1", demo.port(i), null, null,
                    10, 5, true, i == 3 ? "Heizbett braucht 10 Minuten" : null));
        }
    }
}
