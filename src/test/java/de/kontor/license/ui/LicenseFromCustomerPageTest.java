package de.kontor.license.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import de.kontor.KaribuTest;
import de.kontor.customer.Customer;
import de.kontor.customer.CustomerData;
import de.kontor.customer.CustomerService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** "New license" on a customer's page opens the license form with that customer chosen. */
class LicenseFromCustomerPageTest extends KaribuTest {

    @Autowired
    CustomerService customers;

    @Test
    void newLicenseOnTheCustomerPageOpensTheFormForThatCustomer() {
        loginAsAdmin();
        Customer customer = customers.create(CustomerData.named(unique("Lizenznehmer")));
        UI.getCurrent().navigate("customers/" + customer.getId());

        _click(_get(Button.class, s -> s.withId("customer-new-license")));

        LicenseForm form = _get(LicenseForm.class);
        assertThat(form.customer.getValue()).isEqualTo(customer);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath())
                .isEqualTo("licenses");
    }
}
