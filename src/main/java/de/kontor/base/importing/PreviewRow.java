package de.kontor.base.importing;

import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * One row of an import preview.
 *
 * @param rowNumber the row's number in the file (header = 1)
 * @param summary   what identifies the row to a person, e.g. "Müller GmbH, Köln"
 * @param reasons   why the row is an error or duplicate, or what an update changes (translated)
 * @param matchedId the existing record an update or unchanged row matched
 */
public record PreviewRow(
        int rowNumber,
        Verdict verdict,
        String summary,
        List<String> reasons,
        @Nullable Long matchedId) {

    public PreviewRow {
        reasons = List.copyOf(reasons);
    }

    public String reasonText() {
        return String.join("; ", reasons);
    }
}
