package de.kontor.lead.ui;

import de.kontor.base.ui.SearchHit;
import de.kontor.base.ui.SearchProvider;
import de.kontor.lead.LeadModel.LeadQuery;
import de.kontor.lead.LeadService;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;

/** Leads in the header search: institutions by name, city, website, and by their contacts. */
@Component
class LeadSearchProvider implements SearchProvider {

    private final LeadService leads;

    LeadSearchProvider(LeadService leads) {
        this.leads = leads;
    }

    @Override
    public String groupKey() {
        return "menu.leads";
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public List<SearchHit> search(String text, int limit) {
        LeadQuery query = new LeadQuery(text, Set.of(), Set.of(), null, null, null, null, null, false);
        return leads.find(query, PageRequest.of(0, limit)).stream()
                .map(l -> new SearchHit(
                        l.name(),
                        SearchHit.detail(l.city(), l.primaryContact()),
                        SearchHit.location(LeadView.class, l.id())))
                .toList();
    }
}
