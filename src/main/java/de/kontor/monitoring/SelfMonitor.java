package de.kontor.monitoring;

import de.kontor.agent.Agent;
import de.kontor.agent.HostPaths;
import de.kontor.agent.Inventory;
import de.kontor.agent.InventoryCollector;
import de.kontor.agent.MetricsCollector;
import de.kontor.agent.Protocol;
import de.kontor.agent.Protocol.AgentInfo;
import de.kontor.agent.Protocol.Report;
import de.kontor.agent.Sample;
import de.kontor.backup.BackupFailed;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Kontor's own server as a node: every Kontor instance collects its host with the agent's collectors,
 * in-process, adds Kontor's own checks, and stores the result through the same ingest as agents' reports.
 * Runs on every instance (not through the clustered scheduler): each instance is its own node.
 */
@Component
class SelfMonitor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SelfMonitor.class);

    private final MonitoringService monitoring;
    private final KontorChecks checks;
    private final MonitoringProperties properties;
    private final Clock clock;
    private @Nullable ScheduledExecutorService executor;
    private @Nullable MetricsCollector metrics;
    private @Nullable InventoryCollector inventory;
    private @Nullable String host;
    private Instant nextInventory = Instant.EPOCH;
    private volatile boolean running;

    SelfMonitor(MonitoringService monitoring, KontorChecks checks, MonitoringProperties properties, Clock clock) {
        this.monitoring = monitoring;
        this.checks = checks;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void start() {
        running = true;
        Duration every = properties.selfInterval();
        if (every.isZero() || every.isNegative()) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kontor-self-monitor");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleAtFixedRate(this::collectQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void collectQuietly() {
        try {
            collect();
        } catch (RuntimeException e) {
            log.warn("Collecting Kontor's own server failed: {}", e.toString());
        }
    }

    /** One round: a sample with Kontor's checks, and the inventory when it is due. Returns the node id. */
    synchronized long collect() {
        if (metrics == null || inventory == null) {
            metrics = new MetricsCollector(HostPaths.local());
            inventory = new InventoryCollector(HostPaths.local(), Path.of("/var/run/docker.sock"), System.getenv(), 10);
        }
        Instant now = clock.instant();
        Inventory inv = null;
        if (!now.isBefore(nextInventory)) {
            inv = inventory.collect(now.getEpochSecond());
            host = inv.facts().hostname();
            nextInventory = now.plus(properties.inventoryInterval());
        }
        Map<String, Double> values = new TreeMap<>(metrics.collect());
        values.putAll(checks.check());
        String hostname = host == null ? "localhost" : host;
        Report report = new Report(
                new AgentInfo(Agent.VERSION, Protocol.VERSION, hostname, List.of()),
                now.toEpochMilli(),
                List.of(new Sample(now.getEpochSecond(), values)),
                inv);
        return monitoring.ingestLocal(hostname, report);
    }

    /**
     * A failed backup is reported at once rather than at the next round, so its alert does not wait for the
     * interval. Collecting stores through the ingest's own transactions.
     */
    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void backupFailed(BackupFailed event) {
        if (running && !properties.selfInterval().isZero()) {
            collectQuietly();
        }
    }

    @Override
    public void stop() {
        running = false;
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
