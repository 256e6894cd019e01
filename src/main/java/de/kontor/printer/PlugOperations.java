package de.kontor.printer;

import de.kontor.base.audit.AuditService;
import de.kontor.base.error.DomainException;
import de.kontor.printer.PrinterModel.ConnectionTest;
import de.kontor.printer.PrinterModel.Printer;
import de.kontor.printer.PrinterModel.PrinterDraft;
import de.kontor.printer.PrinterModel.PrinterPowerChanged;
import de.kontor.printer.plug.PlugClient;
import de.kontor.printer.plug.PlugException;
import de.kontor.printer.plug.PlugModel.Address;
import de.kontor.printer.plug.PlugModel.Credentials;
import de.kontor.printer.plug.PlugModel.DeviceInfo;
import de.kontor.printer.plug.PlugModel.EnergyUsage;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Timestamp;
import java.time.Clock;

/**
 * Asking a printer's plug on demand: switching it (with read-back), reading its energy and state now,
 * testing a connection before a printer is saved.
 * <p>
 * A plug can take seconds to answer (or time out), so no database transaction is open while one is asked:
 * what the call needs is read in a short transaction, the plug is asked, and what it said is stored in a
 * second one with its audit entry and event.
 */
@Component
class PlugOperations {

    /** Where a printer's plug is and the account to ask it with. */
    record Target(Printer printer, Address address, Credentials credentials) {}

    private final PrinterCatalog catalog;
    private final PlugCredentials credentials;
    private final PlugHealth health;
    private final PlugClient plugs;
    private final JdbcClient jdbc;
    private final AuditService audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final TransactionTemplate read;

    PlugOperations(
            PrinterCatalog catalog,
            PlugCredentials credentials,
            PlugHealth health,
            PlugClient plugs,
            JdbcClient jdbc,
            AuditService audit,
            ApplicationEventPublisher events,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.catalog = catalog;
        this.credentials = credentials;
        this.health = health;
        this.plugs = plugs;
        this.jdbc = jdbc;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.read = new TransactionTemplate(transactions);
        this.read.setReadOnly(true);
    }

    static Address address(Printer p) {
        return new Address(p.plugHost(), p.plugPort());
    }

    Target target(long printerId) {
        return read.execute(s -> {
            Printer p = catalog.get(printerId);
            return new Target(p, address(p), credentials.of(printerId));
        });
    }

    /** Switches the plug and confirms by reading it back; the state is stored, audited and announced. */
    Printer power(long id, boolean on, String reason) {
        Target t = target(id);
        DeviceInfo info;
        try {
            info = plugs.switchPower(t.address(), t.credentials(), on); // outside any transaction: seconds
        } catch (PlugException e) {
            tx.executeWithoutResult(s -> health.failed(id, t.printer().name(), e));
            throw new DomainException(
                    e.kind() == PlugException.Kind.UNREACHABLE ? 503 : 502,
                    "PLUG_" + e.kind().name(),
                    "printer.plug." + e.kind().name(),
                    t.printer().name(),
                    e.getMessage());
        }
        Printer switched = tx.execute(s -> {
            jdbc.sql("update printer set power_on = ?, power_watts = case when ? then power_watts else 0 end, "
                            + "last_contact_at = ?, failures = 0, next_poll_at = null, last_error = null where id = ?")
                    .params(info.on(), info.on(), Timestamp.from(clock.instant()), id)
                    .update();
            audit.record(
                    PrinterService.MODULE,
                    "Printer",
                    id,
                    on ? "POWER_ON" : "POWER_OFF",
                    "Printer " + t.printer().name() + " switched " + (on ? "on" : "off") + " (" + reason + ")");
            events.publishEvent(new PrinterPowerChanged(id, t.printer().name(), info.on(), reason));
            return catalog.get(id);
        });
        health.reached(t.printer());
        return switched;
    }

    /** The plug's current power (W) and energy, read now; null when it cannot be reached. */
    @Nullable
    EnergyUsage readEnergy(long id) {
        try {
            Target t = target(id);
            return plugs.energyUsage(t.address(), t.credentials());
        } catch (PlugException | DomainException e) {
            return null;
        }
    }

    /** Whether the relay is on now; null when the plug cannot be reached. */
    @Nullable
    Boolean readOn(long id) {
        try {
            Target t = target(id);
            return plugs.deviceInfo(t.address(), t.credentials()).on();
        } catch (PlugException | DomainException e) {
            return null;
        }
    }

    /**
     * Asks the plug for its state with the draft's address and credentials (or, when editing with an empty
     * password, the stored ones), without saving anything.
     */
    ConnectionTest testConnection(@Nullable Long printerId, PrinterDraft draft) {
        Credentials account;
        if (draft.plugUsername() != null
                && !draft.plugUsername().isBlank()
                && draft.plugPassword() != null
                && !draft.plugPassword().isEmpty()) {
            account = new Credentials(draft.plugUsername().strip(), draft.plugPassword());
        } else if (printerId != null) {
            account = read.execute(s -> credentials.of(printerId));
        } else {
            account = read.execute(s -> credentials.defaultCredentials())
                    .orElseThrow(() -> DomainException.conflict("NO_CREDENTIALS", "printer.credentials.none"));
        }
        Address address =
                new Address(draft.plugHost() == null ? "" : draft.plugHost().strip(), draft.plugPort());
        try {
            plugs.forget(address);
            DeviceInfo info = plugs.deviceInfo(address, account);
            return new ConnectionTest(true, "OK", info.nickname(), info.model(), info.firmware(), info.on());
        } catch (PlugException e) {
            return new ConnectionTest(false, e.kind().name() + ": " + e.getMessage(), null, null, null, null);
        }
    }

    /** Drops the session with a plug whose address or account changed. */
    void forget(Printer before) {
        plugs.forget(address(before));
    }
}
