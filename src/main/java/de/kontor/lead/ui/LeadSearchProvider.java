package de.kontor.lead.ui;

import com.vaadin.flow.router.RouteConfiguration;
import de.kontor.base.ui.SearchHit;
import de.kontor.base.ui.SearchProvider;
import de.kontor.lead.LeadModel.LeadQuery;
import de.kontor.lead.LeadService;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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
                        Stream.of(l.city(), l.primaryContact())
                                .filter(Objects::nonNull)
                                .collect(Collectors.joining(" · ")),
                        RouteConfiguration.forApplicationScope().getUrl(LeadView.class, l.id())))
                .toList();
    }
}
