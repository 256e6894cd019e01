package de.kontor.monitoring.ui;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import de.kontor.base.error.DomainException;
import de.kontor.base.ui.Notifications;
import de.kontor.monitoring.MonitoringService;
import de.kontor.monitoring.TerminalConnection;
import de.kontor.security.StepUpDialog;
import de.kontor.security.UserService;
import org.jspecify.annotations.Nullable;

/**
 * The node's terminal: opened like every change (a reason, a second-factor confirmation within ten
 * minutes, audited), then keystrokes go to the node's shell and its output streams into the page by
 * server push. Leaving the page or closing it ends the shell; what was typed goes into the audit log.
 */
final class TerminalTab extends Div {

    static final int COLUMNS = 120;
    static final int ROWS = 32;

    private final MonitoringService monitoring;
    private final UserService users;
    private final TerminalScreen screen = new TerminalScreen();
    private final Span state = new Span();
    private final Button open;
    private final Button close;
    private @Nullable TerminalConnection connection;
    private long nodeId;
    private String nodeName = "";

    TerminalTab(MonitoringService monitoring, UserService users) {
        this.monitoring = monitoring;
        this.users = users;
        setId("ops-terminal");
        open = new Button(getTranslation("monitoring.terminal.open"), e -> confirm());
        open.setId("ops-terminal-open");
        open.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        close = new Button(getTranslation("monitoring.terminal.close"), e -> end());
        close.setId("ops-terminal-close");
        close.setEnabled(false);
        state.setId("ops-terminal-state");
        state.setText(getTranslation("monitoring.terminal.notOpen"));
        HorizontalLayout bar = new HorizontalLayout(open, close, state);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new Paragraph(getTranslation("monitoring.terminal.intro")), bar, screen);
    }

    void show(long id, String name) {
        if (id != nodeId) {
            end();
        }
        nodeId = id;
        nodeName = name;
    }

    private void confirm() {
        new OperationDialog(nodeName, getTranslation("monitoring.terminal.description"), this::start).open();
    }

    private void start(String reason) {
        UI ui = UI.getCurrent();
        try {
            TerminalConnection opened =
                    monitoring.openTerminal(nodeId, COLUMNS, ROWS, reason, new TerminalConnection.Listener() {
                        @Override
                        public void output(byte[] data) {
                            ui.access(() -> screen.write(data));
                        }

                        @Override
                        public void closed(String why) {
                            ui.access(() -> ended(why));
                        }
                    });
            connection = opened;
            screen.connect(opened::input);
            open.setEnabled(false);
            close.setEnabled(true);
            state.setText(getTranslation("monitoring.terminal.connected", nodeName));
        } catch (DomainException e) {
            if (!StepUpDialog.handle(e, users, () -> start(reason))) {
                Notifications.error(getTranslation(e.messageKey(), e.args()));
            }
        }
    }

    private void ended(String why) {
        connection = null;
        screen.disconnect();
        open.setEnabled(true);
        close.setEnabled(false);
        state.setText(getTranslation("monitoring.terminal.ended", why));
    }

    private void end() {
        TerminalConnection running = connection;
        if (running != null) {
            running.close();
            state.setText(getTranslation("monitoring.terminal.closing"));
            close.setEnabled(false);
        }
    }

    @Override
    protected void onDetach(DetachEvent event) {
        end();
        super.onDetach(event);
    }
}
