package de.kontor.customer.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import de.kontor.base.Countries;
import de.kontor.base.audit.AuditEntry;
import de.kontor.base.audit.AuditService;
import de.kontor.base.error.ConcurrentChangeException;
import de.kontor.base.error.DomainException;
import de.kontor.base.i18n.KontorI18NProvider;
import de.kontor.base.ui.AuditTexts;
import de.kontor.base.ui.Badges;
import de.kontor.base.ui.Confirmations;
import de.kontor.base.ui.DashboardTile;
import de.kontor.base.ui.FieldErrors;
import de.kontor.base.ui.Formats;
import de.kontor.base.ui.Grids;
import de.kontor.base.ui.LazyGrids;
import de.kontor.base.ui.NarrowLayout;
import de.kontor.base.ui.Notifications;
import de.kontor.base.ui.ViewHeader;
import de.kontor.customer.Customer;
import de.kontor.customer.CustomerFact;
import de.kontor.customer.CustomerJournal.TimelineEntry;
import de.kontor.customer.CustomerPageSection;
import de.kontor.customer.CustomerService;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;

import java.text.NumberFormat;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One customer: details, quick stats from all modules, notes and activities, the history across modules and the
 * customer's own changes; edit, archive, restore, delete.
 */
@Route("customers")
@RolesAllowed({"ADMIN", "VIEWER"})
class CustomerView extends Div implements HasUrlParameter<Long>, HasDynamicTitle {

    private final CustomerService customers;
    private final AuditService audit;
    private final ZoneId zone;
    private final List<CustomerPageSection> sections;
    private @Nullable Customer customer;

    /** How many lines of history the page shows; older ones are in the audit log. */
    private static final int HISTORY = 200;

    private final KontorI18NProvider i18n;
    private final Clock clock;
    private final Grid<TimelineEntry> history = new Grid<>();

    CustomerView(
            CustomerService customers,
            AuditService audit,
            ZoneId zone,
            List<CustomerPageSection> sections,
            KontorI18NProvider i18n,
            Clock clock) {
        this.customers = customers;
        this.clock = clock;
        this.audit = audit;
        this.zone = zone;
        this.i18n = i18n;
        this.sections = sections.stream()
                .sorted(Comparator.comparingInt(CustomerPageSection::order))
                .toList();
        addClassName("kontor-view");
        setId("customer-view");
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        customer = customers.get(id);
        render();
    }

    private void render() {
        Customer c = customer;
        removeAll();
        AuditTexts texts = new AuditTexts(i18n, getLocale(), zone);
        H2 title = new H2(c.getNumber() + " · " + c.getName());
        title.setId("customer-title");
        ViewHeader header = new ViewHeader(title);
        if (c.isArchived()) {
            header.start(Badges.of(getTranslation("customer.archived"), Badges.Tone.WARNING));
        }
        Button edit = new Button(getTranslation("customer.edit"), VaadinIcon.EDIT.create(), e -> openEdit());
        edit.setId("customer-edit");
        edit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button archive = c.isArchived()
                ? new Button(getTranslation("customer.restore"), VaadinIcon.ARROW_BACKWARD.create(), e -> restore())
                : new Button(getTranslation("customer.archive"), VaadinIcon.ARCHIVE.create(), e -> confirmArchive());
        archive.setId(c.isArchived() ? "customer-restore" : "customer-archive");
        List<CustomerFact> facts = customers.facts(c.getId());
        boolean deletable = facts.stream().allMatch(f -> f.count() == 0);
        Button delete = new Button(getTranslation("customer.delete"), VaadinIcon.TRASH.create(), e -> confirmDelete());
        delete.setId("customer-delete");
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        delete.setEnabled(deletable);
        if (!deletable) {
            delete.setTooltipText(getTranslation("customer.delete.blocked"));
        }
        header.actions(edit, archive, delete);
        add(header);

        Div cards = new Div(details(c), address(c));
        cards.addClassName("kontor-tiles");
        add(cards);

        add(new H3(getTranslation("customer.stats")));
        Div stats = new Div();
        stats.addClassName("kontor-tiles");
        stats.setId("customer-stats");
        NumberFormat numbers = NumberFormat.getIntegerInstance(getLocale());
        for (CustomerFact fact : facts) {
            stats.add(DashboardTile.numberTile(
                    "fact-" + fact.labelKey().replace('.', '-'),
                    numbers.format(fact.count()),
                    getTranslation(fact.labelKey())));
        }
        stats.add(DashboardTile.textTile(
                "fact-last-activity",
                Formats.dateTime(customers.lastActivity(c.getId()), zone),
                getTranslation("customer.lastActivity")));
        add(stats);
        if (facts.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("customer.noStats"));
            none.addClassName("kontor-muted");
            add(none);
        }

        for (CustomerPageSection section : sections) {
            section.create(c).ifPresent(this::add);
        }

        add(new CustomerJournalPanel(customers, c.getId(), zone, clock, this::refreshHistory));

        add(new H3(getTranslation("customer.history")));
        history.setId("customer-history");
        history.addThemeVariants(
                GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        history.removeAllColumns();
        Grids.key(history.addColumn(e -> Formats.dateTime(e.at(), zone))
                .setHeader(getTranslation("audit.time"))
                .setKey("time"));
        Grids.key(history.addColumn(TimelineEntry::username)
                .setHeader(getTranslation("audit.user"))
                .setKey("user"));
        Grids.name(
                history.addComponentColumn(this::what)
                        .setHeader(getTranslation("customer.history.what"))
                        .setKey("what"),
                "12rem");
        Grids.key(history.addColumn(e -> texts.action(e.action()))
                .setHeader(getTranslation("audit.action"))
                .setKey("action"));
        Grids.counted(history, getTranslation("customer.timeline.empty"));
        history.setHeight("18rem");
        NarrowLayout.whileAttached(
                history, narrow -> history.getColumnByKey("user").setVisible(!narrow));
        refreshHistory();
        add(history);

        add(new H3(getTranslation("customer.timeline")));
        Grid<AuditEntry> timeline = new Grid<>();
        timeline.setId("customer-timeline");
        timeline.addThemeVariants(
                GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER, GridVariant.LUMO_WRAP_CELL_CONTENT);
        Grids.key(timeline.addColumn(e -> Formats.dateTime(e.getOccurredAt(), zone))
                .setHeader(getTranslation("audit.time"))
                .setKey("time"));
        Grids.key(timeline.addColumn(AuditEntry::getUsername)
                .setHeader(getTranslation("audit.user"))
                .setKey("user"));
        Grids.key(timeline.addColumn(texts::action)
                .setHeader(getTranslation("audit.action"))
                .setKey("action"));
        Grids.name(
                timeline.addColumn(e -> texts.changes(e.getModule(), audit.changesOf(e)))
                        .setHeader(getTranslation("audit.changes"))
                        .setKey("changes"),
                "12rem");
        timeline.setItems(LazyGrids.pages(pageable -> customers.timeline(c.getId(), pageable)));
        Grids.counted(timeline, getTranslation("customer.timeline.audit.empty"));
        timeline.setHeight("18rem");
        // On a phone the time and what happened matter; who did it is one tap away in the audit log.
        NarrowLayout.whileAttached(
                timeline, narrow -> timeline.getColumnByKey("user").setVisible(!narrow));
        add(timeline);
    }

    private void refreshHistory() {
        history.setItems(customers.history(customer.getId(), HISTORY));
    }

    /** The kind of record and which one, linked to its page where it has one. */
    private Component what(TimelineEntry e) {
        String text = getTranslation(e.kindKey()) + " " + e.subject();
        if (e.route() == null) {
            return new Span(text);
        }
        Anchor link = new Anchor(e.route(), text);
        return link;
    }

    private Component details(Customer c) {
        Div card = card(getTranslation("customer.details"));
        line(card, "customer.contactPerson", c.getContactPerson());
        if (c.getEmail() != null) {
            Div row = new Div(label("customer.email"), new Anchor("mailto:" + c.getEmail(), c.getEmail()));
            card.add(row);
        }
        line(card, "customer.phone", c.getPhone());
        line(card, "customer.vatId", c.getVatId());
        if (!c.getTags().isEmpty()) {
            Div tags = new Div(label("customer.tags"));
            c.getTags().forEach(t -> tags.add(Badges.of(t, Badges.Tone.NEUTRAL)));
            card.add(tags);
        }
        if (c.getNotes() != null) {
            Paragraph notes = new Paragraph(c.getNotes());
            notes.getStyle().set("white-space", "pre-wrap");
            card.add(notes);
        }
        line(card, "customer.created", Formats.dateTime(c.getCreatedAt(), zone));
        return card;
    }

    private Component address(Customer c) {
        Div card = card(getTranslation("customer.address"));
        if (c.getStreet() != null) {
            card.add(new Div(new Span(c.getStreet())));
        }
        String place = String.join(
                " ",
                Stream.of(c.getPostalCode(), c.getCity())
                        .filter(Objects::nonNull)
                        .toList());
        if (!place.isBlank()) {
            card.add(new Div(new Span(place)));
        }
        if (c.getCountry() != null) {
            card.add(new Div(new Span(Countries.name(c.getCountry(), getLocale()))));
        }
        return card;
    }

    private static Div card(String title) {
        Div card = new Div(new H3(title));
        card.addClassName("kontor-card");
        return card;
    }

    private void line(Div card, String labelKey, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            card.add(new Div(label(labelKey), new Span(value)));
        }
    }

    private Span label(String key) {
        Span label = new Span(getTranslation(key) + ": ");
        label.addClassName("kontor-muted");
        return label;
    }

    void openEdit() {
        Customer current = customer;
        CustomerForm form = new CustomerForm(current, customers.tags());
        form.addSaveListener(e -> {
            try {
                customer = customers.update(current.getId(), current.getVersion(), e.data());
                form.close();
                Notifications.success(getTranslation("customer.saved", customer.getNumber()));
                render();
            } catch (ConcurrentChangeException ex) {
                showChangedMeanwhile(form);
            } catch (DomainException ex) {
                FieldErrors.show(this, ex, form.fields());
            }
        });
        form.open();
    }

    private void showChangedMeanwhile(CustomerForm form) {
        Confirmations.ask(
                "customer-conflict",
                getTranslation("customer.edit"),
                getTranslation("customer.changedMeanwhile"),
                getTranslation("customer.reload"),
                false,
                () -> {
                    form.close();
                    customer = customers.get(customer.getId());
                    render();
                });
    }

    private void confirmArchive() {
        Confirmations.ask(
                "customer-archive-confirm",
                getTranslation("customer.archive"),
                getTranslation("customer.archive.confirm", customer.getName()),
                getTranslation("customer.archive"),
                false,
                () -> {
                    customer = customers.archive(customer.getId());
                    Notifications.success(getTranslation("customer.archivedMessage", customer.getNumber()));
                    render();
                });
    }

    private void restore() {
        try {
            customer = customers.restore(customer.getId());
            Notifications.success(getTranslation("customer.restoredMessage", customer.getNumber()));
            render();
        } catch (DomainException e) {
            Notifications.error(getTranslation(e.messageKey(), e.args()));
        }
    }

    private void confirmDelete() {
        Confirmations.ask(
                "customer-delete-confirm",
                getTranslation("customer.delete"),
                getTranslation("customer.delete.confirm", customer.getNumber() + " " + customer.getName()),
                getTranslation("customer.delete"),
                true,
                () -> {
                    try {
                        customers.delete(customer.getId());
                        Notifications.success(getTranslation("customer.deletedMessage", customer.getNumber()));
                        UI.getCurrent().navigate(CustomersView.class);
                    } catch (DomainException ex) {
                        Notifications.error(getTranslation(ex.messageKey(), ex.args()));
                    }
                });
    }

    @Override
    public String getPageTitle() {
        return customer == null ? getTranslation("menu.customers") : customer.getNumber() + " · " + customer.getName();
    }
}
