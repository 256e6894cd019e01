package de.kontor.tally.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import de.kontor.base.ui.Formats;
import de.kontor.base.ui.Grids;
import de.kontor.tally.TallyModel.Entry;
import de.kontor.tally.TallyModel.Token;

import java.time.ZoneId;
import java.util.List;

/** Pieces the tally views share: the sub-navigation, amounts, the ledger grid with its reversal links. */
final class TallyUi {

    private TallyUi() {}

    /** Overview · Resets · API users · Settings · Outbox, with the current one marked. */
    static Component nav(Component view, String current) {
        Div nav = new Div();
        nav.setId("tally-nav");
        nav.addClassName("kontor-toolbar");
        String[][] links = {
            {"tally", "tally.nav.overview"},
            {"tally/resets", "tally.nav.resets"},
            {"tally/api-users", "tally.nav.apiUsers"},
            {"tally/settings", "tally.nav.settings"},
            {"mail-outbox?module=tally", "tally.nav.outbox"}
        };
        for (String[] link : links) {
            Anchor a = new Anchor(link[0], view.getTranslation(link[1]));
            a.setId("tally-nav-"
                    + (link[0].startsWith("mail-outbox")
                            ? "outbox"
                            : link[0].replace("tally/", "").replace("tally", "overview")));
            if (link[0].equals(current)) {
                a.getStyle().set("font-weight", "600").set("text-decoration", "underline");
            }
            nav.add(a);
        }
        return nav;
    }

    static String amount(long amount, String currency) {
        return (amount > 0 ? "+" : "") + amount + " " + currency;
    }

    static Span balance(long balance, String currency) {
        Span span = new Span(balance + " " + currency);
        if (balance < 0) {
            span.getStyle().set("color", "var(--lumo-error-text-color)");
        }
        return span;
    }

    /**
     * The columns of a person's NFC tokens: name, token, when added if {@code showCreated}, when last used (the
     * date columns have the keys "created" and "lastUsed"); all rows are shown.
     */
    static void tokenColumns(Component view, Grid<Token> grid, ZoneId zone, boolean showCreated) {
        grid.addThemeVariants(GridVariant.LUMO_COMPACT);
        grid.addColumn(Token::name)
                .setHeader(view.getTranslation("tally.column.name"))
                .setAutoWidth(true);
        grid.addColumn(Token::hex)
                .setHeader(view.getTranslation("tally.column.token"))
                .setAutoWidth(true)
                .setKey("hex");
        if (showCreated) {
            grid.addColumn(t -> Formats.dateTime(t.createdAt(), zone))
                    .setHeader(view.getTranslation("tally.column.created"))
                    .setAutoWidth(true)
                    .setKey("created");
        }
        grid.addColumn(t -> t.lastUsedAt() == null ? "–" : Formats.dateTime(t.lastUsedAt(), zone))
                .setHeader(view.getTranslation("tally.column.lastUsed"))
                .setAutoWidth(true)
                .setKey("lastUsed");
        grid.setAllRowsVisible(true);
    }

    /** A ledger grid (time, amount, description, source, by); the caller sets its items. */
    static Grid<Entry> ledgerGrid(Component view, String id, ZoneId zone, String currency, boolean showPerson) {
        Grid<Entry> grid = new Grid<>();
        grid.setId(id);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(e -> "#" + e.id())
                .setHeader(view.getTranslation("tally.column.number"))
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setKey("number");
        grid.addColumn(e -> Formats.dateTime(e.bookedAt(), zone))
                .setHeader(view.getTranslation("tally.column.time"))
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setKey("time");
        if (showPerson) {
            Grids.text(grid, e -> e.firstName() + " " + e.lastName(), "8rem")
                    .setHeader(view.getTranslation("tally.column.person"))
                    .setKey("person");
        }
        grid.addComponentColumn(e -> balance(e.amount(), currency))
                .setHeader(view.getTranslation("tally.column.amount"))
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setKey("amount");
        Grids.text(grid, Entry::description, "10rem")
                .setHeader(view.getTranslation("tally.column.description"))
                .setKey("description");
        grid.addColumn(e -> view.getTranslation("tally.source." + e.source()))
                .setHeader(view.getTranslation("tally.column.source"))
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setKey("source");
        // account names can be long: they share the free width with the names and the description
        Grids.text(grid, Entry::bookedBy, "6rem")
                .setHeader(view.getTranslation("tally.column.bookedBy"))
                .setKey("bookedBy");
        grid.addColumn(e -> link(view, e))
                .setHeader(view.getTranslation("tally.column.reversal"))
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setKey("reversal");
        // the phone layout shows this one column instead of all the others
        grid.addComponentColumn(e -> summary(view, e, zone, currency, showPerson))
                .setHeader(view.getTranslation("tally.ledger"))
                .setKey("summary")
                .setFlexGrow(1)
                .setVisible(false);
        Grids.counted(grid, view.getTranslation("tally.ledger.empty"));
        return grid;
    }

    /**
     * The phone layout of a ledger grid: the one summary column instead of the desktop columns, and the
     * columns named in {@code kept} (a row's actions) beside it.
     */
    static void narrowLedger(Grid<Entry> grid, boolean narrow, String... kept) {
        List<String> always = List.of(kept);
        for (Grid.Column<Entry> column : grid.getColumns()) {
            String key = column.getKey();
            column.setVisible(always.contains(key) || narrow == "summary".equals(key));
        }
    }

    /** One booking as a phone row: what and when (and whose) on the left, the amount on the right. */
    static Component summary(Component view, Entry e, ZoneId zone, String currency, boolean showPerson) {
        Div what = new Div(
                e.description() == null || e.description().isBlank()
                        ? view.getTranslation("tally.source." + e.source())
                        : e.description());
        what.addClassName("kontor-ledger-what");
        Div when = new Div((showPerson ? e.firstName() + " " + e.lastName() + " · " : "")
                + Formats.dateTime(e.bookedAt(), zone) + " · " + view.getTranslation("tally.source." + e.source()));
        when.addClassName("kontor-muted");
        Div left = new Div(what, when);
        left.addClassName("kontor-ledger-left");
        Div row = new Div(left, balance(e.amount(), currency));
        row.addClassName("kontor-ledger-row");
        return row;
    }

    /** "Reversal of #12" or "Reversed by #15": the link between a booking and its reversal. */
    static String link(Component view, Entry entry) {
        if (entry.reversesId() != null) {
            return view.getTranslation("tally.ledger.reverses", entry.reversesId());
        }
        if (entry.reversedById() != null) {
            return view.getTranslation("tally.ledger.reversedBy", entry.reversedById());
        }
        return "";
    }
}
