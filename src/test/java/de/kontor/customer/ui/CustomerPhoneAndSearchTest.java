package de.kontor.customer.ui;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import de.kontor.KaribuTest;
import de.kontor.base.ui.GlobalSearch;
import de.kontor.base.ui.NarrowLayout;
import de.kontor.customer.Customer;
import de.kontor.customer.CustomerData;
import de.kontor.customer.CustomerService;
import de.kontor.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** Customers on a phone (one summary column) and found through the search in the header. */
class CustomerPhoneAndSearchTest extends KaribuTest {

    @Autowired
    CustomerService customers;

    @Test
    void onAPhoneTheCustomerListShowsOneSummaryColumnAndOnADesktopTheFullColumns() {
        loginAsAdmin();
        String name = unique("Tischlerei Narrow");
        CustomerData data = CustomerData.named(name);
        data.setCity("Görlitz");
        Customer customer = customers.create(data);
        UI.getCurrent().navigate("customers");
        Grid<?> grid = _get(Grid.class, s -> s.withId("customers-grid"));

        NarrowLayout.width(UI.getCurrent(), 390);
        assertThat(visibleKeys(grid)).containsExactly("summary");

        NarrowLayout.width(UI.getCurrent(), 1440);
        assertThat(visibleKeys(grid))
                .contains("number", "name", "city", "updated")
                .doesNotContain("summary");
        assertThat(customer.getNumber()).isNotBlank();
    }

    @Test
    void theHeaderSearchFindsACustomerByPartOfItsNameAndEnterOpensIt() {
        loginAsAdmin();
        String marker = unique("Suchbar");
        Customer customer = customers.create(CustomerData.named("Drechslerei " + marker));
        UI.getCurrent().navigate("customers");

        GlobalSearch search = _get(GlobalSearch.class, s -> s.withId("global-search"));
        ComboBoxKt.setUserInput(search, marker);
        List<String> suggestions = ComboBoxKt.getSuggestions(search);
        assertThat(suggestions).contains("Drechslerei " + marker);

        ComboBoxKt._fireCustomValueSet(search, marker);
        assertThat(_get(H2.class, s -> s.withId("customer-title")).getText())
                .isEqualTo(customer.getNumber() + " · Drechslerei " + marker);
        assertThat(search.getValue()).isNull();
    }

    @Test
    void membersGetNoHeaderSearchForAdminData() {
        login(unique("member"), Role.MEMBER);
        UI.getCurrent().navigate("");
        _assertNone(GlobalSearch.class);
    }

    private static List<String> visibleKeys(Grid<?> grid) {
        return grid.getColumns().stream()
                .filter(Grid.Column::isVisible)
                .map(Grid.Column::getKey)
                .toList();
    }
}
