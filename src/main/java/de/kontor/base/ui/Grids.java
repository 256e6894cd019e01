package de.kontor.base.ui;

import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.HeaderRow;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.provider.ItemCountChangeEvent;
import com.vaadin.flow.function.SerializableFunction;
import com.vaadin.flow.function.ValueProvider;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * Every grid the same way: key columns (numbers, dates, states) as wide as their content, one name column
 * taking the free space, actions pinned to the right edge so they never scroll out of sight, the number of
 * rows above the column headers ("123 Einträge") and, when there are none, a sentence saying what to do.
 *
 * <pre>{@code
 * Grids.key(grid.addColumn(Customer::getNumber));
 * Grids.name(grid.addColumn(Customer::getName), "12rem");
 * Grids.actions(grid.addComponentColumn(this::buttons));
 * Grids.lazy(grid, pageable -> service.find(query(), pageable), () -> service.count(query()));
 * Grids.counted(grid, emptyText);
 * }</pre>
 */
public final class Grids {

    private Grids() {}

    /** A column sized to its content (a number, key, date, state): never cut, never stretched. */
    public static <T> Grid.Column<T> key(Grid.Column<T> column) {
        return column.setAutoWidth(true).setFlexGrow(0);
    }

    /**
     * Marks the one column of a grid that may cut its cells (the browser guard test reads the attribute): all
     * others are as wide as their content.
     */
    static final String FILL_ATTRIBUTE = "kontor-fill";

    /** The column that takes the remaining width, at least {@code minWidth}. */
    public static <T> Grid.Column<T> name(Grid.Column<T> column, String minWidth) {
        column.getElement().setAttribute(FILL_ATTRIBUTE, true);
        return column.setAutoWidth(false).setWidth(minWidth).setFlexGrow(1).setResizable(true);
    }

    /**
     * A column of free text (a subject, comment, note, description, address) beside the name column: shares
     * the free width from {@code minWidth} on and, when that is not enough, cuts the text and shows all of it
     * as the cell's tooltip.
     */
    public static <T> Grid.Column<T> text(
            Grid.Column<T> column, SerializableFunction<T, String> full, String minWidth) {
        column.setTooltipGenerator(item -> {
            String text = full.apply(item);
            return text == null || text.isBlank() ? null : text;
        });
        return name(column, minWidth);
    }

    /** Adds a {@link #text(Grid.Column, SerializableFunction, String) free-text column} that shows {@code text}. */
    public static <T> Grid.Column<T> text(Grid<T> grid, ValueProvider<T, String> text, String minWidth) {
        return text(grid.addColumn(text), text, minWidth);
    }

    /** Row actions: as wide as the buttons and pinned to the right edge. */
    public static <T> Grid.Column<T> actions(Grid.Column<T> column) {
        return column.setAutoWidth(true).setFlexGrow(0).setFrozenToEnd(true);
    }

    /**
     * Loads the grid page by page from a service, with the service's count, so the grid knows (and
     * {@link #counted} shows) how many rows match.
     */
    public static <T> void lazy(Grid<T> grid, Function<Pageable, Slice<T>> fetch, LongSupplier count) {
        grid.setItems(LazyGrids.pages(fetch), (CallbackDataProvider.CountCallback<T, Void>)
                query -> (int) Math.min(Integer.MAX_VALUE, count.getAsLong()));
    }

    /**
     * Shows the number of rows in a line above the column headers (kept up to date as filters change) and
     * {@code emptyText} when there are none. Call after the columns are added.
     */
    public static <T> Span counted(Grid<T> grid, String emptyText) {
        grid.setEmptyStateText(emptyText);
        Span existing = ComponentUtil.getData(grid, Span.class);
        if (existing != null) {
            return existing; // a view that reloads calls this again: one count row is enough
        }
        Span count = new Span();
        ComponentUtil.setData(grid, Span.class, count);
        count.addClassName("kontor-grid-count");
        grid.getId().ifPresent(id -> count.setId(id + "-count"));
        // Frozen columns stay out of the joined cell: the grid keeps them in a layer of their own.
        List<Grid.Column<T>> columns = grid.getColumns().stream()
                .filter(c -> !c.isFrozen() && !c.isFrozenToEnd())
                .toList();
        if (columns.isEmpty()) {
            throw new IllegalStateException("add the grid's columns before its count");
        }
        // A row of its own above the column headers (the default header and footer rows cannot be joined).
        HeaderRow row = grid.prependHeaderRow();
        HeaderRow.HeaderCell cell = columns.size() == 1
                ? row.getCell(columns.getFirst())
                : row.join(columns.toArray(Grid.Column<?>[]::new));
        cell.setComponent(count);
        AtomicBoolean sized = new AtomicBoolean();
        ComponentEventListener<ItemCountChangeEvent<?>> listener = e -> {
            count.setText(text(grid, e.getItemCount(), e.isItemCountEstimated()));
            if (e.getItemCount() > 0 && !sized.getAndSet(true)) {
                fitColumnsToShownRows(grid);
            }
        };
        @SuppressWarnings({"unchecked", "rawtypes"})
        Class<ItemCountChangeEvent<?>> type = (Class) ItemCountChangeEvent.class;
        ComponentUtil.addListener(grid, type, listener);
        return count;
    }

    /**
     * The browser sizes auto-width columns once, when the first rows arrive, and at that moment the column
     * headers may not be rendered yet: "Kundennr." came out as "Kunde…". Sizing again after the rows are
     * shown counts headers and rows alike.
     */
    private static void fitColumnsToShownRows(Grid<?> grid) {
        grid.getElement()
                .executeJs(
                        "const grid = this; requestAnimationFrame(() => setTimeout(() => grid.recalculateColumnWidths()));");
    }

    static String text(Grid<?> grid, int rows, boolean estimated) {
        return estimated ? grid.getTranslation("grid.countAtLeast", rows) : grid.getTranslation("grid.count", rows);
    }
}
