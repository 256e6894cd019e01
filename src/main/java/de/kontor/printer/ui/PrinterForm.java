package de.kontor.printer.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import de.kontor.base.ui.EditorDialog;
import de.kontor.printer.PrinterModel.Printer;
import de.kontor.printer.PrinterModel.PrinterDraft;
import org.jspecify.annotations.Nullable;

import java.util.Map;

/**
 * Add or change a printer. The fields validate against {@link PrinterFields}' rules as you type; Save stays
 * disabled while anything is invalid or nothing changed. Fires {@link EditorDialog.SaveEvent}, {@link TestEvent} ("test
 * connection", answered with {@link #showTest}) or {@link EditorDialog.CancelEvent}; the view calls the service. The
 * fields are package-private for the form's own test.
 */
class PrinterForm extends EditorDialog<PrinterFields, PrinterDraft> {

    /** Ask the plug with what the form holds now, without saving. */
    static final class TestEvent extends ComponentEvent<PrinterForm> {
        private final PrinterDraft draft;

        TestEvent(PrinterForm source, PrinterDraft draft) {
            super(source, false);
            this.draft = draft;
        }

        PrinterDraft draft() {
            return draft;
        }
    }

    final TextField name = new TextField();
    final TextField model = new TextField();
    final TextField location = new TextField();
    final TextField host = new TextField();
    final IntegerField port = new IntegerField();
    final TextField username = new TextField();
    final PasswordField password = new PasswordField();
    final NumberField idle = new NumberField();
    final IntegerField warmup = new IntegerField();
    final Checkbox active = new Checkbox();
    final TextArea notes = new TextArea();
    final Paragraph testResult = new Paragraph();
    final Button test = new Button();
    private final @Nullable Printer existing;

    PrinterForm(@Nullable Printer existing) {
        super(PrinterFields.class, "printer");
        this.existing = existing;
        setId("printer-editor");
        setHeaderTitle(getTranslation(existing == null ? "printer.add" : "printer.edit"));
        label(name, "printer-name", "printer.field.name");
        label(model, "printer-model", "printer.field.model");
        label(location, "printer-location", "printer.field.location");
        label(host, "printer-host", "printer.field.host");
        host.setHelperText(getTranslation("printer.field.host.help"));
        port.setId("printer-port");
        port.setLabel(getTranslation("printer.field.port"));
        label(username, "printer-username", "printer.field.username");
        username.setHelperText(getTranslation("printer.field.username.help"));
        password.setId("printer-password");
        password.setLabel(getTranslation("printer.field.password"));
        if (existing != null && existing.ownCredentials()) {
            password.setPlaceholder(getTranslation("printer.field.password.kept"));
        }
        idle.setId("printer-idle");
        idle.setLabel(getTranslation("printer.field.idle"));
        idle.setHelperText(getTranslation("printer.field.idle.help"));
        warmup.setId("printer-warmup");
        warmup.setLabel(getTranslation("printer.field.warmup"));
        active.setId("printer-active");
        active.setLabel(getTranslation("printer.field.active"));
        notes.setId("printer-notes");
        notes.setLabel(getTranslation("printer.field.notes"));
        testResult.setId("printer-test-result");

        // bound by property name, so PrinterFields' Jakarta constraints check each field
        binder.forField(name).bind("name");
        binder.forField(model).bind("model");
        binder.forField(location).bind("location");
        binder.forField(host).bind("plugHost");
        binder.forField(port).bind("plugPort");
        binder.forField(username).bind("plugUsername");
        binder.forField(password).bind("plugPassword");
        binder.forField(idle).bind("idleWatts");
        binder.forField(warmup).bind("warmupMinutes");
        binder.forField(active).bind("active");
        binder.forField(notes).bind("notes");
        binder.readBean(existing == null ? new PrinterFields() : PrinterFields.of(existing));

        FormLayout form =
                new FormLayout(name, model, location, host, port, username, password, idle, warmup, active, notes);
        form.setColspan(notes, 2);
        add(form, testResult);

        test.setText(getTranslation("printer.test"));
        test.setIcon(VaadinIcon.PLUG.create());
        test.setId("printer-test");
        test.addClickListener(e -> {
            PrinterFields fields = new PrinterFields();
            binder.writeBeanAsDraft(fields, true);
            fireEvent(new TestEvent(this, fields.draft()));
        });
        addFooterButtons(test);
    }

    private void label(TextField field, String id, String key) {
        field.setId(id);
        field.setLabel(getTranslation(key));
    }

    @Override
    protected PrinterFields newBean() {
        return new PrinterFields();
    }

    @Override
    protected PrinterDraft toData(PrinterFields fields) {
        return fields.draft();
    }

    /** What the plug said to "test connection": its answer, or why it could not be asked (an error). */
    void showTest(String text, boolean ok) {
        testResult.setText(text);
        testResult.getStyle().set("color", ok ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
    }

    @Nullable
    Printer existing() {
        return existing;
    }

    /** The fields by the draft's property names, for the service's field errors. */
    @Override
    public Map<String, HasValidation> fields() {
        return Map.of(
                "name",
                name,
                "plugHost",
                host,
                "plugPort",
                port,
                "plugUsername",
                username,
                "plugPassword",
                password,
                "idleWatts",
                idle,
                "warmupMinutes",
                warmup);
    }

    Registration addTestListener(ComponentEventListener<TestEvent> listener) {
        return addListener(TestEvent.class, listener);
    }
}
