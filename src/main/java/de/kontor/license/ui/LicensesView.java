package de.kontor.license.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
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
import de.kontor.base.ui.LazyGrids;
import de.kontor.base.ui.Notifications;
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
import org.springframework.data.domain.SliceImpl;
import org.springframework.data.domain.Sort;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * All licenses: filter, select several for bulk actions, quick-edit one in the side panel, create one
 * or a batch.
 */
@Route("licenses")
@Menu(title = "menu.licenses", order = 200, icon = "vaadin:key-o")
@RolesAllowed("ADMIN")
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
    private final Div bulkBar = new Div();
    private final Span selectedCount = new Span();
    private final Div panel = new Div();
    // read by export threads too
    private final Map<Long, Customer> customerCache = new ConcurrentHashMap<>();
    private final Map<Long, Product> productCache = new ConcurrentHashMap<>();

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
        licenses.products().forEach(p -> productCache.put(p.getId(), p));

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

        Locale locale = getLocale();
        List<ExportColumn<License>> columns = List.of(
                ExportColumn.<License>of(getTranslation("license.key"), License::getKey)
                        .withWidth(1.4f),
                ExportColumn.<License>of(getTranslation("license.product"), l -> productCode(l.getProductId())),
                ExportColumn.<License>of(getTranslation("license.customer"), l -> customerLabel(l.getCustomerId()))
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
        Div spacer = new Div();
        spacer.addClassName("kontor-toolbar-spacer");
        Div toolbar = new Div(text, product, customer, status, type, expiring, spacer, export, batch, create);
        toolbar.addClassName("kontor-toolbar");

        selectedCount.setId("licenses-selected");
        Button suspend = bulkButton("license.suspend", "licenses-bulk-suspend", ids -> licenses.suspend(ids));
        Button reactivate =
                bulkButton("license.reactivate", "licenses-bulk-reactivate", ids -> licenses.reactivate(ids));
        Button revoke = bulkButton("license.revoke", "licenses-bulk-revoke", ids -> licenses.revoke(ids));
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button extend = new Button(getTranslation("license.extend"), e -> openExtend());
        extend.setId("licenses-bulk-extend");
        bulkBar.add(selectedCount, suspend, reactivate, extend, revoke);
        bulkBar.addClassNames("kontor-toolbar", "kontor-bulk-bar");
        bulkBar.setVisible(false);

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
        grid.addColumn(l -> productCode(l.getProductId()))
                .setHeader(getTranslation("license.product"))
                .setAutoWidth(true)
                .setKey("product");
        grid.addColumn(l -> customerLabel(l.getCustomerId()))
                .setHeader(getTranslation("license.customer"))
                .setFlexGrow(2)
                .setKey("customer");
        grid.addColumn(l -> getTranslation("license.type." + l.getType().name()))
                .setHeader(getTranslation("license.type"))
                .setSortProperty("type")
                .setAutoWidth(true)
                .setKey("type");
        grid.addComponentColumn(this::statusBadge)
                .setHeader(getTranslation("license.status"))
                .setSortProperty("status")
                .setAutoWidth(true)
                .setKey("status");
        grid.addColumn(l -> Formats.date(l.getValidUntil()))
                .setHeader(getTranslation("license.validUntil"))
                .setSortProperty("validUntil")
                .setAutoWidth(true)
                .setKey("validUntil");
        grid.addColumn(License::getMaxActivations)
                .setHeader(getTranslation("license.maxActivations.short"))
                .setSortProperty("maxActivations")
                .setAutoWidth(true)
                .setKey("max");
        grid.setItems(
                LazyGrids.pages(pageable -> licenses.find(query(), pageable)), q -> (int) licenses.count(query()));
        grid.addSelectionListener(e -> {
            int n = e.getAllSelectedItems().size();
            bulkBar.setVisible(n > 0);
            selectedCount.setText(getTranslation("license.selected", n));
        });
        grid.addItemClickListener(e -> showPanel(e.getItem()));

        panel.setId("license-panel");
        panel.addClassName("kontor-side-panel");
        panel.setVisible(false);
        Div body = new Div(grid, panel);
        body.addClassName("kontor-split");
        add(toolbar, bulkBar, body);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation()
                .getQueryParameters()
                .getSingleParameter("expiring")
                .filter(v -> v.matches("\\d{1,4}"))
                .ifPresent(v -> expiring.setValue(Integer.parseInt(v)));
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
                text.getValue());
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

    private Button bulkButton(String labelKey, String id, Function<List<Long>, List<License>> action) {
        Button button = new Button(getTranslation(labelKey), e -> {
            List<Long> ids =
                    grid.getSelectedItems().stream().map(License::getId).toList();
            ConfirmDialog confirm = new ConfirmDialog();
            confirm.setId("licenses-bulk-confirm");
            confirm.setHeader(getTranslation(labelKey));
            confirm.setText(getTranslation("license.bulk.confirm", getTranslation(labelKey), ids.size()));
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("action.cancel"));
            confirm.setConfirmText(getTranslation(labelKey));
            confirm.addConfirmListener(c -> {
                try {
                    action.apply(ids);
                    Notifications.success(getTranslation("license.bulk.done", ids.size()));
                    refresh();
                } catch (DomainException ex) {
                    Notifications.error(getTranslation(ex.messageKey(), ex.args()));
                }
            });
            confirm.open();
        });
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    private void openExtend() {
        List<Long> ids = grid.getSelectedItems().stream().map(License::getId).toList();
        Dialog dialog = new Dialog();
        dialog.setId("licenses-extend-dialog");
        dialog.setHeaderTitle(getTranslation("license.extend"));
        IntegerField days = new IntegerField(getTranslation("license.extend.daysLabel"));
        days.setId("licenses-extend-days");
        days.setMin(1);
        days.setMax(3650);
        days.setValue(365);
        days.setStepButtonsVisible(true);
        dialog.add(new Paragraph(getTranslation("license.extend.info", ids.size())), days);
        Button ok = new Button(getTranslation("license.extend"), e -> {
            try {
                licenses.extend(ids, days.getValue() == null ? 0 : days.getValue());
                dialog.close();
                Notifications.success(getTranslation("license.bulk.done", ids.size()));
                refresh();
            } catch (DomainException ex) {
                FieldErrors.show(this, ex, Map.of("days", days));
            }
        });
        ok.setId("licenses-extend-ok");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), ok);
        dialog.open();
    }

    void showPanel(License selected) {
        License l = licenses.license(selected.getId());
        panel.removeAll();
        panel.setVisible(true);
        H3 title = new H3(l.getKey());
        title.addClassName("kontor-mono");
        Paragraph who = new Paragraph(productCode(l.getProductId()) + " · " + customerLabel(l.getCustomerId()));
        who.addClassName("kontor-muted");
        Select<LicenseStatus> quickStatus = new Select<>();
        quickStatus.setId("quick-status");
        quickStatus.setLabel(getTranslation("license.status"));
        quickStatus.setItems(
                l.getStatus() == LicenseStatus.REVOKED
                        ? List.of(LicenseStatus.REVOKED)
                        : List.of(LicenseStatus.values()));
        quickStatus.setItemLabelGenerator(s -> getTranslation("license.status." + s.name()));
        quickStatus.setValue(l.getStatus());
        DatePicker quickUntil = new DatePicker(getTranslation("license.validUntil"));
        quickUntil.setId("quick-valid-until");
        quickUntil.setValue(l.getValidUntil());
        quickUntil.setClearButtonVisible(true);
        IntegerField quickMax = new IntegerField(getTranslation("license.maxActivations"));
        quickMax.setId("quick-max");
        quickMax.setMin(1);
        quickMax.setValue(l.getMaxActivations());
        quickMax.setStepButtonsVisible(true);
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                licenses.quickEdit(
                        l.getId(),
                        l.getVersion(),
                        quickStatus.getValue(),
                        quickUntil.getValue(),
                        quickMax.getValue() == null ? 0 : quickMax.getValue());
                Notifications.success(getTranslation("license.saved", l.getKey()));
                grid.getDataProvider().refreshAll();
                showPanel(l);
            } catch (DomainException ex) {
                FieldErrors.show(this, ex, Map.of("validUntil", quickUntil, "maxActivations", quickMax));
            } catch (ConstraintViolationException ex) {
                quickMax.setErrorMessage(getTranslation("license.maxActivations.invalid"));
                quickMax.setInvalid(true);
            }
        });
        save.setId("quick-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button open = new Button(
                getTranslation("license.open"),
                VaadinIcon.ARROW_RIGHT.create(),
                e -> UI.getCurrent().navigate(LicenseView.class, l.getId()));
        open.setId("quick-open");
        open.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button close = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> panel.setVisible(false));
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        close.setAriaLabel(getTranslation("action.close"));
        Div head = new Div(title, close);
        head.addClassName("kontor-toolbar");
        panel.add(head, who, quickStatus, quickUntil, quickMax, new Div(save, open));
    }

    private void openCreate(boolean batch) {
        LicenseForm[] form = new LicenseForm[1];
        form[0] = new LicenseForm(
                customers,
                licenses.products(),
                null,
                batch,
                LocalDate.ofInstant(clock.instant(), zone),
                result -> create(form[0], result, batch));
        form[0].open();
    }

    private void create(LicenseForm form, LicenseForm.Result result, boolean batch) {
        try {
            List<License> created = licenses.createBatch(
                    result.product().getId(), result.customer().getId(), result.terms(), result.count());
            form.close();
            refresh();
            if (batch) {
                showBatch(created);
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

    private void showBatch(List<License> created) {
        Dialog dialog = new Dialog();
        dialog.setId("license-batch-result");
        dialog.setHeaderTitle(getTranslation("license.batch.done", created.size()));
        dialog.setWidth("min(40rem, 96vw)");
        Grid<License> keys = new Grid<>();
        keys.setId("license-batch-keys");
        keys.addColumn(License::getKey)
                .setHeader(getTranslation("license.key"))
                .setPartNameGenerator(l -> "kontor-mono");
        keys.addColumn(l -> Formats.date(l.getValidUntil())).setHeader(getTranslation("license.validUntil"));
        keys.setItems(created);
        keys.setHeight("16rem");
        Locale locale = getLocale();
        List<ExportColumn<License>> columns = List.of(
                ExportColumn.<License>of(i18n.getTranslation("license.key", locale), License::getKey),
                ExportColumn.<License>of(
                        i18n.getTranslation("license.product", locale), l -> productCode(l.getProductId())),
                ExportColumn.<License>of(
                        i18n.getTranslation("license.customer", locale), l -> customerLabel(l.getCustomerId())),
                ExportColumn.<License>of(i18n.getTranslation("license.validFrom", locale), License::getValidFrom),
                ExportColumn.<License>of(i18n.getTranslation("license.validUntil", locale), License::getValidUntil),
                ExportColumn.<License>of(
                        i18n.getTranslation("license.maxActivations", locale), License::getMaxActivations));
        ExportMenu<License> download = new ExportMenu<>(
                exports,
                zone,
                () -> getTranslation("license.batch.exportTitle"),
                columns,
                () -> pageable -> new SliceImpl<>(
                        page(created, (int) pageable.getOffset(), pageable.getPageSize()),
                        pageable,
                        pageable.getOffset() + pageable.getPageSize() < created.size()),
                Sort::unsorted,
                () -> (long) created.size());
        download.setId("license-batch-export");
        dialog.add(new Paragraph(getTranslation("license.batch.info")), keys, download);
        dialog.getFooter().add(new Button(getTranslation("action.close"), e -> dialog.close()));
        dialog.open();
    }

    private static List<License> page(List<License> all, int offset, int size) {
        return all.subList(Math.min(offset, all.size()), Math.min(all.size(), offset + size));
    }

    private String productCode(Long productId) {
        Product p = productCache.get(productId);
        return p == null ? "#" + productId : p.getCode();
    }

    private String customerLabel(Long customerId) {
        Customer c = customerCache.computeIfAbsent(customerId, customers::get);
        return c.getNumber() + " · " + c.getName();
    }

    private static <E> List<Optional<E>> options(E[] values) {
        List<Optional<E>> list = new ArrayList<>();
        list.add(Optional.empty());
        for (E v : values) {
            list.add(Optional.of(v));
        }
        return list;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.licenses");
    }
}
