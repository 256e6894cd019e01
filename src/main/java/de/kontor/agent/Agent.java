package de.kontor.agent;

import de.kontor.agent.Protocol.AgentInfo;
import de.kontor.agent.Protocol.Answer;
import de.kontor.agent.Protocol.Report;
import de.kontor.agent.Protocol.Settings;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The running agent: collects a sample every interval and the inventory every minute (each on its own
 * thread, so a slow Docker daemon never delays metrics), and a sender posts what is buffered, oldest
 * first, in reports of bounded size. When Kontor cannot be reached the samples stay in the bounded
 * buffer and go out once it answers again; nothing is lost in between unless the outage outlasts the
 * buffer.
 * <p>
 * The agent only ever opens outgoing connections. Kontor's answer carries its settings; when the owner
 * allowed capabilities, a {@link CommandChannel} fetches signed commands by long poll on its own thread.
 */
public final class Agent implements AutoCloseable {

    public static final String VERSION = "1.0";

    private static final System.Logger log = System.getLogger(Agent.class.getName());
    private static final Object WAKE = new Object();
    private static final int DEFAULT_MAX_PER_REPORT = 240;

    private final AgentConfig config;
    private final MetricsCollector metrics;
    private final InventoryCollector inventory;
    private final KontorClient client;
    private final Clock clock;
    private final SampleBuffer buffer;
    private final ScheduledExecutorService collectors;
    private final Thread sender;
    private final BlockingQueue<Object> wake = new LinkedBlockingQueue<>(1);
    private final AtomicReference<@Nullable Inventory> pendingInventory = new AtomicReference<>();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicReference<@Nullable String> lastError = new AtomicReference<>();
    private final String hostname;
    private final @Nullable CommandChannel commands;

    private volatile int maxPerReport = DEFAULT_MAX_PER_REPORT;
    private volatile Duration interval;
    private volatile Duration inventoryInterval;
    private @Nullable ScheduledFuture<?> sampling;
    private @Nullable ScheduledFuture<?> inventorying;
    private volatile boolean running;

    public Agent(AgentConfig config) {
        this(config, new MetricsCollector(config.hostRoot()), inventoryOf(config), Clock.systemUTC());
    }

    Agent(AgentConfig config, MetricsCollector metrics, InventoryCollector inventory, Clock clock) {
        this.config = config;
        this.metrics = metrics;
        this.inventory = inventory;
        this.clock = clock;
        this.client = new KontorClient(
                Objects.requireNonNull(config.server(), "server"),
                Objects.requireNonNull(config.token(), "token"),
                config.pins());
        this.buffer = new SampleBuffer(config.bufferedSamples());
        this.interval = config.interval();
        this.inventoryInterval = config.inventoryInterval();
        this.collectors = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "kontor-agent-collect");
            t.setDaemon(true);
            return t;
        });
        this.sender = new Thread(this::sendLoop, "kontor-agent-send");
        this.sender.setDaemon(true);
        this.hostname =
                inventory.collect(clock.instant().getEpochSecond()).facts().hostname();
        var allowed = Capabilities.allowed(config, inventory);
        this.commands = allowed.isEmpty() ? null : new CommandChannel(config, client, allowed, clock);
    }

    static InventoryCollector inventoryOf(AgentConfig config) {
        return new InventoryCollector(config.hostRoot(), config.dockerSocket(), config.environment(), 10);
    }

    public synchronized void start() {
        running = true;
        sender.start();
        if (commands != null) {
            commands.start();
        }
        schedule();
    }

    private synchronized void schedule() {
        if (sampling != null) {
            sampling.cancel(false);
        }
        if (inventorying != null) {
            inventorying.cancel(false);
        }
        long every = interval.toMillis();
        // samples on whole multiples of the interval: evenly spaced, and distinct seconds
        long delay = every - clock.millis() % every;
        sampling = collectors.scheduleAtFixedRate(this::sample, delay, every, TimeUnit.MILLISECONDS);
        inventorying = collectors.scheduleAtFixedRate(
                this::collectInventory, 1000, inventoryInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void sample() {
        try {
            long at = Math.round(clock.millis() / 1000.0);
            buffer.add(new Sample(at, metrics.collect()));
            wake.offer(WAKE);
        } catch (RuntimeException e) {
            log.log(Level.WARNING, "Collecting failed: " + e, e);
        }
    }

    private void collectInventory() {
        try {
            pendingInventory.set(inventory.collect(clock.instant().getEpochSecond()));
            wake.offer(WAKE);
        } catch (RuntimeException e) {
            log.log(Level.WARNING, "Collecting the inventory failed: " + e, e);
        }
    }

    private void sendLoop() {
        while (running) {
            try {
                wake.poll(interval.toMillis(), TimeUnit.MILLISECONDS);
                drain();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Sends until the buffer is empty or Kontor cannot be reached. */
    private void drain() {
        while (running) {
            List<Sample> batch = buffer.oldest(maxPerReport);
            Inventory inv = pendingInventory.get();
            if (batch.isEmpty() && inv == null) {
                return;
            }
            Report report = new Report(
                    new AgentInfo(VERSION, Protocol.VERSION, hostname, capabilities()), clock.millis(), batch, inv);
            try {
                Answer answer = client.report(report);
                buffer.remove(batch);
                pendingInventory.compareAndSet(inv, null);
                delivered.addAndGet(batch.size());
                if (lastError.getAndSet(null) != null) {
                    log.log(Level.INFO, "Kontor reached again; sending " + buffer.size() + " buffered samples");
                }
                apply(answer.settings());
            } catch (KontorClient.Rejected e) {
                buffer.remove(batch);
                pendingInventory.compareAndSet(inv, null);
                log.log(Level.WARNING, e.getMessage());
            } catch (IOException e) {
                String message = e instanceof KontorClient.Refused
                        ? e.getMessage()
                        : "Kontor not reachable (" + e + "); keeping samples (" + buffer.size() + " buffered)";
                if (!message.equals(lastError.getAndSet(message))) {
                    log.log(Level.WARNING, message);
                }
                return;
            } catch (RuntimeException e) {
                log.log(Level.WARNING, "Unexpected answer from Kontor: " + e, e);
                return;
            }
        }
    }

    private void apply(@Nullable Settings settings) {
        if (settings == null) {
            return;
        }
        maxPerReport = Math.max(1, settings.maxSamplesPerReport());
        Duration wanted = settings.intervalSeconds() == null
                ? config.interval()
                : Duration.ofSeconds(Math.max(1, settings.intervalSeconds()));
        Duration inv = Duration.ofSeconds(Math.max(10, settings.inventorySeconds()));
        if (!wanted.equals(interval) || !inv.equals(inventoryInterval)) {
            log.log(Level.INFO, "Kontor set the interval to " + wanted.toSeconds() + " s");
            interval = wanted;
            inventoryInterval = inv;
            schedule();
        }
    }

    /** The capabilities Kontor may use on this node. */
    public List<String> capabilities() {
        return commands == null ? List.of() : commands.allowed();
    }

    /** Samples delivered to Kontor since the start. */
    public long delivered() {
        return delivered.get();
    }

    /** Samples waiting for delivery. */
    public int buffered() {
        return buffer.size();
    }

    /** Samples dropped because the buffer was full. */
    public long dropped() {
        return buffer.dropped();
    }

    public Duration interval() {
        return interval;
    }

    /** What went wrong with the last delivery, or null when it worked. */
    public @Nullable String lastError() {
        return lastError.get();
    }

    @Override
    public void close() {
        running = false;
        if (commands != null) {
            commands.close();
        }
        collectors.shutdownNow();
        sender.interrupt();
        try {
            sender.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        client.close();
    }
}
