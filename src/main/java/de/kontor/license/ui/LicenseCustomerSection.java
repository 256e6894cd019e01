package de.kontor.license.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.QueryParameters;
import de.kontor.base.ui.Formats;
import de.kontor.base.ui.Grids;
import de.kontor.base.ui.ViewHeader;
import de.kontor.customer.Customer;
import de.kontor.customer.CustomerPageSection;
import de.kontor.license.License;
import de.kontor.license.LicenseQuery;
import de.kontor.license.LicenseService;
import de.kontor.license.Product;
import org.springframework.data.domain.PageRequest;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The "Licenses" section on a customer's page. */
@org.springframework.stereotype.Component
class LicenseCustomerSection implements CustomerPageSection {

    private final LicenseService licenses;

    LicenseCustomerSection(LicenseService licenses) {
        this.licenses = licenses;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public Optional<Component> create(Customer customer) {
        List<License> list = licenses.find(LicenseQuery.ofCustomer(customer.getId()), PageRequest.of(0, 200))
                .getContent();
        UI ui = UI.getCurrent();
        Button create = new Button(
                ui.getTranslation("license.new"),
                VaadinIcon.PLUS.create(),
                e -> ui.navigate(
                        "licenses",
                        QueryParameters.simple(Map.of("customer", String.valueOf(customer.getId()), "new", ""))));
        create.setId("customer-new-license");
        ViewHeader header = new ViewHeader(new H3(ui.getTranslation("menu.licenses"))).actions(create);
        if (list.isEmpty()) {
            Paragraph none = new Paragraph(ui.getTranslation("license.customer.none"));
            none.addClassName("kontor-muted");
            return Optional.of(new Div(header, none));
        }
        Map<Long, String> products =
                licenses.products().stream().collect(Collectors.toMap(Product::getId, Product::getCode));
        Map<Long, Long> used =
                licenses.usedSlots(list.stream().map(License::getId).toList());
        Grid<License> grid = new Grid<>();
        grid.setId("customer-licenses");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.addColumn(License::getKey)
                .setHeader(ui.getTranslation("license.key"))
                .setAutoWidth(true)
                .setPartNameGenerator(l -> "kontor-mono");
        grid.addColumn(l -> products.get(l.getProductId()))
                .setHeader(ui.getTranslation("license.product"))
                .setAutoWidth(true);
        grid.addColumn(l -> ui.getTranslation("license.status." + l.getStatus().name()))
                .setHeader(ui.getTranslation("license.status"))
                .setAutoWidth(true);
        grid.addColumn(l -> Formats.date(l.getValidUntil()))
                .setHeader(ui.getTranslation("license.validUntil"))
                .setAutoWidth(true);
        grid.addColumn(l -> used.getOrDefault(l.getId(), 0L) + " / " + l.getMaxActivations())
                .setHeader(ui.getTranslation("license.activations"))
                .setAutoWidth(true);
        grid.setItems(list);
        Grids.counted(grid, ui.getTranslation("license.customer.empty"));
        grid.addItemClickListener(
                e -> ui.navigate(LicenseView.class, e.getItem().getId()));
        return Optional.of(new Div(header, grid));
    }
}
