package de.kontor.base.ui;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * One module's part of the search in the header: a Spring bean that finds what matches a text (customers
 * by number or name, licenses by key, ...). Only users with {@link #role()} see its hits.
 */
public interface SearchProvider {

    /** Message key of the group its hits are shown under ("Kunden"). */
    String groupKey();

    /** The role a user needs to see these hits (the role of the views they open); null: any signed-in user. */
    default @Nullable String role() {
        return "ADMIN";
    }

    /** Groups are shown in ascending order. */
    default int order() {
        return 100;
    }

    /** At most {@code limit} hits for {@code text} (already trimmed, at least two characters), best first. */
    List<SearchHit> search(String text, int limit);
}
