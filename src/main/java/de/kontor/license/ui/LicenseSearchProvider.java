package de.kontor.license.ui;

import de.kontor.base.ui.SearchHit;
import de.kontor.base.ui.SearchProvider;
import de.kontor.license.LicenseQuery;
import de.kontor.license.LicenseService;
import de.kontor.license.Product;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Licenses in the header search: by part of the key (or the notes); the product says which one it is. */
@Component
class LicenseSearchProvider implements SearchProvider {

    private final LicenseService licenses;

    LicenseSearchProvider(LicenseService licenses) {
        this.licenses = licenses;
    }

    @Override
    public String groupKey() {
        return "menu.licenses";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public List<SearchHit> search(String text, int limit) {
        LicenseQuery query = new LicenseQuery(null, null, null, null, null, text);
        List<SearchHit> hits = licenses.find(query, PageRequest.of(0, limit)).stream()
                .map(l -> new SearchHit(
                        l.getKey(), String.valueOf(l.getProductId()), SearchHit.location(LicenseView.class, l.getId())))
                .toList();
        if (hits.isEmpty()) {
            return hits;
        }
        Map<String, String> products = licenses.products().stream()
                .collect(Collectors.toMap(p -> String.valueOf(p.getId()), Product::getName));
        return hits.stream()
                .map(h -> new SearchHit(h.title(), products.getOrDefault(h.detail(), ""), h.location()))
                .toList();
    }
}
