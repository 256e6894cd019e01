package de.kontor.license;

import de.kontor.base.audit.AuditEntry;
import de.kontor.base.audit.AuditService;
import de.kontor.customer.CustomerJournal.TimelineEntry;
import de.kontor.customer.CustomerTimelineSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.ArrayList;
import java.util.List;

/** On a customer's timeline: what happened to its licenses (created, extended, suspended, revoked, ...). */
@Component
class LicenseCustomerTimeline implements CustomerTimelineSource {

    /** The customer's newest licenses whose history is read; older ones are on their own pages. */
    private static final int LICENSES = 25;

    private final LicenseRepository licenses;
    private final AuditService audit;

    LicenseCustomerTimeline(LicenseRepository licenses, AuditService audit) {
        this.licenses = licenses;
        this.audit = audit;
    }

    @Override
    @Transactional(readOnly = true)
    public List<TimelineEntry> timelineFor(long customerId, int limit) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (License license : licenses.findByCustomerIdOrderByCreatedAtDesc(customerId, PageRequest.of(0, LICENSES))) {
            for (AuditEntry e : audit.findForEntity("License", license.getId(), PageRequest.of(0, limit))) {
                entries.add(new TimelineEntry(
                        e.getOccurredAt(),
                        e.getUsername(),
                        "customer.timeline.kind.license",
                        license.getKey(),
                        e.getAction(),
                        "licenses/" + license.getId()));
            }
        }
        return entries;
    }
}
