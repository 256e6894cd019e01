package de.kontor.tally.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import de.kontor.base.CurrentUser;
import de.kontor.base.error.DomainException;
import de.kontor.base.export.ExportColumn;
import de.kontor.base.export.ExportService;
import de.kontor.base.ui.Badges;
import de.kontor.base.ui.Confirmations;
import de.kontor.base.ui.DashboardTile;
import de.kontor.base.ui.Dialogs;
import de.kontor.base.ui.ExportMenu;
import de.kontor.base.ui.FieldErrors;
import de.kontor.base.ui.GridSorts;
import de.kontor.base.ui.Grids;
import de.kontor.base.ui.LazyGrids;
import de.kontor.base.ui.NarrowLayout;
import de.kontor.base.ui.Notifications;
import de.kontor.base.ui.ViewHeader;
import de.kontor.tally.TallyModel.Entry;
import de.kontor.tally.TallyModel.PersonBalance;
import de.kontor.tally.TallyModel.PersonDetails;
import de.kontor.tally.TallyProperties;
import de.kontor.tally.TallyService;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.data.domain.Sort;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tally overview: persons with balances (lazy, searchable), the total of all balances for reconciling
 * the cash box, the latest bookings; new person, bulk booking, reset of all ledgers, exports.
 */
@Route("tally")
@Menu(title = "menu.tally", order = 500, icon = "vaadin:coin-piles")
@RolesAllowed({"ADMIN", "VIEWER"})
class TallyView extends Div implements HasDynamicTitle {

    private final TallyService tally;
    private final TallyProperties properties;
    private final Button bulk = new Button();
    private final Grid<PersonBalance> persons = new Grid<>();
    private final Grid<Entry> latest;
    private final TextField search = new TextField();
    private final Checkbox archived = new Checkbox();
    private final Div tiles = new Div();
    private final String currency;
    private final ZoneId zone;
    private final Clock clock;
    private boolean narrow;

    TallyView(TallyService tally, TallyProperties properties, ExportService exports, ZoneId zone, Clock clock) {
        this.tally = tally;
        this.properties = properties;
        this.clock = clock;
        this.zone = zone;
        this.currency = tally.settings().currency();
        addClassName("kontor-view");
        setId("tally-view");
        add(TallyUi.nav(this, "tally"));

        tiles.addClassNames("kontor-tiles", "kontor-tiles-compact");
        add(tiles);

        search.setPlaceholder(getTranslation("tally.search"));
        search.setId("tally-search");
        search.setClearButtonVisible(true);
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());
        archived.setLabel(getTranslation("tally.showArchived"));
        archived.setId("tally-archived");
        archived.addValueChangeListener(e -> refresh());
        Button add = new Button(getTranslation("tally.person.new"), VaadinIcon.PLUS.create(), e -> openNew());
        add.setId("tally-new-person");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        bulk.setText(getTranslation("tally.bulk"));
        bulk.setIcon(VaadinIcon.GROUP.create());
        bulk.addClickListener(e -> openBulk());
        bulk.setId("tally-bulk");
        bulk.setEnabled(false);
        bulk.setTooltipText(getTranslation("tally.bulk.noneSelected"));
        Button resetAll =
                new Button(getTranslation("tally.resetAll"), VaadinIcon.ERASER.create(), e -> confirmResetAll());
        resetAll.setId("tally-reset-all");
        resetAll.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        ExportMenu<PersonBalance> exportPersons = new ExportMenu<>(
                exports,
                zone,
                () -> getTranslation("tally.export.persons"),
                List.of(
                        ExportColumn.of(getTranslation("tally.column.code"), PersonBalance::code),
                        ExportColumn.of(getTranslation("tally.column.lastName"), PersonBalance::lastName),
                        ExportColumn.of(getTranslation("tally.column.firstName"), PersonBalance::firstName),
                        ExportColumn.of(
                                getTranslation("tally.column.balance") + " (" + currency + ")", PersonBalance::balance),
                        ExportColumn.of(
                                getTranslation("tally.column.locked"),
                                p -> p.locked() ? getTranslation("tally.yes") : "")),
                () -> page -> tally.findPersons(search.getValue(), archived.getValue(), page),
                () -> GridSorts.of(persons),
                () -> tally.countPersons(search.getValue(), archived.getValue()));
        exportPersons.setId("tally-export-persons");
        add(new ViewHeader(search, archived).actions(add, bulk, exportPersons, resetAll));

        persons.setId("tally-persons");
        persons.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        persons.setSelectionMode(Grid.SelectionMode.MULTI);
        persons.addColumn(PersonBalance::code)
                .setHeader(getTranslation("tally.column.code"))
                .setKey("code")
                .setSortable(true)
                .setAutoWidth(true)
                .setFlexGrow(0);
        persons.addColumn(p -> p.lastName() + ", " + p.firstName())
                .setHeader(getTranslation("tally.column.name"))
                .setKey("name")
                .setSortable(true)
                .setFlexGrow(1);
        persons.addComponentColumn(p -> TallyUi.balance(p.balance(), currency))
                .setHeader(getTranslation("tally.column.balance"))
                .setKey("balance")
                .setSortable(true)
                .setWidth("9em")
                .setFlexGrow(0);
        persons.addComponentColumn(
                        p -> p.locked() ? Badges.of(getTranslation("tally.locked"), Badges.Tone.WARNING) : new Span())
                .setHeader(getTranslation("tally.column.state"))
                .setKey("state")
                .setAutoWidth(true)
                .setFlexGrow(0);
        persons.addComponentColumn(p -> {
                    Button open = new Button(
                            getTranslation("tally.open"), e -> UI.getCurrent().navigate(TallyPersonView.class, p.id()));
                    open.setId("tally-open-" + p.code());
                    open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
                    return open;
                })
                .setKey("open")
                .setAutoWidth(true)
                .setFlexGrow(0);
        // the phone layout shows this one column (a tap opens the person) instead of the others
        persons.addComponentColumn(this::summary)
                .setHeader(getTranslation("tally.column.name"))
                .setKey("summary")
                .setSortProperty("name")
                .setFlexGrow(1)
                .setVisible(false);
        persons.addItemDoubleClickListener(
                e -> UI.getCurrent().navigate(TallyPersonView.class, e.getItem().id()));
        persons.addItemClickListener(e -> {
            if (narrow) {
                UI.getCurrent().navigate(TallyPersonView.class, e.getItem().id());
            }
        });
        persons.setItems(LazyGrids.pages(page -> tally.findPersons(search.getValue(), archived.getValue(), page)));
        Grids.counted(persons, getTranslation("tally.persons.empty"));
        // bulk booking is for the persons ticked in the list: how many, and only when there are some
        persons.addSelectionListener(e -> {
            int count = e.getAllSelectedItems().size();
            bulk.setEnabled(count > 0);
            bulk.setText(count == 0 ? getTranslation("tally.bulk") : getTranslation("tally.bulk.count", count));
            bulk.setTooltipText(count == 0 ? getTranslation("tally.bulk.noneSelected") : null);
        });
        persons.setHeight("28rem");
        add(persons);

        latest = TallyUi.ledgerGrid(this, "tally-latest", zone, currency, true);
        latest.setItems(LazyGrids.pages(tally::allEntries));
        latest.setHeight("20rem");
        ExportMenu<Entry> exportLedger = new ExportMenu<>(
                exports,
                zone,
                () -> getTranslation("tally.export.ledger"),
                List.of(
                        ExportColumn.of(getTranslation("tally.column.time"), Entry::bookedAt),
                        ExportColumn.of(getTranslation("tally.column.lastName"), Entry::lastName),
                        ExportColumn.of(getTranslation("tally.column.firstName"), Entry::firstName),
                        ExportColumn.of(getTranslation("tally.column.amount") + " (" + currency + ")", Entry::amount),
                        ExportColumn.<Entry>of(getTranslation("tally.column.description"), Entry::description)
                                .withWidth(3f),
                        ExportColumn.of(
                                getTranslation("tally.column.source"),
                                e -> getTranslation("tally.source." + e.source())),
                        ExportColumn.of(getTranslation("tally.column.bookedBy"), Entry::bookedBy)),
                () -> tally::allEntries,
                Sort::unsorted,
                tally::entryCount);
        exportLedger.setId("tally-export-ledger");
        add(new ViewHeader(new H3(getTranslation("tally.latest"))).actions(exportLedger), latest);
        refreshTiles();
        NarrowLayout.whileAttached(this, this::narrow);
    }

    /** On a phone: a person is one row (name, code, balance), a booking too; the search takes the full width. */
    void narrow(boolean phone) {
        narrow = phone;
        setClassName("kontor-narrow", phone);
        persons.getColumns().forEach(c -> c.setVisible(phone == "summary".equals(c.getKey())));
        TallyUi.narrowLedger(latest, phone);
        search.setWidth(phone ? "100%" : null);
    }

    private Component summary(PersonBalance p) {
        Div name = new Div(p.firstName() + " " + p.lastName());
        name.addClassName("kontor-ledger-what");
        name.setId("tally-person-name-" + p.code());
        Div code = new Div(p.code());
        code.addClassName("kontor-muted");
        if (p.locked()) {
            code.add(new Span(" "), Badges.of(getTranslation("tally.locked"), Badges.Tone.WARNING));
        }
        Div left = new Div(name, code);
        left.addClassName("kontor-ledger-left");
        Div row = new Div(left, TallyUi.balance(p.balance(), currency));
        row.addClassName("kontor-ledger-row");
        return row;
    }

    private void refresh() {
        persons.getDataProvider().refreshAll();
        latest.getDataProvider().refreshAll();
        refreshTiles();
    }

    private void refreshTiles() {
        tiles.removeAll();
        tiles.add(
                DashboardTile.numberTile(
                        "tally-total", tally.totalBalance() + " " + currency, getTranslation("tally.total")),
                DashboardTile.numberTile(
                        "tally-count", String.valueOf(tally.countPersons("", false)), getTranslation("tally.count")),
                DashboardTile.numberTile(
                        "tally-entries", String.valueOf(tally.entryCount()), getTranslation("tally.entries")));
    }

    private void openNew() {
        TallyPersonForm form = new TallyPersonForm(null);
        form.onSave(data -> {
            PersonDetails created = tally.createPerson(data.toNewPerson());
            Notifications.success(getTranslation("tally.person.created", created.name(), created.code()));
            UI.getCurrent().navigate(TallyPersonView.class, created.id());
        });
        form.open();
    }

    /** The same booking for the selected persons; default description "Essen zum Dienst am <date>". */
    void openBulk() {
        Set<PersonBalance> selected = persons.getSelectedItems();
        Dialog dialog = new Dialog();
        dialog.setId("tally-bulk-dialog");
        dialog.setHeaderTitle(getTranslation("tally.bulk.title", selected.size()));
        TextField description = new TextField(getTranslation("tally.field.description"));
        description.setId("tally-bulk-description");
        description.setWidthFull();
        description.setValue(getTranslation(
                "tally.bulk.defaultDescription",
                LocalDate.ofInstant(clock.instant(), zone).format(DateTimeFormatter.ofPattern("dd.MM.yyyy"))));
        AmountField amount = new AmountField(getTranslation("tally.field.amount"), "tally-bulk-amount");
        amount.setAmount(tally.settings().bookingAmount());
        Span who = new Span(
                selected.isEmpty()
                        ? getTranslation("tally.bulk.noneSelected")
                        : String.join(
                                ", ",
                                selected.stream()
                                        .map(p -> p.firstName() + " " + p.lastName())
                                        .sorted()
                                        .toList()));
        who.addClassName("kontor-muted");
        who.setId("tally-bulk-who");
        dialog.add(new FormLayout(description, amount), who);
        Button book = new Button(getTranslation("tally.bulk.bookFor", selected.size()), e -> {
            Optional<Long> value = amount.amount();
            if (value.isEmpty()) {
                return;
            }
            long booking = value.get();
            Runnable doBook = () -> {
                try {
                    int booked = tally.bulkBooking(
                            selected.stream().map(PersonBalance::id).toList(), booking, description.getValue());
                    dialog.close();
                    persons.deselectAll();
                    Notifications.success(getTranslation("tally.bulk.done", booked));
                    refresh();
                } catch (DomainException ex) {
                    if ("persons".equals(ex.field())) {
                        Notifications.error(getTranslation(ex.messageKey(), ex.args()));
                    } else {
                        FieldErrors.show(this, ex, Map.of("amount", amount, "description", description));
                    }
                }
            };
            if (Math.abs(booking) > properties.confirmAbove()
                    && properties.allows(booking)
                    && !selected.isEmpty()
                    && !description.getValue().isBlank()) {
                Confirmations.ask(
                        "tally-bulk-confirm",
                        getTranslation("tally.booking.confirm.title"),
                        getTranslation(
                                "tally.bulk.confirm",
                                TallyUi.amount(booking, currency),
                                selected.size(),
                                balancesAfter(selected, booking)),
                        getTranslation("tally.bulk.book"),
                        false,
                        doBook);
            } else {
                doBook.run();
            }
        });
        book.setId("tally-bulk-book");
        book.setEnabled(!selected.isEmpty());
        Dialogs.footer(dialog, book);
        dialog.open();
    }

    /** "Anna Albers 20 € → -40 €, ..." for the confirmation of a large bulk booking (the first ten). */
    private String balancesAfter(Set<PersonBalance> selected, long booking) {
        List<String> lines = selected.stream()
                .sorted(Comparator.comparing(PersonBalance::lastName).thenComparing(PersonBalance::firstName))
                .limit(10)
                .map(p -> p.firstName() + " " + p.lastName() + ": " + p.balance() + " → " + (p.balance() + booking)
                        + " " + currency)
                .toList();
        return String.join(", ", lines) + (selected.size() > lines.size() ? ", …" : "");
    }

    private void confirmResetAll() {
        Confirmations.ask(
                "tally-reset-all-confirm",
                getTranslation("tally.resetAll"),
                getTranslation("tally.resetAll.confirm"),
                getTranslation("tally.resetAll"),
                true,
                () -> {
                    int archivedEntries =
                            tally.resetLedger(null, CurrentUser.username().orElse("admin"));
                    Notifications.success(getTranslation("tally.reset.done", archivedEntries));
                    refresh();
                });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.tally");
    }
}
