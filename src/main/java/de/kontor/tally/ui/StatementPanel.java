package de.kontor.tally.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import de.kontor.base.error.DomainException;
import de.kontor.base.ui.FieldErrors;
import org.jspecify.annotations.Nullable;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.function.BiFunction;

/** A period (this month by default) and a button that makes the PDF statement of it to download. */
class StatementPanel extends Div {

    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Div result = new Div();
    private @Nullable Anchor download;
    private byte @Nullable [] pdf;

    StatementPanel(Clock clock, ZoneId zone, String filePrefix, BiFunction<LocalDate, LocalDate, byte[]> statement) {
        setId("tally-statement");
        addClassName("kontor-toolbar");
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        from.setLabel(getTranslation("tally.statement.from"));
        from.setId("tally-statement-from");
        from.setValue(today.withDayOfMonth(1));
        to.setLabel(getTranslation("tally.statement.to"));
        to.setId("tally-statement-to");
        to.setValue(today);
        Button create = new Button(getTranslation("tally.statement.create"), VaadinIcon.FILE_TEXT_O.create(), e -> {
            if (from.getValue() == null || to.getValue() == null) {
                (from.getValue() == null ? from : to).setInvalid(true);
                (from.getValue() == null ? from : to).setErrorMessage(getTranslation("validation.required"));
                return;
            }
            try {
                from.setInvalid(false);
                to.setInvalid(false);
                byte[] bytes = statement.apply(from.getValue(), to.getValue());
                String name = filePrefix + "-" + from.getValue() + "-" + to.getValue() + ".pdf";
                pdf = bytes;
                result.removeAll();
                download = new Anchor(
                        DownloadHandler.fromInputStream(event -> new DownloadResponse(
                                new ByteArrayInputStream(bytes), name, "application/pdf", bytes.length)),
                        name);
                download.setId("tally-statement-download");
                download.getElement().setAttribute("download", true);
                download.addClassName("kontor-download");
                result.add(download);
            } catch (DomainException ex) {
                FieldErrors.show(this, ex, Map.of("from", from, "to", to));
            }
        });
        create.setId("tally-statement-create");
        add(from, to, create, result);
    }

    /** The last PDF made, for tests. */
    byte @Nullable [] pdf() {
        return pdf;
    }
}
