package de.kontor.printer;

import org.quartz.Job;
import org.quartz.JobDataMap;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A reservation's trigger fired (see {@link ReservationTriggers}): the start powers the printer on, the end
 * checks whether it may go off. Only calls {@link PrinterService}; missed triggers (Kontor was down) fire at
 * once after a restart.
 */
class ReservationJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(ReservationJob.class);
    static final String GROUP = "printer-reservation";
    static final String RESERVATION = "reservation";
    static final String PHASE = "phase";

    private final PrinterService printers;

    ReservationJob(PrinterService printers) {
        this.printers = printers;
    }

    @Override
    public void execute(JobExecutionContext context) {
        JobDataMap data = context.getMergedJobDataMap();
        long id = data.getLong(RESERVATION);
        String phase = data.getString(PHASE);
        try {
            if ("start".equals(phase)) {
                printers.startReservation(id);
            } else {
                printers.endReservation(id);
            }
        } catch (RuntimeException e) {
            log.warn("Reservation #{} ({}) failed: {}", id, phase, e.getMessage());
        }
    }
}
