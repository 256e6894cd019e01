package de.kontor.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/** "Are you sure?" dialogs in one shape: a header, what will happen, Cancel and the action's button. */
public final class Confirmations {

    private Confirmations() {}

    /**
     * Opens the dialog; {@code action} runs on confirmation.
     *
     * @param dangerous whether the action destroys or cuts something (red button)
     */
    public static ConfirmDialog ask(
            String id, String header, String text, String confirmText, boolean dangerous, Runnable action) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId(id);
        dialog.setHeader(header);
        dialog.setText(text);
        dialog.setCancelable(true);
        dialog.setCancelText(UI.getCurrent().getTranslation("action.cancel"));
        dialog.setConfirmText(confirmText);
        dialog.setConfirmButtonTheme(dangerous ? "error primary" : "primary");
        dialog.addConfirmListener(e -> action.run());
        dialog.open();
        return dialog;
    }
}
