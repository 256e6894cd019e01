package de.kontor.base.ui;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import de.kontor.base.error.DomainException;
import de.kontor.base.importing.ColumnMapping;
import de.kontor.base.importing.ImportField;
import de.kontor.base.importing.ImportFiles;
import de.kontor.base.importing.ImportPreview;
import de.kontor.base.importing.ImportSummary;
import de.kontor.base.importing.ImportTable;
import de.kontor.base.importing.PreviewRow;
import de.kontor.base.importing.Verdict;
import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The import flow every module shares: upload a CSV or XLSX file, map its columns to fields (guessed
 * from the headers), see a verdict for every row, apply (skipping bad rows, or all-or-nothing), read
 * the summary. What the rows mean is the module's business ({@link Preview}, {@link Apply}).
 */
public class ImportWizard extends Composite<Div> {

    /** The module's verdict on every row, without writing anything. */
    @FunctionalInterface
    public interface Preview {
        ImportPreview preview(ImportTable table, ColumnMapping mapping);
    }

    /** Applies the rows (re-checked at this moment); throws when all-or-nothing and a row is bad. */
    @FunctionalInterface
    public interface Apply {
        ImportSummary apply(ImportTable table, ColumnMapping mapping, boolean allOrNothing);
    }

    private final List<ImportField> fields;
    private final Preview previewer;
    private final Apply applier;
    private final Consumer<ImportSummary> onApplied;
    private final Div step = new Div();
    private final Map<String, Select<Optional<Integer>>> columnSelects = new LinkedHashMap<>();
    private @Nullable ImportTable table;
    private @Nullable ColumnMapping mapping;
    private @Nullable ImportPreview preview;

    public ImportWizard(List<ImportField> fields, Preview preview, Apply apply, Consumer<ImportSummary> onApplied) {
        this.fields = List.copyOf(fields);
        this.previewer = preview;
        this.applier = apply;
        this.onApplied = onApplied;
    }

    @Override
    protected Div initContent() {
        Div root = new Div(step);
        root.setId("import-wizard");
        root.addClassName("kontor-import");
        showUpload();
        return root;
    }

    void showUpload() {
        step.removeAll();
        table = null;
        preview = null;
        Paragraph hint = new Paragraph(getTranslation("import.upload.hint"));
        hint.addClassName("kontor-muted");
        Upload upload = new Upload(UploadHandler.inMemory((metadata, data) -> received(metadata.fileName(), data)));
        upload.setId("import-upload");
        upload.setAcceptedFileTypes(
                ".csv",
                ".xlsx",
                ".xls",
                ".txt",
                "text/csv",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "application/vnd.ms-excel");
        upload.setMaxFileSize(ImportFiles.MAX_BYTES);
        upload.setMaxFiles(1);
        upload.addFileRejectedListener(
                e -> Notifications.error(getTranslation("import.error.rejected", e.getErrorMessage())));
        step.add(new H3(getTranslation("import.step.upload")), hint, upload);
    }

    private void received(String fileName, byte[] data) {
        try {
            table = ImportFiles.read(fileName, data);
        } catch (DomainException e) {
            Notifications.error(getTranslation(e.messageKey(), e.args()));
            return;
        }
        mapping = ColumnMapping.guess(table.headers(), fields);
        showMapping();
    }

    private void showMapping() {
        ImportTable current = table;
        step.removeAll();
        columnSelects.clear();
        step.add(new H3(getTranslation("import.step.mapping")));
        Paragraph info = new Paragraph(getTranslation(
                "import.mapping.info", current.fileName(), current.rows().size()));
        info.addClassName("kontor-muted");
        step.add(info);
        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        List<Optional<Integer>> options = new ArrayList<>();
        options.add(Optional.empty());
        for (int i = 0; i < current.headers().size(); i++) {
            options.add(Optional.of(i));
        }
        for (ImportField field : fields) {
            Select<Optional<Integer>> select = new Select<>();
            select.setId("import-map-" + field.key());
            select.setLabel(getTranslation(field.labelKey()) + (field.required() ? " *" : ""));
            select.setItems(options);
            select.setItemLabelGenerator(
                    o -> o.map(i -> columnLabel(current, i)).orElse(getTranslation("import.mapping.none")));
            Integer guessed = mapping.columnOf(field.key());
            select.setValue(Optional.ofNullable(guessed));
            columnSelects.put(field.key(), select);
            form.add(select);
        }
        step.add(form);
        Button back = new Button(getTranslation("import.back"), e -> showUpload());
        Button next = new Button(getTranslation("import.toPreview"), e -> {
            if (readMapping()) {
                showPreview();
            }
        });
        next.setId("import-preview");
        next.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        step.add(buttons(back, next));
    }

    private static String columnLabel(ImportTable table, int column) {
        String header = table.headers().get(column);
        String sample = table.rows().isEmpty() ? "" : table.rows().getFirst().get(column);
        String name = (char) ('A' + Math.min(column, 25)) + ": " + (header.isBlank() ? "–" : header);
        return sample.isBlank() ? name : name + " (" + abbreviate(sample) + ")";
    }

    private static String abbreviate(String s) {
        return s.length() > 24 ? s.substring(0, 23) + "…" : s;
    }

    private boolean readMapping() {
        ColumnMapping chosen = new ColumnMapping(Map.of());
        boolean ok = true;
        for (ImportField field : fields) {
            Select<Optional<Integer>> select = columnSelects.get(field.key());
            Optional<Integer> column = select.getValue() == null ? Optional.empty() : select.getValue();
            select.setInvalid(false);
            if (field.required() && column.isEmpty()) {
                select.setErrorMessage(getTranslation("import.mapping.required"));
                select.setInvalid(true);
                ok = false;
            }
            chosen = chosen.with(field.key(), column.orElse(null));
        }
        mapping = chosen;
        return ok;
    }

    private void showPreview() {
        step.removeAll();
        try {
            preview = previewer.preview(table, mapping);
        } catch (DomainException e) {
            Notifications.error(getTranslation(e.messageKey(), e.args()));
            showMapping();
            return;
        }
        step.add(new H3(getTranslation("import.step.preview")));
        Div counts = new Div();
        counts.setId("import-counts");
        preview.counts().forEach((verdict, count) -> {
            if (count > 0) {
                counts.add(Badges.of(getTranslation("import.verdict." + verdict.name()) + ": " + count, tone(verdict)));
            }
        });
        step.add(counts);

        Select<Optional<Verdict>> filter = new Select<>();
        filter.setId("import-filter");
        List<Optional<Verdict>> filterOptions = new ArrayList<>();
        filterOptions.add(Optional.empty());
        for (Verdict v : Verdict.values()) {
            filterOptions.add(Optional.of(v));
        }
        filter.setItems(filterOptions);
        filter.setItemLabelGenerator(o ->
                o.map(v -> getTranslation("import.verdict." + v.name())).orElse(getTranslation("import.filter.all")));
        filter.setValue(Optional.empty());

        Grid<PreviewRow> grid = new Grid<>();
        grid.setId("import-rows");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(PreviewRow::rowNumber)
                .setHeader(getTranslation("import.row"))
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setKey("row");
        grid.addComponentColumn(r ->
                        Badges.of(getTranslation("import.verdict." + r.verdict().name()), tone(r.verdict())))
                .setHeader(getTranslation("import.verdict"))
                .setAutoWidth(true)
                .setFlexGrow(0)
                .setKey("verdict");
        grid.addColumn(PreviewRow::summary)
                .setHeader(getTranslation("import.record"))
                .setFlexGrow(1)
                .setKey("summary");
        grid.addColumn(PreviewRow::reasonText)
                .setHeader(getTranslation("import.details"))
                .setFlexGrow(2)
                .setKey("details");
        grid.setItems(preview.rows());
        Grids.counted(grid, getTranslation("import.rows.empty"));
        grid.setHeight("24rem");
        filter.addValueChangeListener(e -> grid.setItems(preview.rows().stream()
                .filter(r -> e.getValue() == null
                        || e.getValue().isEmpty()
                        || r.verdict() == e.getValue().get())
                .toList()));

        Checkbox allOrNothing = new Checkbox(getTranslation("import.allOrNothing"));
        allOrNothing.setId("import-all-or-nothing");
        Button apply = new Button(getTranslation("import.apply"));
        apply.setId("import-apply");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        long writes = preview.rows().stream().filter(r -> r.verdict().writes()).count();
        Runnable enable = () -> apply.setEnabled(writes > 0 && !(allOrNothing.getValue() && preview.hasBadRows()));
        allOrNothing.addValueChangeListener(e -> enable.run());
        enable.run();
        apply.addClickListener(e -> apply(allOrNothing.getValue()));
        Button back = new Button(getTranslation("import.back"), e -> showMapping());
        Span note = new Span(getTranslation(preview.hasBadRows() ? "import.badRowsSkipped" : "import.allRowsFine"));
        note.addClassName("kontor-muted");
        step.add(filter, grid, allOrNothing, note, buttons(back, apply));
    }

    private void apply(boolean allOrNothing) {
        ImportSummary summary;
        try {
            summary = applier.apply(table, mapping, allOrNothing);
        } catch (DomainException e) {
            Notifications.error(getTranslation(e.messageKey(), e.args()));
            return;
        }
        step.removeAll();
        step.add(new H3(getTranslation("import.step.done")));
        Paragraph result = new Paragraph(getTranslation(
                "import.done",
                summary.importId(),
                summary.created(),
                summary.updated(),
                summary.unchanged(),
                summary.skipped()));
        result.setId("import-summary");
        Button again = new Button(getTranslation("import.again"), e -> showUpload());
        again.setId("import-again");
        step.add(result, again);
        onApplied.accept(summary);
    }

    private static Div buttons(Button... buttons) {
        Div row = new Div(buttons);
        row.addClassName("kontor-toolbar");
        row.getStyle().set("margin-top", "var(--lumo-space-m)");
        return row;
    }

    private static Badges.Tone tone(Verdict verdict) {
        return switch (verdict) {
            case CREATE -> Badges.Tone.SUCCESS;
            case UPDATE -> Badges.Tone.PRIMARY;
            case UNCHANGED -> Badges.Tone.NEUTRAL;
            case DUPLICATE -> Badges.Tone.WARNING;
            case ERROR -> Badges.Tone.ERROR;
        };
    }

    /** The preview shown now (tests inspect it). */
    public @Nullable ImportPreview preview() {
        return preview;
    }
}
