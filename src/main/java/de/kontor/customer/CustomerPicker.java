package de.kontor.customer;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import org.springframework.data.domain.PageRequest;

/**
 * Choose a customer by typing part of its number, name, e-mail or city. Loads lazily, page by page,
 * from active customers only. For other modules' forms.
 */
public class CustomerPicker extends ComboBox<Customer> {

    public CustomerPicker(CustomerService customers) {
        setLabel(getTranslation("customer.picker"));
        setPlaceholder(getTranslation("customer.picker.placeholder"));
        setItemLabelGenerator(CustomerPicker::label);
        setItems(query -> customers.search(query.getFilter().orElse(null), pageRequest(query)).stream());
        setClearButtonVisible(true);
        setWidthFull();
    }

    static String label(Customer customer) {
        return customer.getNumber() + " · " + customer.getName()
                + (customer.getCity() == null ? "" : " (" + customer.getCity() + ")");
    }

    private static PageRequest pageRequest(Query<Customer, String> query) {
        return VaadinSpringDataHelpers.toSpringPageRequest(query);
    }
}
