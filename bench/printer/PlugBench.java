import de.kontor.printer.plug.PlugClient;
import de.kontor.printer.plug.PlugModel.Address;
import de.kontor.printer.plug.PlugModel.Credentials;
import de.kontor.printer.plug.sim.P110Emulator;
import okhttp3.OkHttpClient;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Polls N emulated P110 plugs the way Kontor's poll job does (device info and energy in one multipleRequest per plug, at most 32 at a
 * time) and measures a full poll's wall time and CPU time, then the latency of switching a plug including
 * a fresh KLAP handshake. Client and emulators run in this one JVM on loopback.
 *   java -cp <classpath> bench/printer/PlugBench.java [plugs] [rounds]
 */
public class PlugBench {

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Credentials account = new Credentials("bench@example.org", "Bench-Plug-1");
        ExecutorService serverThreads = Executors.newVirtualThreadPerTaskExecutor();
        List<P110Emulator> plugs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            P110Emulator plug = P110Emulator.start(account.username(), account.password(), "Bench " + i,
                    Clock.systemUTC(), serverThreads, i);
            plug.load(100 + i % 50);
            plug.press(i % 2 == 0);
            plugs.add(plug);
        }
        PlugClient client = new PlugClient(new OkHttpClient(), Duration.ofSeconds(3), Duration.ofSeconds(8));
        ExecutorService pollers = Executors.newVirtualThreadPerTaskExecutor();
        var threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

        double[] wall = new double[rounds + 1];
        double[] cpu = new double[rounds + 1];
        for (int round = 0; round <= rounds; round++) {
            long cpuBefore = os.getProcessCpuTime();
            long start = System.nanoTime();
            Semaphore bound = new Semaphore(32);
            List<Future<?>> polls = new ArrayList<>();
            for (P110Emulator plug : plugs) {
                polls.add(pollers.submit(() -> {
                    bound.acquireUninterruptibly();
                    try {
                        Address address = new Address(plug.host(), plug.port());
                        client.status(address, account);
                    } finally {
                        bound.release();
                    }
                    return null;
                }));
            }
            for (Future<?> f : polls) {
                f.get();
            }
            wall[round] = (System.nanoTime() - start) / 1e6;
            cpu[round] = (os.getProcessCpuTime() - cpuBefore) / 1e6;
        }
        System.out.printf("full poll of %d plugs: first (with handshakes) %.0f ms wall, %.0f ms CPU; "
                        + "then median %.0f ms wall (max %.0f), median %.0f ms CPU (both sides)%n", count, wall[0], cpu[0],
                median(Arrays.copyOfRange(wall, 1, wall.length)), max(Arrays.copyOfRange(wall, 1, wall.length)),
                median(Arrays.copyOfRange(cpu, 1, cpu.length)));

        int switches = Math.min(count, 100);
        double[] latency = new double[switches];
        for (int i = 0; i < switches; i++) {
            P110Emulator plug = plugs.get(i);
            Address address = new Address(plug.host(), plug.port());
            client.forget(address); // a fresh handshake, as after a restart or a replaced session
            long start = System.nanoTime();
            client.switchPower(address, account, !plug.isOn());
            latency[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(latency);
        System.out.printf("switch incl. handshake and read-back (%d plugs): p50 %.1f ms, p90 %.1f ms, max %.1f ms%n",
                switches, latency[switches / 2], latency[(int) (switches * 0.9)], latency[switches - 1]);
        plugs.forEach(P110Emulator::close);
        System.exit(0);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(0);
    }
}
