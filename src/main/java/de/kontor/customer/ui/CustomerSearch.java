package de.kontor.customer.ui;

import de.kontor.base.ui.SearchHit;
import de.kontor.base.ui.SearchProvider;
import de.kontor.customer.CustomerQuery;
import de.kontor.customer.CustomerService;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Set;

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
                        SearchHit.detail(c.getNumber(), c.getCity()),
                        SearchHit.location(CustomerView.class, c.getId())))
                .toList();
    }
}
