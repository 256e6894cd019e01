package de.kontor.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The list of earlier imports on its own: what it shows of a record and what its Undo button does. */
class ImportHistoryTest {

    record Upload(long id, boolean undone) {}

    private final List<Upload> undone = new ArrayList<>();
    private final Grid<Upload> grid = ImportHistory.grid(
            "imports",
            "none yet",
            ZoneId.of("Europe/Berlin"),
            u -> new ImportHistory.Run(u.id(), "kunden.csv", Instant.EPOCH, "admin", "3 new", u.undone()),
            undone::add);

    @SuppressWarnings("unchecked")
    private Component undoCell(Upload upload) {
        return ((ComponentRenderer<Component, Upload>)
                        grid.getColumnByKey("undo").getRenderer())
                .createComponent(upload);
    }

    @Test
    void anImportNotUndoneYetHasAnUndoButtonThatHandsTheRecordToTheModule() {
        Upload upload = new Upload(7, false);
        Button undo = (Button) undoCell(upload);
        assertThat(undo.getId()).hasValue("imports-undo-7");

        undo.click();
        assertThat(undone).containsExactly(upload);
    }

    @Test
    void anUndoneImportShowsABadgeInsteadOfTheButton() {
        assertThat(undoCell(new Upload(8, true))).isNotInstanceOf(Button.class);
        assertThat(grid.getColumns()).hasSize(6);
        assertThat(grid.getColumnByKey("undo").isFrozenToEnd()).isTrue();
    }
}
