package de.kontor.base.importing;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Every row of a file with its verdict, before anything is written. */
public record ImportPreview(String fileName, List<PreviewRow> rows) {

    public ImportPreview {
        rows = List.copyOf(rows);
    }

    public Map<Verdict, Long> counts() {
        Map<Verdict, Long> counts = new EnumMap<>(Verdict.class);
        for (Verdict v : Verdict.values()) {
            counts.put(v, 0L);
        }
        rows.forEach(r -> counts.merge(r.verdict(), 1L, Long::sum));
        return counts;
    }

    public boolean hasBadRows() {
        return rows.stream().anyMatch(r -> r.verdict().bad());
    }
}
