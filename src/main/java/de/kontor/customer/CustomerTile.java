package de.kontor.customer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import de.kontor.base.CurrentUser;
import de.kontor.base.ui.DashboardTile;

import java.text.NumberFormat;
import java.util.Optional;

/** Home page tile for admins: how many active customers. */
@org.springframework.stereotype.Component
class CustomerTile implements DashboardTile {

    private final CustomerService customers;

    CustomerTile(CustomerService customers) {
        this.customers = customers;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<Component> create() {
        if (!CurrentUser.hasRole("ADMIN")) {
            return Optional.empty();
        }
        UI ui = UI.getCurrent();
        String value = NumberFormat.getIntegerInstance(ui.getLocale()).format(customers.countActive());
        return Optional.of(
                DashboardTile.numberTile("tile-customers", value, ui.getTranslation("customer.tile"), "customers"));
    }
}
