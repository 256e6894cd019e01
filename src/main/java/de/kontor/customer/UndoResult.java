package de.kontor.customer;

import java.util.List;

/** What undoing an import did: customers removed (created by it), restored (updated by it), and skipped. */
public record UndoResult(int removed, int restored, List<String> skipped) {

    public UndoResult {
        skipped = List.copyOf(skipped);
    }
}
