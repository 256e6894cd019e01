package de.kontor.printer.plug.sim;

import de.kontor.printer.PrinterProperties;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * In demo mode, four emulated P110 plugs on loopback ports ({@code kontor.printer.demo.base-port}, default
 * 18801–18804), so a new user can switch printers without hardware. The demo printers point at them.
 */
@Component
@ConditionalOnProperty(name = "kontor.printer.demo.enabled", havingValue = "true")
public class DemoPlugs {

    public static final String USERNAME = "demo-plugs@kontor.local";
    public static final String PASSWORD = "demo-plugs";
    public static final String[] NAMES = {"Prusa MK4 (links)", "Prusa MK4 (rechts)", "Bambu Lab X1C", "Voron 2.4"};
    /** What the printers draw while switched on (W): printing, printing, idle, heating. */
    private static final double[] LOADS = {145, 160, 4, 320};

    private static final Logger log = LoggerFactory.getLogger(DemoPlugs.class);

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final List<P110Emulator> plugs = new ArrayList<>();
    private final int basePort;

    @Autowired
    public DemoPlugs(Clock clock, PrinterProperties properties) {
        this(clock, properties.demo().basePort());
    }

    /** Demo plugs on {@code basePort} and the three ports after it. */
    public DemoPlugs(Clock clock, int basePort) {
        this.basePort = basePort;
        for (int i = 0; i < NAMES.length; i++) {
            try {
                P110Emulator plug = P110Emulator.start(USERNAME, PASSWORD, NAMES[i], clock, threads, i, basePort + i);
                plug.load(LOADS[i]);
                plug.press(i < 2); // two printers are printing when the demo starts
                plugs.add(plug);
            } catch (IllegalStateException e) {
                log.warn("Demo plug {} not started: {}", NAMES[i], e.getMessage());
            }
        }
        log.info(
                "Demo mode: {} emulated Tapo P110 plugs on 127.0.0.1:{}-{}",
                plugs.size(),
                basePort,
                basePort + NAMES.length - 1);
    }

    public int port(int index) {
        return basePort + index;
    }

    @PreDestroy
    public void stop() {
        plugs.forEach(P110Emulator::close);
        threads.shutdownNow();
    }
}
