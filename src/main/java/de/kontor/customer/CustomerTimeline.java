package de.kontor.customer;

import de.kontor.base.audit.AuditEntry;
import de.kontor.base.audit.AuditService;
import de.kontor.customer.CustomerJournal.TimelineEntry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What happened to a customer, newest first: its own changes (the audit log), its notes and activities, and
 * what other modules report for it through {@link CustomerTimelineSource} (licenses, ...).
 */
@Component
class CustomerTimeline {

    private final AuditService audit;
    private final CustomerNotes notes;
    private final ObjectProvider<CustomerTimelineSource> sources;

    CustomerTimeline(AuditService audit, CustomerNotes notes, ObjectProvider<CustomerTimelineSource> sources) {
        this.audit = audit;
        this.notes = notes;
        this.sources = sources;
    }

    List<TimelineEntry> of(Customer customer, int limit) {
        List<TimelineEntry> entries = new ArrayList<>();
        for (AuditEntry e : audit.findForEntity(CustomerService.ENTITY, customer.getId(), PageRequest.of(0, limit))) {
            entries.add(new TimelineEntry(
                    e.getOccurredAt(),
                    e.getUsername(),
                    "customer.timeline.kind.customer",
                    customer.getNumber(),
                    e.getAction(),
                    null));
        }
        entries.addAll(notes.timeline(customer.getId(), limit));
        sources.orderedStream().forEach(s -> entries.addAll(s.timelineFor(customer.getId(), limit)));
        return entries.stream()
                .sorted(Comparator.comparing(TimelineEntry::at).reversed())
                .limit(limit)
                .toList();
    }
}
