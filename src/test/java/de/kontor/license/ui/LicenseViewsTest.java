package de.kontor.license.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import de.kontor.KaribuTest;
import de.kontor.base.ui.ExportMenu;
import de.kontor.customer.CustomerPicker;
import de.kontor.customer.CustomerService;
import de.kontor.license.Activation;
import de.kontor.license.License;
import de.kontor.license.LicenseEnums.ActivationState;
import de.kontor.license.LicenseEnums.LicenseStatus;
import de.kontor.license.LicenseEnums.MatchRule;
import de.kontor.license.LicenseFixture;
import de.kontor.license.LicenseQuery;
import de.kontor.license.LicenseService;
import de.kontor.license.Product;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

import java.util.List;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm;
import static org.assertj.core.api.Assertions.assertThat;

class LicenseViewsTest extends KaribuTest {

    @Autowired
    LicenseService licenses;

    @Autowired
    CustomerService customers;

    LicenseFixture f;

    @BeforeEach
    void setUp() {
        f = new LicenseFixture(licenses, customers, baseUrl(), MatchRule.ANY, clock);
        loginAsAdmin();
    }

    @Test
    void batchCreatesLicensesAndOffersTheKeysForDownload() {
        UI.getCurrent().navigate("licenses");
        _click(_get(Button.class, s -> s.withId("licenses-batch")));
        @SuppressWarnings("unchecked")
        Select<Product> product = _get(Select.class, s -> s.withId("license-product"));
        type(product, licenses.product(f.product.getId()));
        _get(CustomerPicker.class, s -> s.withId("license-customer")).setValue(f.customer);
        type(_get(IntegerField.class, s -> s.withId("license-count")), 4);
        type(_get(IntegerField.class, s -> s.withId("license-max")), 3);
        type(_get(TextField.class, s -> s.withId("license-limits")), "users=25");
        _click(_get(Button.class, s -> s.withId("license-save")));

        @SuppressWarnings("unchecked")
        Grid<License> keys = _get(Grid.class, s -> s.withId("license-batch-keys"));
        assertThat(GridKt._size(keys)).isEqualTo(4);
        _get(ExportMenu.class, s -> s.withId("license-batch-export"));
        List<License> stored = licenses.find(LicenseQuery.ofCustomer(f.customer.getId()), PageRequest.of(0, 10))
                .getContent();
        assertThat(stored).hasSize(4).allSatisfy(l -> {
            assertThat(l.getMaxActivations()).isEqualTo(3);
            assertThat(l.getLimits()).containsEntry("users", 25L);
        });
    }

    @Test
    void wrongLimitsAreShownOnTheField() {
        UI.getCurrent().navigate("licenses");
        _click(_get(Button.class, s -> s.withId("licenses-new")));
        type(_get(TextField.class, s -> s.withId("license-limits")), "users:ten");
        _click(_get(Button.class, s -> s.withId("license-save")));

        TextField limits = _get(TextField.class, s -> s.withId("license-limits"));
        assertThat(limits.isInvalid()).isTrue();
        assertThat(limits.getErrorMessage()).contains("name=number");
    }

    @Test
    void bulkActionsChangeAllSelectedLicensesAfterConfirmation() {
        License a = f.license(1);
        License b = f.license(1);
        License untouched = f.license(1);
        UI.getCurrent().navigate("licenses");
        _get(CustomerPicker.class).setValue(f.customer);
        Grid<License> grid = grid();
        MockVaadin.clientRoundtrip(false);
        assertThat(GridKt._size(grid)).isEqualTo(3);
        assertThat(_get(Span.class, s -> s.withId("licenses-grid-count")).getText())
                .as("the list says how many")
                .isEqualTo("3 entries");

        grid.select(row(grid, a));
        grid.select(row(grid, b));
        _click(_get(Button.class, s -> s.withId("licenses-bulk-suspend")));
        _fireConfirm(_get(ConfirmDialog.class, s -> s.withId("licenses-bulk-confirm")));

        assertThat(licenses.license(a.getId()).getStatus()).isEqualTo(LicenseStatus.SUSPENDED);
        assertThat(licenses.license(b.getId()).getStatus()).isEqualTo(LicenseStatus.SUSPENDED);
        assertThat(licenses.license(untouched.getId()).getStatus()).isEqualTo(LicenseStatus.ACTIVE);

        grid.select(row(grid, a));
        _click(_get(Button.class, s -> s.withId("licenses-bulk-extend")));
        type(_get(IntegerField.class, s -> s.withId("licenses-extend-days")), 30);
        _click(_get(Button.class, s -> s.withId("licenses-extend-ok")));
        assertThat(licenses.license(a.getId()).getValidUntil())
                .isEqualTo(a.getValidUntil().plusDays(30));
    }

    @Test
    void quickEditInTheSidePanel() {
        License license = f.license(1);
        UI.getCurrent().navigate("licenses");
        _get(LicensesView.class).showPanel(license);

        type(_get(IntegerField.class, s -> s.withId("quick-max")), 7);
        type(
                _get(DatePicker.class, s -> s.withId("quick-valid-until")),
                license.getValidUntil().plusYears(1));
        _click(_get(Button.class, s -> s.withId("quick-save")));

        License saved = licenses.license(license.getId());
        assertThat(saved.getMaxActivations()).isEqualTo(7);
        assertThat(saved.getValidUntil()).isEqualTo(license.getValidUntil().plusYears(1));
    }

    @Test
    void aDeviceIsDeactivatedFromTheLicensePage() {
        License license = f.license(2);
        f.post("/api/license/activate", f.body(license.getKey(), LicenseFixture.machine(1), "2.0.0"));
        Activation device = licenses.activations(license.getId()).getFirst();
        UI.getCurrent().navigate(LicenseView.class, license.getId());

        @SuppressWarnings("unchecked")
        Grid<Activation> devices = _get(Grid.class, s -> s.withId("license-devices"));
        var actions = (Div) GridKt._getCellComponent(devices, 0, "actions");
        actions.getChildren()
                .map(Button.class::cast)
                .filter(b ->
                        ("device-deactivate-" + device.getId()).equals(b.getId().orElse("")))
                .findFirst()
                .orElseThrow()
                .click();
        _fireConfirm(_get(ConfirmDialog.class, s -> s.withId("license-confirm")));

        assertThat(licenses.activations(license.getId()).getFirst().getState()).isEqualTo(ActivationState.DEACTIVATED);
        _get(Html.class, s -> s.withId("license-history-chart"));
    }

    @Test
    void theCustomerPageShowsLicensesAndRefusesDeletion() {
        License license = f.license(2);
        f.post("/api/license/activate", f.body(license.getKey(), LicenseFixture.machine(1), "2.0.0"));

        UI.getCurrent().navigate("customers/" + f.customer.getId());

        @SuppressWarnings("unchecked")
        Grid<License> section = _get(Grid.class, s -> s.withId("customer-licenses"));
        assertThat(GridKt._get(section, 0).getKey()).isEqualTo(license.getKey());
        assertThat(_get(Div.class, s -> s.withId("fact-license-fact-licenses"))
                        .getElement()
                        .getTextRecursively())
                .startsWith("1");
        assertThat(_get(Div.class, s -> s.withId("fact-license-fact-devices"))
                        .getElement()
                        .getTextRecursively())
                .startsWith("1");
        assertThat(_get(Button.class, s -> s.withId("customer-delete")).isEnabled())
                .isFalse();
    }

    @Test
    void homeShowsTheLicenseTile() {
        UI.getCurrent().navigate("");
        _get(Anchor.class, s -> s.withId("tile-licenses"));
        _get(Anchor.class, s -> s.withId("tile-expiring"));
    }

    @SuppressWarnings("unchecked")
    private static Grid<License> grid() {
        return _get(Grid.class, s -> s.withId("licenses-grid"));
    }

    private static License row(Grid<License> grid, License license) {
        return IntStream.range(0, GridKt._size(grid))
                .mapToObj(i -> GridKt._get(grid, i))
                .filter(l -> l.getId().equals(license.getId()))
                .findFirst()
                .orElseThrow();
    }
}
