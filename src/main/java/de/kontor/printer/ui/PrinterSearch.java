package de.kontor.printer.ui;

import de.kontor.base.ui.SearchHit;
import de.kontor.base.ui.SearchProvider;
import de.kontor.printer.PrinterService;
import org.springframework.stereotype.Component;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/** Printers in the header search: by name, model or location (a workshop has a handful of them). */
@Component
class PrinterSearch implements SearchProvider {

    private final PrinterService printers;

    PrinterSearch(PrinterService printers) {
        this.printers = printers;
    }

    @Override
    public String groupKey() {
        return "menu.printers";
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public List<SearchHit> search(String text, int limit) {
        String wanted = simplify(text);
        return printers.printers(false).stream()
                .filter(p -> Stream.of(p.name(), p.model(), p.location())
                        .filter(Objects::nonNull)
                        .anyMatch(t -> simplify(t).contains(wanted)))
                .limit(limit)
                .map(p -> new SearchHit(
                        p.name(),
                        SearchHit.detail(p.model(), p.location()),
                        SearchHit.location(PrinterView.class, p.id())))
                .toList();
    }

    private static String simplify(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
    }
}
