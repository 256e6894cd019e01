package de.kontor.printer.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import de.kontor.base.ui.EditorDialog;
import de.kontor.printer.PrinterModel.Printer;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * Book a printer: which one, when, how long and what for, prefilled from the hour clicked (or the hours dragged across) in the planner.
 * Save stays disabled while a field is invalid (the title is still empty); fires a save event with the
 * {@link Booking}, the view books.
 */
class ReservationForm extends EditorDialog<ReservationRequest, ReservationForm.Booking> {

    /** What the member asked for. */
    record Booking(Printer printer, LocalDateTime start, int minutes, String title) {}

    final Select<Printer> printer = new Select<>();
    final DatePicker date = new DatePicker();
    final TimePicker time = new TimePicker();
    final IntegerField minutes = new IntegerField();
    final TextField title = new TextField();

    ReservationForm(List<Printer> printers, Printer selected, LocalDateTime start, int duration) {
        super(ReservationRequest.class, "reservation");
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
        request.setMinutes(duration);
        binder.readBean(request);

        FormLayout form = new FormLayout();
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("26em", 2));
        form.add(printer, 2);
        form.add(date, time, minutes);
        form.add(title, 2);
        add(form);
        save.setText(getTranslation("printer.reserve"));
        addFooterButtons();
    }

    @Override
    protected ReservationRequest newBean() {
        return new ReservationRequest();
    }

    @Override
    protected Booking toData(ReservationRequest bean) {
        return new Booking(
                bean.getPrinter(),
                LocalDateTime.of(bean.getDate(), bean.getTime()),
                bean.getMinutes(),
                bean.getTitle().strip());
    }

    @Override
    public Map<String, ? extends HasValidation> fields() {
        return Map.of("start", time, "end", minutes, "minutes", minutes, "title", title);
    }
}
