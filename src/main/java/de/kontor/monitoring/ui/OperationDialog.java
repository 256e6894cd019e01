package de.kontor.monitoring.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextField;

import java.util.function.Consumer;

/** Confirms an action that changes the server and asks for its reason (required, kept in the audit log). */
final class OperationDialog extends Dialog {

    private final TextField reason = new TextField();

    OperationDialog(String node, String description, Consumer<String> run) {
        setId("ops-confirm");
        setHeaderTitle(getTranslation("monitoring.ops.confirm.title", node));
        reason.setId("ops-reason");
        reason.setLabel(getTranslation("monitoring.ops.reason"));
        reason.setRequired(true);
        reason.setMaxLength(500);
        reason.setWidthFull();
        add(new Paragraph(getTranslation("monitoring.ops.confirm.text", description, node)), reason);
        Button confirm = new Button(getTranslation("monitoring.ops.confirm.run"), e -> {
            if (reason.getValue().isBlank()) {
                reason.setErrorMessage(getTranslation("monitoring.ops.reasonRequired"));
                reason.setInvalid(true);
                return;
            }
            close();
            run.accept(reason.getValue().strip());
        });
        confirm.setId("ops-run");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), confirm);
    }
}
