package de.kontor.agent;

import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** {@code java -jar kontor-agent.jar --server https://kontor.example --token <node token>}. */
public final class AgentMain {

    private AgentMain() {}

    public static void main(String[] args) throws InterruptedException {
        // OSHI logs through SLF4J; the agent ships no SLF4J backend and reports its own problems
        System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
        System.setProperty("slf4j.internal.verbosity", "WARN");
        System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tFT%1$tT%1$tz %4$s %5$s%6$s%n");
        for (String a : args) {
            if (a.equals("--help") || a.equals("-h")) {
                System.out.println(AgentConfig.USAGE);
                return;
            }
            if (a.equals("--version")) {
                System.out.println("kontor-agent " + Agent.VERSION + " (protocol " + Protocol.VERSION + ")");
                return;
            }
        }
        AgentConfig config;
        try {
            config = AgentConfig.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println();
            System.err.println(AgentConfig.USAGE);
            System.exit(2);
            return;
        }
        if (config.print()) {
            print(config);
            return;
        }
        System.Logger log = System.getLogger(AgentMain.class.getName());
        Agent agent = new Agent(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            agent.close();
            stopped.countDown();
        }));
        agent.start();
        log.log(
                Level.INFO,
                "kontor-agent " + Agent.VERSION + " reporting to " + config.server() + " every "
                        + config.interval().toSeconds() + " s");
        stopped.await();
    }

    private static void print(AgentConfig config) throws InterruptedException {
        MetricsCollector metrics = new MetricsCollector(config.hostRoot());
        InventoryCollector inventory = Agent.inventoryOf(config);
        Thread.sleep(1000);
        long now = Instant.now().getEpochSecond();
        Map<String, Object> out =
                Map.of("sample", new Sample(now, metrics.collect()), "inventory", inventory.collect(now));
        System.out.println(KontorClient.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(out));
    }
}
