package de.kontor.license.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import de.kontor.base.error.ConcurrentChangeException;
import de.kontor.base.error.DomainException;
import de.kontor.base.ui.Badges;
import de.kontor.base.ui.Confirmations;
import de.kontor.base.ui.FieldErrors;
import de.kontor.base.ui.Formats;
import de.kontor.base.ui.Grids;
import de.kontor.base.ui.Notifications;
import de.kontor.base.ui.SvgCharts;
import de.kontor.base.ui.ViewHeader;
import de.kontor.customer.Customer;
import de.kontor.customer.CustomerService;
import de.kontor.license.Activation;
import de.kontor.license.License;
import de.kontor.license.LicenseEnums.LicenseStatus;
import de.kontor.license.LicenseService;
import de.kontor.license.Product;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One license: terms, devices with their last heartbeat, heartbeat history; change, suspend, revoke. */
@Route("licenses")
@RolesAllowed({"ADMIN", "VIEWER"})
class LicenseView extends Div implements HasUrlParameter<Long>, HasDynamicTitle {

    private static final int HISTORY_DAYS = 30;

    private final LicenseService licenses;
    private final CustomerService customers;
    private final Clock clock;
    private final ZoneId zone;
    private @Nullable License license;

    LicenseView(LicenseService licenses, CustomerService customers, Clock clock, ZoneId zone) {
        this.licenses = licenses;
        this.customers = customers;
        this.clock = clock;
        this.zone = zone;
        addClassName("kontor-view");
        setId("license-view");
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        license = licenses.license(id);
        render();
    }

    private void render() {
        License l = license;
        removeAll();
        Product product = licenses.product(l.getProductId());
        Customer customer = customers.get(l.getCustomerId());

        H2 title = new H2(l.getKey());
        title.setId("license-title");
        title.addClassName("kontor-mono");
        ViewHeader header = new ViewHeader(title, statusBadge(l));
        Button edit = new Button(getTranslation("license.editTerms"), VaadinIcon.EDIT.create(), e -> openEdit());
        edit.setId("license-edit");
        edit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        edit.setEnabled(l.getStatus() != LicenseStatus.REVOKED);
        header.actions(edit);
        if (l.getStatus() == LicenseStatus.ACTIVE) {
            header.actions(action("license.suspend", "license-suspend", () -> licenses.suspend(List.of(l.getId()))));
        } else if (l.getStatus() == LicenseStatus.SUSPENDED) {
            header.actions(
                    action("license.reactivate", "license-reactivate", () -> licenses.reactivate(List.of(l.getId()))));
        }
        if (l.getStatus() != LicenseStatus.REVOKED) {
            Button revoke = action("license.revoke", "license-revoke", () -> licenses.revoke(List.of(l.getId())));
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR);
            header.actions(revoke);
        }
        add(header);

        Div terms = card(getTranslation("license.terms"));
        terms.setId("license-terms");
        line(terms, "license.product", product.getCode() + " · " + product.getName());
        Div customerLine = new Div(
                label("license.customer"),
                new Anchor("customers/" + customer.getId(), customer.getNumber() + " · " + customer.getName()));
        terms.add(customerLine);
        line(terms, "license.type", getTranslation("license.type." + l.getType().name()));
        line(terms, "license.validFrom", Formats.date(l.getValidFrom()));
        line(
                terms,
                "license.validUntil",
                l.getValidUntil() == null ? getTranslation("license.unlimited") : Formats.date(l.getValidUntil()));
        List<Activation> devices = licenses.activations(l.getId());
        long used = devices.stream().filter(Activation::holdsSlot).count();
        line(terms, "license.activations", getTranslation("license.activationsOf", used, l.getMaxActivations()));
        if (!l.getFeatures().isEmpty()) {
            Div features = new Div(label("license.features"));
            l.getFeatures().forEach(f -> features.add(Badges.of(f, Badges.Tone.PRIMARY)));
            terms.add(features);
        }
        if (!l.getLimits().isEmpty()) {
            line(terms, "license.limits", LicenseForm.formatLimits(l.getLimits()));
        }
        if (l.getNotes() != null) {
            line(terms, "license.notes", l.getNotes());
        }
        Div history = card(getTranslation("license.history", HISTORY_DAYS));
        history.add(chart(l));
        Div anomalies = card(getTranslation("license.anomalies"));
        anomalies.add(LicenseInsights.anomalies(licenses.anomalies(l.getId()), zone, this::getTranslation));
        Div usage = card(getTranslation("license.usage", HISTORY_DAYS));
        usage.add(LicenseInsights.usageChart(
                licenses.usageCounters(l.getId(), HISTORY_DAYS),
                LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC),
                HISTORY_DAYS,
                getTranslation("license.usage", HISTORY_DAYS),
                getTranslation("license.usage.empty")));
        Div cards = new Div(terms, history, anomalies, usage);
        cards.addClassName("kontor-tiles");
        cards.getStyle().set("grid-template-columns", "repeat(auto-fill, minmax(22rem, 1fr))");
        add(cards);

        add(new H3(getTranslation("license.devices")));
        Grid<Activation> grid = new Grid<>();
        grid.setId("license-devices");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        // The machine's name over its MAC address: one column less, so the actions stay in sight.
        Grids.text(
                grid.addComponentColumn(this::machineOf)
                        .setHeader(getTranslation("license.device.host"))
                        .setKey("host"),
                a -> String.join(" · ", nz(a.getHostname()), nz(a.getMac())),
                "12rem");
        grid.addColumn(a -> a.getAppVersion() == null ? "" : a.getAppVersion())
                .setHeader(getTranslation("license.device.version"))
                .setKey("version")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(this::stateBadge)
                .setHeader(getTranslation("license.device.state"))
                .setKey("state")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(a -> Formats.dateTime(a.getLastSeenAt(), zone))
                .setHeader(getTranslation("license.device.lastSeen"))
                .setKey("lastSeen")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(a -> Formats.dateTime(a.getFirstSeenAt(), zone))
                .setHeader(getTranslation("license.device.firstSeen"))
                .setKey("firstSeen")
                .setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(Activation::getTransferCount)
                .setHeader(getTranslation("license.device.transfers"))
                .setKey("transfers")
                .setAutoWidth(true)
                .setFlexGrow(0);
        Grids.actions(grid.addComponentColumn(this::deviceActions).setKey("actions"));
        grid.setItems(devices);
        Grids.counted(grid, getTranslation("license.devices.empty"));
        add(grid);
    }

    private Component chart(License l) {
        var days = licenses.heartbeatHistory(l.getId(), HISTORY_DAYS);
        Map<LocalDate, Integer> byDay = new HashMap<>();
        days.forEach(d -> byDay.merge(d.day(), d.heartbeats(), Integer::sum));
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        DateTimeFormatter label = DateTimeFormatter.ofPattern("d.M.");
        List<SvgCharts.Bar> bars = new ArrayList<>();
        for (int i = HISTORY_DAYS - 1; i >= 0; i--) {
            LocalDate day = today.minusDays(i);
            bars.add(new SvgCharts.Bar(label.format(day), byDay.getOrDefault(day, 0)));
        }
        var chart = SvgCharts.barChart(getTranslation("license.history", HISTORY_DAYS), bars, 7, "");
        chart.setId("license-history-chart");
        return chart;
    }

    private Component machineOf(Activation a) {
        Div machine = new Div(new Span(a.getHostname() == null ? "–" : a.getHostname()));
        if (a.getMac() != null) {
            Span mac = new Span(a.getMac());
            mac.addClassName("kontor-muted");
            machine.add(mac);
        }
        machine.addClassName("kontor-two-lines");
        return machine;
    }

    private static String nz(@Nullable String text) {
        return text == null ? "" : text;
    }

    private Component deviceActions(Activation a) {
        Div actions = new Div();
        if (!a.holdsSlot()) {
            return actions;
        }
        Button deactivate = new Button(
                getTranslation("license.device.deactivate"),
                e -> confirm(
                        "license.device.deactivate",
                        getTranslation("license.device.deactivate.confirm", describe(a)),
                        () -> licenses.deactivate(a.getId())));
        deactivate.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        deactivate.setId("device-deactivate-" + a.getId());
        Button transfer = new Button(
                getTranslation("license.device.transfer"),
                e -> confirm(
                        "license.device.transfer",
                        getTranslation("license.device.transfer.confirm", describe(a)),
                        () -> licenses.transfer(a.getId())));
        transfer.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        transfer.setId("device-transfer-" + a.getId());
        transfer.setEnabled(!a.isTransferPending());
        actions.add(transfer, deactivate);
        return actions;
    }

    private Span stateBadge(Activation a) {
        if (a.isTransferPending()) {
            return Badges.of(getTranslation("license.device.transferPending"), Badges.Tone.WARNING);
        }
        return Badges.of(
                getTranslation("license.device.state." + a.getState().name()),
                switch (a.getState()) {
                    case ACTIVE -> Badges.Tone.SUCCESS;
                    case INACTIVE -> Badges.Tone.WARNING;
                    case DEACTIVATED -> Badges.Tone.NEUTRAL;
                });
    }

    private Span statusBadge(License l) {
        boolean inTime = l.validOn(LocalDate.ofInstant(clock.instant(), zone));
        if (l.getStatus() == LicenseStatus.ACTIVE && !inTime) {
            return Badges.of(getTranslation("license.expiredLabel"), Badges.Tone.WARNING);
        }
        return Badges.of(
                getTranslation("license.status." + l.getStatus().name()),
                switch (l.getStatus()) {
                    case ACTIVE -> Badges.Tone.SUCCESS;
                    case SUSPENDED -> Badges.Tone.WARNING;
                    case REVOKED -> Badges.Tone.ERROR;
                });
    }

    private Button action(String labelKey, String id, Runnable action) {
        Button button = new Button(
                getTranslation(labelKey),
                e -> confirm(labelKey, getTranslation(labelKey + ".confirm", license.getKey()), action));
        button.setId(id);
        return button;
    }

    private void confirm(String headerKey, String text, Runnable action) {
        Confirmations.ask("license-confirm", getTranslation(headerKey), text, getTranslation(headerKey), false, () -> {
            try {
                action.run();
                license = licenses.license(license.getId());
                render();
                Notifications.success(getTranslation("license.saved", license.getKey()));
            } catch (DomainException ex) {
                Notifications.error(getTranslation(ex.messageKey(), ex.args()));
            }
        });
    }

    private void openEdit() {
        License l = license;
        LicenseForm form = new LicenseForm(
                customers, licenses.products(), l.terms(), false, LocalDate.ofInstant(clock.instant(), zone));
        form.addSaveListener(e -> {
            try {
                license = licenses.updateTerms(
                        l.getId(), l.getVersion(), e.licenses().terms());
                form.close();
                Notifications.success(getTranslation("license.saved", l.getKey()));
                render();
            } catch (ConcurrentChangeException ex) {
                Notifications.error(getTranslation("error.concurrentChange"));
            } catch (DomainException ex) {
                FieldErrors.show(this, ex, form.fields());
            }
        });
        form.addCancelListener(e -> form.close());
        form.open();
    }

    private static String describe(Activation a) {
        return a.getHostname() != null ? a.getHostname() : a.getMac() != null ? a.getMac() : "#" + a.getId();
    }

    private static Div card(String title) {
        Div card = new Div(new H3(title));
        card.addClassName("kontor-card");
        return card;
    }

    private void line(Div card, String labelKey, String value) {
        card.add(new Div(label(labelKey), new Span(value)));
    }

    private Span label(String key) {
        Span label = new Span(getTranslation(key) + ": ");
        label.addClassName("kontor-muted");
        return label;
    }

    @Override
    public String getPageTitle() {
        return license == null ? getTranslation("menu.licenses") : license.getKey();
    }
}
