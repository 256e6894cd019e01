package de.kontor.printer;

import de.kontor.base.CurrentUser;
import de.kontor.base.audit.AuditService;
import de.kontor.base.error.DomainException;
import de.kontor.printer.PrinterModel.ConnectionTest;
import de.kontor.printer.PrinterModel.Printer;
import de.kontor.printer.PrinterModel.PrinterDraft;
import de.kontor.printer.PrinterModel.Reservation;
import de.kontor.printer.PrinterModel.Sample;
import de.kontor.printer.PrinterModel.SchedulerStatus;
import de.kontor.printer.PrinterModel.Slot;
import de.kontor.printer.PrinterModel.Stats;
import de.kontor.printer.plug.PlugModel.EnergyUsage;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The printer module's one public service: printers and their plugs (credentials encrypted at rest),
 * switching with confirmation, polling, power samples, reservations whose start and end switch the power,
 * statistics. The work is done by package-private classes named after it ({@link PrinterCatalog},
 * {@link PlugCredentials}, {@link PlugOperations}, {@link PlugPolling}, {@link Reservations},
 * {@link ReservationPower}, {@link ReservationTriggers}, {@link PlugReconciliation}, {@link PrinterStatistics}).
 * <p>
 * Transactions: every writing method that stays in the database is one transaction with its audit entry;
 * reads are read-only. Methods that ask a plug (switching, polling, reservation starts and ends, connection
 * tests) hold no transaction while the plug answers — that can take seconds — but read before and write
 * after in short transactions of their own; a caller's transaction is suspended meanwhile.
 */
@Service
public class PrinterService {

    static final String MODULE = "printer";

    private final PrinterCatalog catalog;
    private final PlugCredentials credentials;
    private final PlugOperations plugs;
    private final PlugPolling polling;
    private final Reservations reservations;
    private final ReservationPower reservationPower;
    private final ReservationTriggers triggers;
    private final PlugReconciliation reconciliation;
    private final PrinterStatistics statistics;
    private final AuditService audit;
    private final Clock clock;

    PrinterService(
            PrinterCatalog catalog,
            PlugCredentials credentials,
            PlugOperations plugs,
            PlugPolling polling,
            Reservations reservations,
            ReservationPower reservationPower,
            ReservationTriggers triggers,
            PlugReconciliation reconciliation,
            PrinterStatistics statistics,
            AuditService audit,
            Clock clock) {
        this.catalog = catalog;
        this.credentials = credentials;
        this.plugs = plugs;
        this.polling = polling;
        this.reservations = reservations;
        this.reservationPower = reservationPower;
        this.triggers = triggers;
        this.reconciliation = reconciliation;
        this.statistics = statistics;
        this.audit = audit;
        this.clock = clock;
    }

    // ---- printers -----------------------------------------------------------------------------------------

    @Transactional(readOnly = true)
    public Printer get(long id) {
        return catalog.get(id);
    }

    /** Printers by name (a workshop has a handful to a few hundred); archived ones only when asked. */
    @Transactional(readOnly = true)
    public List<Printer> printers(boolean archived) {
        return catalog.list(archived);
    }

    @Transactional
    public Printer create(PrinterDraft draft) {
        PrinterDraft d = PrinterCatalog.validate(draft, null);
        long id = catalog.insert(
                d, d.plugPassword() == null ? null : credentials.encrypt(d.plugPassword()), clock.instant());
        audit.record(MODULE, "Printer", id, "CREATE", "Printer " + d.name() + " added");
        return catalog.get(id);
    }

    /**
     * Changes a printer; a blank plug password keeps the stored one (it is never shown), unless the user name
     * is cleared too (then the default account is used).
     */
    @Transactional
    public Printer update(long id, long expectedVersion, PrinterDraft draft) {
        Printer before = catalog.get(id);
        PrinterDraft d = PrinterCatalog.validate(draft, before);
        String passwordEnc;
        if (d.plugUsername() == null) {
            passwordEnc = null;
        } else if (d.plugPassword() != null) {
            passwordEnc = credentials.encrypt(d.plugPassword());
        } else {
            passwordEnc = catalog.passwordEnc(id);
        }
        catalog.update(id, expectedVersion, d, passwordEnc, clock.instant());
        audit.record(MODULE, "Printer", id, "UPDATE", "Printer " + d.name() + " changed");
        plugs.forget(before);
        return catalog.get(id);
    }

    @Transactional
    public Printer archive(long id) {
        Printer p = catalog.lock(id);
        catalog.archive(id, clock.instant());
        audit.record(MODULE, "Printer", id, "ARCHIVE", "Printer " + p.name() + " archived");
        return catalog.get(id);
    }

    @Transactional
    public Printer restore(long id) {
        Printer p = catalog.lock(id);
        catalog.restore(id);
        audit.record(MODULE, "Printer", id, "RESTORE", "Printer " + p.name() + " restored");
        return catalog.get(id);
    }

    // ---- credentials ------------------------------------------------------------------------------------

    /** The default Tapo account for plugs without their own (the password is encrypted at rest). */
    @Transactional
    public void setDefaultCredentials(String username, String password) {
        if (username == null || username.isBlank()) {
            throw DomainException.invalidField("username", "USERNAME_REQUIRED", "printer.credentials.username");
        }
        if (password == null || password.isEmpty()) {
            throw DomainException.invalidField("password", "PASSWORD_REQUIRED", "printer.credentials.password");
        }
        credentials.setDefault(username.strip(), password);
        audit.record(MODULE, "Settings", 1L, "UPDATE", "Default Tapo account set to " + username.strip());
    }

    @Transactional(readOnly = true)
    public Optional<String> defaultUsername() {
        return credentials.defaultUsername();
    }

    // ---- the plug ---------------------------------------------------------------------------------------

    /**
     * Asks the plug for its state with the draft's address and credentials (or, when editing with an empty
     * password, the stored ones), without saving anything.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public ConnectionTest testConnection(@Nullable Long printerId, PrinterDraft draft) {
        return plugs.testConnection(printerId, draft);
    }

    /** Switches the printer's plug and confirms by reading it back; the state is stored, audited and announced. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Printer power(long id, boolean on, String reason) {
        return plugs.power(id, on, reason);
    }

    /** The plug's current power (W) and energy, read now; null when it cannot be reached. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    @Nullable
    EnergyUsage readEnergy(long id) {
        return plugs.readEnergy(id);
    }

    // ---- polling ---------------------------------------------------------------------------------------------

    /**
     * Reads every active printer's plug that is due (in parallel, at most {@code kontor.printer.parallel-polls}
     * at a time): state, power, energy, last contact; a power sample for the chart. A plug that fails is
     * asked again later and later (back-off up to 10 minutes); after 3 failures in a row it counts as
     * unreachable. Returns the number of plugs asked.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public int poll() {
        return polling.poll();
    }

    /** Power samples of a printer since {@code since}, oldest first. */
    @Transactional(readOnly = true)
    public List<Sample> samples(long id, Instant since) {
        return polling.samples(id, since);
    }

    /** Deletes samples older than the retention; returns how many. */
    @Transactional
    public int purgeSamples() {
        return polling.purgeSamples();
    }

    // ---- reservations ----------------------------------------------------------------------------------------

    /** A reservation, for its owner or an admin (others get "not found", so ids reveal nothing). */
    @Transactional(readOnly = true)
    public Reservation reservation(long id) {
        return reservations.visible(id);
    }

    /**
     * The signed-in user reserves a printer from {@code start} to {@code end}: not in the past, not longer than
     * {@code kontor.printer.max-reservation}, not overlapping another reservation of that printer (checked
     * under the printer's row lock, so two members cannot take the same slot). The reservation, its audit
     * entry and its triggers are stored together.
     */
    @Transactional
    public Reservation reserve(long printerId, Instant start, Instant end, String title) {
        String username = CurrentUser.username()
                .orElseThrow(() -> new DomainException(401, "NOT_SIGNED_IN", "printer.reservation.signIn"));
        return reserveFor(username, CurrentUser.displayName().orElse(username), printerId, start, end, title);
    }

    /** A reservation in someone's name (demo data). */
    @Transactional
    Reservation reserveFor(
            String username, String displayName, long printerId, Instant start, Instant end, String title) {
        return reservations.get(reservations.reserve(username, displayName, printerId, start, end, title));
    }

    /** Makes the reservation longer, if the time after it is free. */
    @Transactional
    public Reservation extend(long id, int minutes) {
        reservations.extend(id, minutes);
        return reservations.get(id);
    }

    /**
     * Ends the reservation now (one transaction with its audit entry); the power goes off by the usual rule
     * (not while the printer still prints), asked of the plug after that transaction. One that has not
     * started is cancelled.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Reservation finish(long id) {
        reservationPower.finish(id);
        return reservations.visible(id);
    }

    /** Cancels a reservation that has not started; one that has started is finished instead. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Reservation cancel(long id) {
        reservationPower.cancel(id);
        return reservations.visible(id);
    }

    /**
     * The slots of a printer that overlap {@code [from, to)}: everyone sees that a slot is taken, only its owner
     * and admins see its title and who took it.
     */
    @Transactional(readOnly = true)
    public List<Slot> slots(long printerId, Instant from, Instant to) {
        return reservations.slots(printerId, from, to);
    }

    /**
     * The slots of all printers that overlap {@code [from, to)} (the planner across printers), shown as
     * {@link #slots(long, Instant, Instant)} shows them.
     */
    @Transactional(readOnly = true)
    public List<Slot> slots(Instant from, Instant to) {
        return reservations.slots(from, to);
    }

    /**
     * The signed-in user's reservations: those still to come or running first (soonest first), then the
     * finished and cancelled ones (newest first).
     */
    @Transactional(readOnly = true)
    public List<Reservation> myReservations(int limit) {
        return reservations.of(CurrentUser.username().orElse(""), limit);
    }

    /** The signed-in user's reservations still to come or running, soonest first (the home page). */
    @Transactional(readOnly = true)
    public List<Reservation> myUpcomingReservations(int limit) {
        return reservations.upcoming(CurrentUser.username().orElse(""), limit);
    }

    /** All reservations overlapping a period (admins). */
    @Transactional(readOnly = true)
    public List<Reservation> reservationsBetween(Instant from, Instant to) {
        return reservations.between(from, to);
    }

    /** Quartz, at start − warm-up: power on and note the plug's energy counter. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void startReservation(long id) {
        reservationPower.start(id);
    }

    /** Quartz, at the end and while the printer still prints: see {@link ReservationPower}. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    void endReservation(long id) {
        reservationPower.end(id);
    }

    /**
     * After a restart: printers that are on although no reservation holds them (and none starts within its
     * warm-up) are switched off — unless they still draw power. Returns how many were switched off.
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public int reconcile() {
        return reconciliation.reconcile();
    }

    // ---- scheduler and statistics ----------------------------------------------------------------------------

    public SchedulerStatus schedulerStatus() {
        var s = triggers.status();
        return new SchedulerStatus(s.schedulerRunning(), s.paused(), s.reservationTriggers());
    }

    /** Pauses (or resumes) polling and reservation switching, e.g. during maintenance of the plugs. */
    @Transactional
    public SchedulerStatus pauseScheduling(boolean paused) {
        triggers.pause(paused);
        audit.record(
                MODULE,
                "Scheduler",
                null,
                paused ? "PAUSE" : "RESUME",
                "Printer scheduling " + (paused ? "paused" : "resumed"));
        return schedulerStatus();
    }

    @Transactional(readOnly = true)
    public Stats stats() {
        return statistics.stats();
    }
}
