package de.kontor.printer.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import de.kontor.printer.PrinterModel.Printer;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * Book a printer: which one, when, how long and what for, prefilled from the slot clicked in the planner.
 * Save stays disabled while a field is invalid; fires {@link SaveEvent}, the view books.
 */
class ReservationForm extends Dialog {

    static final class SaveEvent extends ComponentEvent<ReservationForm> {
        private final Printer printer;
        private final LocalDateTime start;
        private final int minutes;
        private final String title;

        SaveEvent(ReservationForm source, Printer printer, LocalDateTime start, int minutes, String title) {
            super(source, false);
            this.printer = printer;
            this.start = start;
            this.minutes = minutes;
            this.title = title;
        }

        Printer printer() {
            return printer;
        }

        LocalDateTime start() {
            return start;
        }

        int minutes() {
            return minutes;
        }

        String title() {
            return title;
        }
    }

    final Select<Printer> printer = new Select<>();
    final DatePicker date = new DatePicker();
    final TimePicker time = new TimePicker();
    final IntegerField minutes = new IntegerField();
    final TextField title = new TextField();
    final Button save = new Button();
    private final BeanValidationBinder<ReservationRequest> binder =
            new BeanValidationBinder<>(ReservationRequest.class);

    ReservationForm(List<Printer> printers, Printer selected, LocalDateTime start) {
        setId("reservation-dialog");
        setHeaderTitle(getTranslation("printer.reserve"));
        setWidth("min(34rem, 96vw)");

        printer.setId("reservation-form-printer");
        printer.setLabel(getTranslation("printer.column.name"));
        printer.setItems(printers);
        printer.setItemLabelGenerator(Printer::name);
        date.setId("reservation-date");
        date.setLabel(getTranslation("printer.field.date"));
        time.setId("reservation-time");
        time.setLabel(getTranslation("printer.field.time"));
        time.setStep(Duration.ofMinutes(15));
        minutes.setId("reservation-duration");
        minutes.setLabel(getTranslation("printer.field.duration"));
        minutes.setStep(15);
        minutes.setStepButtonsVisible(true);
        title.setId("reservation-title");
        title.setLabel(getTranslation("printer.field.title"));
        title.setMaxLength(200);

        binder.forField(printer).bind("printer");
        binder.forField(date).bind("date");
        binder.forField(time).bind("time");
        binder.forField(minutes).bind("minutes");
        binder.forField(title).bind("title");
        ReservationRequest request = new ReservationRequest();
        request.setPrinter(selected);
        request.setDate(start.toLocalDate());
        request.setTime(start.toLocalTime());
        binder.readBean(request);

        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("26em", 2));
        form.add(printer, 2);
        form.add(date, time, minutes);
        form.add(title, 2);
        add(form);

        save.setText(getTranslation("printer.reserve"));
        save.setId("reservation-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        // Everything but the title is prefilled: Save waits for it.
        save.setEnabled(false);
        binder.addStatusChangeListener(e -> save.setEnabled(binder.isValid()));
        Button cancel = new Button(getTranslation("action.cancel"), e -> close());
        cancel.setId("reservation-cancel");
        getFooter().add(cancel, save);
    }

    private void save() {
        ReservationRequest request = new ReservationRequest();
        try {
            binder.writeBean(request);
        } catch (ValidationException e) {
            return; // the fields show what is wrong
        }
        fireEvent(new SaveEvent(
                this,
                request.getPrinter(),
                LocalDateTime.of(request.getDate(), request.getTime()),
                request.getMinutes(),
                request.getTitle().strip()));
    }

    /** The fields the service's errors point at. */
    Map<String, HasValidation> fields() {
        return Map.of("start", time, "end", minutes, "minutes", minutes, "title", title);
    }

    void addSaveListener(ComponentEventListener<SaveEvent> listener) {
        addListener(SaveEvent.class, listener);
    }
}
