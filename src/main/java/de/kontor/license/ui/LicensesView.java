package de.kontor.license.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import de.kontor.base.error.DomainException;
import de.kontor.base.export.ExportColumn;
import de.kontor.base.export.ExportService;
import de.kontor.base.i18n.KontorI18NProvider;
import de.kontor.base.ui.Badges;
import de.kontor.base.ui.ExportMenu;
import de.kontor.base.ui.FieldErrors;
import de.kontor.base.ui.Formats;
import de.kontor.base.ui.GridSorts;
import de.kontor.base.ui.Grids;
import de.kontor.base.ui.LazyGrids;
import de.kontor.base.ui.Notifications;
import de.kontor.base.ui.ViewHeader;
import de.kontor.customer.Customer;
import de.kontor.customer.CustomerPicker;
import de.kontor.customer.CustomerService;
import de.kontor.license.License;
import de.kontor.license.LicenseEnums.LicenseStatus;
import de.kontor.license.LicenseEnums.LicenseType;
import de.kontor.license.LicenseQuery;
import de.kontor.license.LicenseService;
import de.kontor.license.Product;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolationException;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * All licenses: filter, select several for bulk actions, quick-edit one in the side panel, create one
 * or a batch.
 */
@Route("licenses")
@Menu(title = "menu.licenses", order = 200, icon = "vaadin:key-o")
@RolesAllowed({"ADMIN", "VIEWER"})
class LicensesView extends Div implements HasDynamicTitle, BeforeEnterObserver {

    private final LicenseService licenses;
    private final CustomerService customers;
    private final ExportService exports;
    private final KontorI18NProvider i18n;
    private final Clock clock;
    private final ZoneId zone;
    private final Grid<License> grid = new Grid<>();
    private final Select<Optional<Product>> product = new Select<>();
    private final CustomerPicker customer;
    private final Select<Optional<LicenseStatus>> status = new Select<>();
    private final Select<Optional<LicenseType>> type = new Select<>();
    private final IntegerField expiring = new IntegerField();
    private final TextField text = new TextField();
    private final Checkbox anomalous = new Checkbox();
    private final LicenseBulkBar bulkBar;
    private final QuickEditPanel panel;
    private final LicenseLabels labels;

    LicensesView(
            LicenseService licenses,
            CustomerService customers,
            ExportService exports,
            KontorI18NProvider i18n,
            Clock clock,
            ZoneId zone) {
        this.licenses = licenses;
        this.customers = customers;
        this.exports = exports;
        this.i18n = i18n;
        this.clock = clock;
        this.zone = zone;
        addClassName("kontor-view");
        labels = new LicenseLabels(customers, licenses.products());
        bulkBar = new LicenseBulkBar(
                licenses,
                () -> grid.getSelectedItems().stream().map(License::getId).toList(),
                this::refresh);
        panel = new QuickEditPanel(
                licenses, labels, () -> grid.getDataProvider().refreshAll(), this::besidePanel);

        product.setId("licenses-product");
        product.setLabel(getTranslation("license.product"));
        List<Optional<Product>> productItems = new ArrayList<>();
        productItems.add(Optional.empty());
        licenses.products().forEach(p -> productItems.add(Optional.of(p)));
        product.setItems(productItems);
        product.setItemLabelGenerator(o -> o.map(Product::getCode).orElse(getTranslation("license.filter.all")));
        product.setValue(Optional.empty());
        customer = new CustomerPicker(customers);
        customer.setId("licenses-customer");
        customer.setWidth("16rem");
        status.setId("licenses-status");
        status.setLabel(getTranslation("license.status"));
        status.setItems(options(LicenseStatus.values()));
        status.setItemLabelGenerator(o ->
                o.map(s -> getTranslation("license.status." + s.name())).orElse(getTranslation("license.filter.all")));
        status.setValue(Optional.empty());
        type.setId("licenses-type");
        type.setLabel(getTranslation("license.type"));
        type.setItems(options(LicenseType.values()));
        type.setItemLabelGenerator(o ->
                o.map(t -> getTranslation("license.type." + t.name())).orElse(getTranslation("license.filter.all")));
        type.setValue(Optional.empty());
        expiring.setId("licenses-expiring");
        expiring.setLabel(getTranslation("license.filter.expiring"));
        expiring.setMin(0);
        expiring.setWidth("9rem");
        expiring.setSuffixComponent(new Span(getTranslation("license.days")));
        text.setId("licenses-text");
        text.setLabel(getTranslation("license.filter.text"));
        text.setPrefixComponent(VaadinIcon.SEARCH.create());
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setClearButtonVisible(true);
        product.addValueChangeListener(e -> refresh());
        customer.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());
        type.addValueChangeListener(e -> refresh());
        expiring.addValueChangeListener(e -> refresh());
        text.addValueChangeListener(e -> refresh());
        anomalous.setId("licenses-anomalous");
        anomalous.setLabel(getTranslation("license.filter.anomalous"));
        anomalous.addValueChangeListener(e -> refresh());

        Locale locale = getLocale();
        List<ExportColumn<License>> columns = List.of(
                ExportColumn.<License>of(getTranslation("license.key"), License::getKey)
                        .withWidth(1.4f),
                ExportColumn.<License>of(getTranslation("license.product"), l -> labels.product(l.getProductId())),
                ExportColumn.<License>of(getTranslation("license.customer"), l -> labels.customer(l.getCustomerId()))
                        .withWidth(2f),
                ExportColumn.<License>of(
                        getTranslation("license.type"),
                        l -> i18n.getTranslation("license.type." + l.getType().name(), locale)),
                ExportColumn.<License>of(
                        getTranslation("license.status"),
                        l -> i18n.getTranslation(
                                "license.status." + l.getStatus().name(), locale)),
                ExportColumn.<License>of(getTranslation("license.validFrom"), License::getValidFrom),
                ExportColumn.<License>of(getTranslation("license.validUntil"), License::getValidUntil),
                ExportColumn.<License>of(getTranslation("license.maxActivations"), License::getMaxActivations),
                ExportColumn.<License>of(getTranslation("license.features"), l -> String.join(", ", l.getFeatures())));
        ExportMenu<License> export = new ExportMenu<>(
                exports,
                zone,
                () -> getTranslation("license.exportTitle"),
                columns,
                () -> pageable -> licenses.find(query(), pageable),
                () -> GridSorts.of(grid),
                () -> licenses.count(query()));

        Button create = new Button(getTranslation("license.new"), VaadinIcon.PLUS.create(), e -> openCreate(false));
        create.setId("licenses-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button batch = new Button(getTranslation("license.batch"), VaadinIcon.STOCK.create(), e -> openCreate(true));
        batch.setId("licenses-batch");
        ViewHeader toolbar = new ViewHeader(text, product, customer, status, type, expiring, anomalous)
                .actions(export, batch, create);

        grid.setId("licenses-grid");
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(License::getKey)
                .setHeader(getTranslation("license.key"))
                .setSortProperty("key")
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setKey("key")
                .setPartNameGenerator(l -> "kontor-mono");
        Grids.key(grid.addColumn(l -> labels.product(l.getProductId())))
                .setHeader(getTranslation("license.product"))
                .setKey("product");
        Grids.name(grid.addColumn(l -> labels.customer(l.getCustomerId())), "14rem")
                .setHeader(getTranslation("license.customer"))
                .setKey("customer");
        grid.addColumn(l -> getTranslation("license.type." + l.getType().name()))
                .setHeader(getTranslation("license.type"))
                .setSortProperty("type")
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setKey("type");
        grid.addComponentColumn(this::statusBadge)
                .setHeader(getTranslation("license.status"))
                .setSortProperty("status")
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setKey("status");
        grid.addColumn(l -> Formats.date(l.getValidUntil()))
                .setHeader(getTranslation("license.validUntil"))
                .setSortProperty("validUntil")
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setKey("validUntil");
        grid.addColumn(License::getMaxActivations)
                .setHeader(getTranslation("license.maxActivations.short"))
                .setSortProperty("maxActivations")
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setKey("max");
        Grids.counted(grid, getTranslation("license.list.empty"));
        grid.setItems(
                LazyGrids.pages(pageable -> licenses.find(query(), pageable)), q -> (int) licenses.count(query()));
        grid.addSelectionListener(
                e -> bulkBar.selectionChanged(e.getAllSelectedItems().size()));
        grid.addItemClickListener(e -> showPanel(e.getItem()));

        Div body = new Div(grid, panel);
        body.addClassName("kontor-split");
        add(toolbar, bulkBar, body);
    }

    /**
     * {@code ?expiring=30} lists what expires within 30 days; {@code ?anomalous} only flagged licenses; {@code ?customer=42} lists one customer's
     * licenses, and with {@code &new} opens the form for a new license of that customer (the customer page's
     * "new license").
     */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters parameters = event.getLocation().getQueryParameters();
        parameters
                .getSingleParameter("expiring")
                .filter(v -> v.matches("\\d{1,4}"))
                .ifPresent(v -> expiring.setValue(Integer.parseInt(v)));
        parameters.getSingleParameter("anomalous").ifPresent(v -> anomalous.setValue(true));
        Optional<Customer> chosen = parameters
                .getSingleParameter("customer")
                .filter(v -> v.matches("\\d{1,18}"))
                .flatMap(v -> customers.findById(Long.parseLong(v)));
        chosen.ifPresent(customer::setValue);
        if (chosen.isPresent() && parameters.getParameters().containsKey("new")) {
            openCreate(false).customer.setValue(chosen.get());
        }
    }

    LicenseQuery query() {
        return new LicenseQuery(
                product.getValue() == null
                        ? null
                        : product.getValue().map(Product::getId).orElse(null),
                customer.getValue() == null ? null : customer.getValue().getId(),
                status.getValue() == null ? null : status.getValue().orElse(null),
                type.getValue() == null ? null : type.getValue().orElse(null),
                expiring.getValue(),
                text.getValue(),
                anomalous.getValue() ? Boolean.TRUE : null);
    }

    private void refresh() {
        grid.deselectAll();
        grid.getDataProvider().refreshAll();
    }

    private Span statusBadge(License l) {
        Badges.Tone tone = switch (l.getStatus()) {
            case ACTIVE ->
                l.validOn(LocalDate.ofInstant(clock.instant(), zone)) ? Badges.Tone.SUCCESS : Badges.Tone.WARNING;
            case SUSPENDED -> Badges.Tone.WARNING;
            case REVOKED -> Badges.Tone.ERROR;
        };
        String label = l.getStatus() == LicenseStatus.ACTIVE && !l.validOn(LocalDate.ofInstant(clock.instant(), zone))
                ? getTranslation("license.expiredLabel")
                : getTranslation("license.status." + l.getStatus().name());
        return Badges.of(label, tone);
    }

    private LicenseForm openCreate(boolean batch) {
        LicenseForm form = new LicenseForm(
                customers, licenses.products(), null, batch, LocalDate.ofInstant(clock.instant(), zone));
        form.addSaveListener(e -> create(form, e.licenses(), batch));
        form.addCancelListener(e -> form.close());
        form.open();
        return form;
    }

    private void create(LicenseForm form, LicenseForm.Licenses result, boolean batch) {
        try {
            List<License> created = licenses.createBatch(
                    result.product().getId(), result.customer().getId(), result.terms(), result.count());
            form.close();
            refresh();
            if (batch) {
                new BatchResultDialog(created, labels, exports, i18n, zone).open();
            } else {
                Notifications.success(
                        getTranslation("license.created", created.getFirst().getKey()));
                UI.getCurrent().navigate(LicenseView.class, created.getFirst().getId());
            }
        } catch (DomainException e) {
            FieldErrors.show(this, e, form.fields());
        } catch (ConstraintViolationException e) {
            Notifications.error(e.getConstraintViolations().iterator().next().getMessage());
        }
    }

    private static <E> List<Optional<E>> options(E[] values) {
        List<Optional<E>> list = new ArrayList<>();
        list.add(Optional.empty());
        for (E v : values) {
            list.add(Optional.of(v));
        }
        return list;
    }

    /**
     * Beside the open panel the list keeps key, customer and status: the panel shows product, end of validity
     * and machines of the chosen license, and all columns would not fit next to it.
     */
    private void besidePanel(boolean open) {
        for (String key : List.of("product", "type", "validUntil", "max")) {
            grid.getColumnByKey(key).setVisible(!open);
        }
    }

    /** Opens the quick-edit side panel for this license. */
    void showPanel(License license) {
        panel.show(license);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.licenses");
    }
}
