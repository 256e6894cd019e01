package de.kontor.base.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import de.kontor.base.export.ExportColumn;
import de.kontor.base.export.ExportFormat;
import de.kontor.base.export.ExportRequest;
import de.kontor.base.export.ExportService;
import de.kontor.base.export.RowSource;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The "Export" button of a grid: XLSX, PDF or CSV of everything the grid's current filter matches, in
 * its current sort order. Runs in the background with a progress dialog.
 */
public class ExportMenu<T> extends Composite<MenuBar> {

    private final ExportService exports;
    private final Supplier<String> title;
    private final List<ExportColumn<T>> columns;
    private final Supplier<RowSource<T>> rows;
    private final Supplier<Sort> sort;
    private final @Nullable Supplier<Long> count;
    private final ZoneId zone;

    /**
     * @param title   the export's title (e.g. the view title, with the filter if useful)
     * @param rows    a fresh row source for each export, reading with the grid's current filter
     * @param sort    the grid's current sort ({@link GridSorts#of})
     * @param count   how many rows match, for the progress bar; {@code null} when unknown or costly
     */
    public ExportMenu(
            ExportService exports,
            ZoneId zone,
            Supplier<String> title,
            List<ExportColumn<T>> columns,
            Supplier<RowSource<T>> rows,
            Supplier<Sort> sort,
            @Nullable Supplier<Long> count) {
        this.exports = exports;
        this.zone = zone;
        this.title = title;
        this.columns = List.copyOf(columns);
        this.rows = rows;
        this.sort = sort;
        this.count = count;
    }

    @Override
    protected MenuBar initContent() {
        MenuBar bar = new MenuBar();
        bar.setId("export-menu");
        bar.addThemeVariants(MenuBarVariant.LUMO_TERTIARY);
        MenuItem root = bar.addItem(VaadinIcon.DOWNLOAD.create());
        root.add(getTranslation("export.button"));
        SubMenu formats = root.getSubMenu();
        for (ExportFormat format : ExportFormat.values()) {
            formats.addItem(getTranslation("export.format." + format.extension()), e -> start(format))
                    .setId("export-" + format.extension());
        }
        return bar;
    }

    /** Starts an export of the grid's current content; returns the dialog showing its progress. */
    public ExportDialog start(ExportFormat format) {
        Locale locale = getLocale();
        ExportRequest<T> request = new ExportRequest<>(
                title.get(), columns, rows.get(), sort.get(), count == null ? null : count.get(), locale, zone);
        ExportDialog dialog = new ExportDialog(exports, request, format);
        dialog.open();
        return dialog;
    }
}
