package de.kontor.customer.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import de.kontor.base.Countries;
import de.kontor.base.export.ExportColumn;
import de.kontor.base.export.ExportService;
import de.kontor.base.export.RowSource;
import de.kontor.base.i18n.KontorI18NProvider;
import de.kontor.base.ui.Badges;
import de.kontor.base.ui.ExportMenu;
import de.kontor.base.ui.Formats;
import de.kontor.base.ui.GridSorts;
import de.kontor.base.ui.Grids;
import de.kontor.base.ui.NarrowLayout;
import de.kontor.base.ui.Notifications;
import de.kontor.base.ui.ViewHeader;
import de.kontor.customer.Customer;
import de.kontor.customer.CustomerQuery;
import de.kontor.customer.CustomerService;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;

import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** All customers: search as you type, filter by tags and archive state, export, import, create. */
@Route("customers")
@Menu(title = "menu.customers", order = 100, icon = "vaadin:briefcase")
@RolesAllowed({"ADMIN", "VIEWER"})
class CustomersView extends Div implements HasDynamicTitle {

    private final CustomerService customers;
    private final Grid<Customer> grid = new Grid<>();
    private final TextField search = new TextField();
    private final MultiSelectComboBox<String> tags = new MultiSelectComboBox<>();
    private final Select<CustomerQuery.Status> status = new Select<>();

    CustomersView(CustomerService customers, ExportService exports, ZoneId zone, KontorI18NProvider i18n) {
        this.customers = customers;
        addClassName("kontor-view");

        search.setPlaceholder(getTranslation("customer.search"));
        search.setId("customers-search");
        search.setWidth("17rem");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setValueChangeTimeout(300);
        search.addValueChangeListener(e -> refresh());
        tags.setPlaceholder(getTranslation("customer.filter.tags"));
        tags.setId("customers-tags");
        tags.setWidth("12rem");
        tags.setItems(customers.tags());
        tags.addValueChangeListener(e -> refresh());
        status.setId("customers-status");
        status.setWidth("9rem");
        status.setItems(CustomerQuery.Status.values());
        status.setItemLabelGenerator(s -> getTranslation("customer.status." + s.name()));
        status.setValue(CustomerQuery.Status.ACTIVE);
        status.addValueChangeListener(e -> refresh());

        Locale locale = getLocale();
        List<ExportColumn<Customer>> columns = List.of(
                ExportColumn.<Customer>of(getTranslation("customer.number"), Customer::getNumber)
                        .withWidth(0.8f),
                ExportColumn.<Customer>of(getTranslation("customer.name"), Customer::getName)
                        .withWidth(1.8f),
                ExportColumn.<Customer>of(getTranslation("customer.contactPerson"), Customer::getContactPerson),
                ExportColumn.<Customer>of(getTranslation("customer.email"), Customer::getEmail)
                        .withWidth(1.5f),
                ExportColumn.<Customer>of(getTranslation("customer.phone"), Customer::getPhone),
                ExportColumn.<Customer>of(getTranslation("customer.street"), Customer::getStreet),
                ExportColumn.<Customer>of(getTranslation("customer.postalCode"), Customer::getPostalCode)
                        .withWidth(0.6f),
                ExportColumn.<Customer>of(getTranslation("customer.city"), Customer::getCity),
                ExportColumn.<Customer>of(
                        getTranslation("customer.country"), c -> Countries.name(c.getCountry(), locale)),
                ExportColumn.<Customer>of(getTranslation("customer.vatId"), Customer::getVatId),
                ExportColumn.<Customer>of(getTranslation("customer.tags"), c -> String.join(", ", c.getTags())),
                ExportColumn.<Customer>of(
                        getTranslation("customer.status"),
                        c -> i18n.getTranslation(
                                c.isArchived() ? "customer.status.ARCHIVED" : "customer.status.ACTIVE", locale)),
                ExportColumn.<Customer>of(getTranslation("customer.updated"), Customer::getUpdatedAt));
        ExportMenu<Customer> export = new ExportMenu<>(
                exports,
                zone,
                () -> getTranslation("customer.exportTitle"),
                columns,
                this::exportRows,
                () -> GridSorts.of(grid),
                () -> grid.getSelectedItems().isEmpty()
                        ? customers.count(query())
                        : (long) grid.getSelectedItems().size());

        Button importButton = new Button(
                getTranslation("customer.import"),
                VaadinIcon.UPLOAD.create(),
                e -> UI.getCurrent().navigate(CustomerImportView.class));
        importButton.setId("customers-import");
        importButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button create = new Button(getTranslation("customer.new"), VaadinIcon.PLUS.create(), e -> openNew());
        create.setId("customers-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        ViewHeader toolbar = new ViewHeader(search, tags, status).actions(importButton, export, create);

        grid.setId("customers-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        CustomerBulkBar bulk = new CustomerBulkBar(
                customers,
                () -> grid.getSelectedItems().stream().map(Customer::getId).toList(),
                () -> {
                    grid.deselectAll();
                    refresh();
                });
        grid.addSelectionListener(
                e -> bulk.selectionChanged(e.getAllSelectedItems().size()));
        Grids.key(grid.addColumn(Customer::getNumber)
                .setHeader(getTranslation("customer.number"))
                .setSortProperty("number")
                .setKey("number"));
        Grids.name(
                grid.addColumn(Customer::getName)
                        .setHeader(getTranslation("customer.name"))
                        .setSortProperty("name")
                        .setKey("name"),
                "14rem");
        // Contact person and e-mail in one two-line cell, city and country in one: the list stays readable
        // beside the menu at 1440 px without cutting them.
        Grids.text(
                grid.addComponentColumn(this::contactOf)
                        .setHeader(getTranslation("customer.contact"))
                        .setSortProperty("contactPerson")
                        .setKey("contact"),
                c -> String.join(" · ", nonBlank(c.getContactPerson(), c.getEmail())),
                "12rem");
        Grids.key(grid.addColumn(c -> String.join(" · ", nonBlank(c.getCity(), c.getCountry())))
                .setHeader(getTranslation("customer.city"))
                .setSortProperty("city")
                .setKey("city"));
        Grids.text(
                grid.addComponentColumn(this::tagsOf)
                        .setHeader(getTranslation("customer.tags"))
                        .setKey("tags"),
                c -> String.join(", ", c.getTags()),
                "8rem");
        Grids.key(grid.addColumn(c -> Formats.date(c.getUpdatedAt(), zone))
                .setHeader(getTranslation("customer.updated"))
                .setSortProperty("updatedAt")
                .setKey("updated"));
        // On a phone: one column with what tells customers apart, readable without scrolling sideways.
        grid.addComponentColumn(this::summaryOf)
                .setHeader(getTranslation("customer.name"))
                .setSortProperty("name")
                .setKey("summary")
                .setFlexGrow(1)
                .setVisible(false);
        Grids.lazy(grid, pageable -> customers.find(query(), pageable), () -> customers.count(query()));
        Grids.counted(grid, getTranslation("customer.empty"));
        grid.addItemClickListener(
                e -> UI.getCurrent().navigate(CustomerView.class, e.getItem().getId()));

        add(toolbar, bulk, grid);
        NarrowLayout.whileAttached(this, narrow -> {
            grid.getColumns().forEach(c -> c.setVisible(narrow == "summary".equals(c.getKey())));
            search.setWidth(narrow ? "100%" : "17rem");
            setClassName("kontor-narrow", narrow);
        });
    }

    private Div summaryOf(Customer customer) {
        Div name = new Div(customer.getName());
        name.addClassName("kontor-card-title");
        String place = String.join(
                " · ",
                List.of(customer.getNumber(), nz(customer.getCity()), nz(customer.getContactPerson())).stream()
                        .filter(t -> !t.isBlank())
                        .toList());
        Div details = new Div(place);
        details.addClassName("kontor-muted");
        Div summary = new Div(name, details, tagsOf(customer));
        summary.addClassName("kontor-grid-summary");
        return summary;
    }

    CustomerQuery query() {
        return new CustomerQuery(search.getValue(), tags.getValue(), status.getValue());
    }

    /** The selected customers while there are some (in list order), otherwise all that match the filters. */
    private RowSource<Customer> exportRows() {
        if (grid.getSelectedItems().isEmpty()) {
            return customers.exportRows(query());
        }
        List<Customer> chosen = grid.getSelectedItems().stream()
                .sorted(Comparator.comparing(Customer::getNumber))
                .toList();
        return RowSource.of(chosen);
    }

    private void refresh() {
        grid.getDataProvider().refreshAll();
    }

    private Div contactOf(Customer customer) {
        Div contact = new Div(new Span(nz(customer.getContactPerson())));
        if (customer.getEmail() != null && !customer.getEmail().isBlank()) {
            Span email = new Span(customer.getEmail());
            email.addClassName("kontor-muted");
            contact.add(email);
        }
        contact.addClassName("kontor-two-lines");
        return contact;
    }

    private static List<String> nonBlank(@Nullable String... texts) {
        return Stream.of(texts).filter(t -> t != null && !t.isBlank()).toList();
    }

    private Div tagsOf(Customer customer) {
        Div div = new Div();
        Div badges = div;
        customer.getTags().forEach(t -> badges.add(Badges.of(t, Badges.Tone.NEUTRAL)));
        if (customer.isArchived()) {
            div.add(Badges.of(getTranslation("customer.archived"), Badges.Tone.WARNING));
        }
        return div;
    }

    private void openNew() {
        CustomerForm form = new CustomerForm(null, customers.tags());
        form.onSave(data -> {
            Customer created = customers.create(data);
            Notifications.success(getTranslation("customer.createdMessage", created.getNumber()));
            UI.getCurrent().navigate(CustomerView.class, created.getId());
        });
        form.open();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.customers");
    }
}
