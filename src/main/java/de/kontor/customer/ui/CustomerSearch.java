package de.kontor.customer.ui;

import com.vaadin.flow.router.RouteConfiguration;
import de.kontor.base.ui.SearchHit;
import de.kontor.base.ui.SearchProvider;
import de.kontor.customer.CustomerQuery;
import de.kontor.customer.CustomerService;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Customers in the header search: by number, name, e-mail or city, archived ones too. */
@Component
class CustomerSearch implements SearchProvider {

    private final CustomerService customers;

    CustomerSearch(CustomerService customers) {
        this.customers = customers;
    }

    @Override
    public String groupKey() {
        return "menu.customers";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<SearchHit> search(String text, int limit) {
        return customers
                .find(new CustomerQuery(text, Set.of(), CustomerQuery.Status.ALL), PageRequest.of(0, limit))
                .stream()
                .map(c -> new SearchHit(
                        c.getName(),
                        Stream.of(c.getNumber(), c.getCity())
                                .filter(Objects::nonNull)
                                .collect(Collectors.joining(" · ")),
                        RouteConfiguration.forApplicationScope().getUrl(CustomerView.class, c.getId())))
                .toList();
    }
}
