package de.kontor.tally.ui;

import de.kontor.base.ui.SearchHit;
import de.kontor.base.ui.SearchProvider;
import de.kontor.tally.TallyService;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

import java.util.List;

/** Tally persons in the header search: by name or code. */
@Component
class TallyPersonSearch implements SearchProvider {

    private final TallyService tally;

    TallyPersonSearch(TallyService tally) {
        this.tally = tally;
    }

    @Override
    public String groupKey() {
        return "menu.tally";
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public List<SearchHit> search(String text, int limit) {
        return tally.findPersons(text, false, PageRequest.of(0, limit)).stream()
                .map(p -> new SearchHit(
                        p.firstName() + " " + p.lastName(),
                        p.code(),
                        SearchHit.location(TallyPersonView.class, p.id())))
                .toList();
    }
}
