package de.kontor.printer;

import de.kontor.base.Texts;
import de.kontor.printer.PrinterModel.Printer;
import de.kontor.printer.plug.PlugException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

/**
 * How reachable each plug is: failures in a row, when to ask a failing plug again (30 s, doubling up to 10
 * minutes), the last error. A plug that is off the network — or refuses connections for minutes after a
 * power loss, as firmware 1.4.6 does — is asked less and less often and shown as unreachable after
 * {@link Printer#UNREACHABLE_AFTER} failures. The log gets one line when a plug becomes unreachable and one
 * when it answers again, not one per failed poll. Runs in the caller's transaction.
 */
@Component
class PlugHealth {

    private static final Logger log = LoggerFactory.getLogger(PlugHealth.class);
    static final long MAX_BACKOFF_SECONDS = 600;

    private final JdbcClient jdbc;
    private final Clock clock;

    PlugHealth(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Counts a failure of the printer's plug and sets when to ask it again. */
    void failed(long printerId, String printerName, PlugException e) {
        Integer before = jdbc.sql("select failures from printer where id = ? for update")
                .param(printerId)
                .query(Integer.class)
                .optional()
                .orElse(0);
        int failures = before + 1;
        long backoffSeconds = Math.min(MAX_BACKOFF_SECONDS, 30L << Math.min(failures - 1, 5));
        String error = e.kind().name() + ": " + e.getMessage();
        Instant next = clock.instant().plusSeconds(backoffSeconds);
        jdbc.sql("update printer set failures = ?, next_poll_at = ?, last_error = ? where id = ?")
                .params(failures, Timestamp.from(next), Texts.atMost(error, 500), printerId)
                .update();
        if (failures == Printer.UNREACHABLE_AFTER) {
            log.warn(
                    "Printer {} (#{}) is unreachable after {} failed attempts; asking again every {} s at most: {}",
                    printerName,
                    printerId,
                    failures,
                    MAX_BACKOFF_SECONDS,
                    error);
        } else {
            log.debug("Printer {} (#{}) failed {} times in a row: {}", printerName, printerId, failures, error);
        }
    }

    /** The plug answered: a printer that was unreachable says so once. */
    void reached(Printer before) {
        if (before.failures() >= Printer.UNREACHABLE_AFTER) {
            log.info("Printer {} (#{}) answers again", before.name(), before.id());
        }
    }

    /** A printer without a Tapo account to ask its plug with. */
    void noCredentials(long printerId) {
        jdbc.sql("update printer set last_error = ? where id = ?")
                .params("NO_CREDENTIALS", printerId)
                .update();
    }
}
