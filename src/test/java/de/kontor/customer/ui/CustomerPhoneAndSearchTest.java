package de.kontor.customer.ui;

import com.github.mvysny.kaributesting.v10.ComboBoxKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import de.kontor.KaribuTest;
import de.kontor.base.ui.GlobalSearch;
import de.kontor.base.ui.NarrowLayout;
import de.kontor.base.ui.TagsField;
import de.kontor.customer.Customer;
import de.kontor.customer.CustomerData;
import de.kontor.customer.CustomerService;
import de.kontor.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Set;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm;
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

    @Test
    void selectedCustomersAreTaggedAndArchivedFromTheBulkBar() {
        loginAsAdmin();
        String marker = unique("Sammel");
        Customer a = customers.create(CustomerData.named("Alpha " + marker));
        Customer b = customers.create(CustomerData.named("Beta " + marker));
        UI.getCurrent().navigate("customers");
        type(_get(TextField.class, s -> s.withId("customers-search")), marker);
        @SuppressWarnings("unchecked")
        Grid<Customer> grid = _get(Grid.class, s -> s.withId("customers-grid"));
        assertThat(GridKt._size(grid)).isEqualTo(2);
        _assertNone(CustomerBulkBar.class);

        grid.select(GridKt._get(grid, 0));
        grid.select(GridKt._get(grid, 1));
        Div bar = _get(CustomerBulkBar.class);
        assertThat(_get(Span.class, s -> s.withId("customers-selected")).getText())
                .startsWith("2 customers selected");

        _click(_get(Button.class, s -> s.withId("customers-bulk-tag")));
        TagsField tags = _get(TagsField.class, s -> s.withId("customers-bulk-tags"));
        tags.setValue(Set.of("Messe"));
        _click(_get(Button.class, s -> s.withId("customers-bulk-tag-apply")));
        assertThat(customers.get(a.getId()).getTags()).contains("Messe");
        assertThat(customers.get(b.getId()).getTags()).contains("Messe");
        assertThat(bar.isVisible()).isFalse();

        grid.select(GridKt._get(grid, 0));
        _click(_get(Button.class, s -> s.withId("customers-bulk-archive")));
        _fireConfirm(_get(ConfirmDialog.class, s -> s.withId("customers-bulk-confirm")));
        assertThat(customers.get(a.getId()).isArchived()
                        || customers.get(b.getId()).isArchived())
                .isTrue();
        assertThat(GridKt._size(grid)).isEqualTo(1);
    }

    private static List<String> visibleKeys(Grid<?> grid) {
        return grid.getColumns().stream()
                .filter(Grid.Column::isVisible)
                .map(Grid.Column::getKey)
                .toList();
    }
}
