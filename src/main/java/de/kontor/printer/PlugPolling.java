package de.kontor.printer;

import de.kontor.base.db.Rows;
import de.kontor.base.error.DomainException;
import de.kontor.printer.PrinterModel.Printer;
import de.kontor.printer.PrinterModel.PrinterPowerChanged;
import de.kontor.printer.PrinterModel.PrintersPolled;
import de.kontor.printer.PrinterModel.Sample;
import de.kontor.printer.plug.PlugClient;
import de.kontor.printer.plug.PlugException;
import de.kontor.printer.plug.PlugModel.Credentials;
import de.kontor.printer.plug.PlugModel.DeviceInfo;
import de.kontor.printer.plug.PlugModel.EnergyUsage;
import de.kontor.printer.plug.PlugModel.Status;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Polling the plugs and keeping their power samples: every active printer whose plug is due is asked for
 * state and energy in one request, in parallel on virtual threads (at most {@code parallel-polls} at a
 * time); what it said and a power sample are stored in a short transaction per printer — never one held
 * open while plugs answer. Failures go to {@link PlugHealth} (back-off, unreachable).
 */
@Component
class PlugPolling {

    private static final Logger log = LoggerFactory.getLogger(PlugPolling.class);

    private static final RowMapper<Sample> SAMPLE = Rows.mapper(Sample.class);

    private final PrinterCatalog catalog;
    private final PlugCredentials credentials;
    private final PlugHealth health;
    private final PlugClient plugs;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final PrinterProperties properties;
    private final TransactionTemplate tx;
    private final TransactionTemplate read;
    private final ExecutorService pollers = Executors.newVirtualThreadPerTaskExecutor();

    PlugPolling(
            PrinterCatalog catalog,
            PlugCredentials credentials,
            PlugHealth health,
            PlugClient plugs,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            Clock clock,
            PrinterProperties properties,
            PlatformTransactionManager transactions) {
        this.catalog = catalog;
        this.credentials = credentials;
        this.health = health;
        this.plugs = plugs;
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.properties = properties;
        this.tx = new TransactionTemplate(transactions);
        this.read = new TransactionTemplate(transactions);
        this.read.setReadOnly(true);
    }

    int poll() {
        List<Printer> due = read.execute(s -> catalog.due(clock.instant()));
        Semaphore bound = new Semaphore(Math.max(1, properties.parallelPolls()));
        List<Future<?>> running = new ArrayList<>();
        for (Printer p : due) {
            running.add(pollers.submit(() -> {
                bound.acquireUninterruptibly();
                try {
                    pollOne(p);
                } finally {
                    bound.release();
                }
            }));
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (Exception e) {
                log.warn("Polling a printer failed", e);
            }
        }
        if (!due.isEmpty()) {
            // in a transaction, so listeners that react after commit hear it
            tx.executeWithoutResult(s -> events.publishEvent(new PrintersPolled(due.size())));
        }
        return due.size();
    }

    private void pollOne(Printer p) {
        Credentials account;
        try {
            account = read.execute(s -> credentials.of(p.id()));
        } catch (DomainException e) {
            tx.executeWithoutResult(s -> health.noCredentials(p.id()));
            return;
        }
        Status status;
        try {
            status = plugs.status(PlugOperations.address(p), account);
        } catch (PlugException e) {
            tx.executeWithoutResult(s -> health.failed(p.id(), p.name(), e));
            return;
        }
        tx.executeWithoutResult(s -> store(p, status));
        health.reached(p);
    }

    private void store(Printer p, Status status) {
        DeviceInfo info = status.info();
        EnergyUsage energy = status.energy();
        Instant now = clock.instant();
        jdbc.sql("update printer set power_on = ?, power_watts = ?, energy_today_kwh = ?, energy_month_kwh = ?, "
                        + "energy_total_wh = ?, last_contact_at = ?, failures = 0, next_poll_at = null, "
                        + "last_error = null where id = ?")
                .params(
                        info.on(),
                        energy.currentPowerWatts(),
                        energy.todayKWh(),
                        energy.monthKWh(),
                        energy.monthKWh() * 1000,
                        Timestamp.from(now),
                        p.id())
                .update();
        jdbc.sql("insert ignore into printer_sample (printer_id, sampled_at, watts) values (?, ?, ?)")
                .params(p.id(), Timestamp.from(now), energy.currentPowerWatts())
                .update();
        if (p.powerOn() != null && p.powerOn() != info.on()) {
            events.publishEvent(new PrinterPowerChanged(p.id(), p.name(), info.on(), "seen by polling"));
        }
    }

    List<Sample> samples(long id, Instant since) {
        return jdbc.sql("select sampled_at as `at`, watts from printer_sample where printer_id = ? and sampled_at >= ? "
                        + "order by sampled_at")
                .params(id, Timestamp.from(since))
                .query(SAMPLE)
                .list();
    }

    int purgeSamples() {
        return jdbc.sql("delete from printer_sample where sampled_at < ?")
                .param(Timestamp.from(clock.instant().minus(properties.sampleRetention())))
                .update();
    }

    @PreDestroy
    void stop() {
        pollers.shutdownNow();
    }
}
