package de.kontor.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;

import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The list of earlier imports under an {@link ImportWizard}: number, file, when, by whom, what it did, and an Undo
 * button pinned to the right (or "undone" once it was). What undoing means, and whether to ask first, is the
 * module's business.
 */
public final class ImportHistory {

    /** One earlier import as the list shows it; {@code result} is the module's text ("3 new, 1 updated, ..."). */
    public record Run(long id, String fileName, Instant importedAt, String importedBy, String result, boolean undone) {}

    private ImportHistory() {}

    /**
     * A grid of earlier imports; the caller sets its items and size.
     *
     * @param id the grid's id; the Undo buttons get {@code <id>-undo-<number>}
     * @param emptyText what the grid says while there are no imports
     * @param run how one of the module's import records is shown
     * @param undo what the Undo button of a record does
     */
    public static <T> Grid<T> grid(String id, String emptyText, ZoneId zone, Function<T, Run> run, Consumer<T> undo) {
        Grid<T> grid = new Grid<>();
        grid.setId(id);
        grid.addColumn(t -> run.apply(t).id()).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(t -> run.apply(t).fileName())
                .setHeader(grid.getTranslation("import.history.file"))
                .setFlexGrow(1);
        grid.addColumn(t -> Formats.dateTime(run.apply(t).importedAt(), zone))
                .setHeader(grid.getTranslation("import.history.when"))
                .setAutoWidth(true);
        grid.addColumn(t -> run.apply(t).importedBy())
                .setHeader(grid.getTranslation("import.history.by"))
                .setAutoWidth(true);
        grid.addColumn(t -> run.apply(t).result())
                .setHeader(grid.getTranslation("import.history.result"))
                .setAutoWidth(true);
        grid.addComponentColumn(t -> {
                    Run r = run.apply(t);
                    if (r.undone()) {
                        return Badges.of(grid.getTranslation("import.history.undone"), Badges.Tone.NEUTRAL);
                    }
                    Button button = new Button(grid.getTranslation("import.history.undo"), e -> undo.accept(t));
                    button.setId(id + "-undo-" + r.id());
                    button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                    return button;
                })
                .setKey("undo")
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setFrozenToEnd(true);
        Grids.counted(grid, emptyText);
        return grid;
    }
}
