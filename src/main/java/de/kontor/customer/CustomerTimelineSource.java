package de.kontor.customer;

import de.kontor.customer.CustomerJournal.TimelineEntry;

import java.util.List;

/**
 * Implemented (as a Spring bean) by modules whose records belong to customers, e.g. licenses: what happened to
 * them, for the customer's timeline. Newest first, at most {@code limit}.
 */
public interface CustomerTimelineSource {

    List<TimelineEntry> timelineFor(long customerId, int limit);
}
