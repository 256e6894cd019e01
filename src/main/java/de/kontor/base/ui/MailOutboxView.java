package de.kontor.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import de.kontor.base.error.DomainException;
import de.kontor.base.mail.MailOutbox;
import de.kontor.base.mail.MailState;
import de.kontor.base.mail.OutboxMail;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;

import java.time.ZoneId;
import java.util.List;

/**
 * Every e-mail Kontor sent or tried to send, with its state: sent, failed (with the error and the retries
 * left), or kept because no SMTP server is set; "send again" for the ones that did not go out. Filterable by
 * module ({@code ?module=tally} opens it filtered).
 */
@Route("mail-outbox")
@Menu(title = "menu.mailOutbox", order = 980, icon = "vaadin:envelopes-o")
@RolesAllowed({"ADMIN", "VIEWER"})
class MailOutboxView extends Div implements HasDynamicTitle, BeforeEnterObserver {

    static final List<String> MODULES = List.of("tally", "printer", "monitoring", "security");

    private final Grid<OutboxMail> grid = new Grid<>();
    private final ComboBox<String> module = new ComboBox<>();
    private final ComboBox<MailState> state = new ComboBox<>();

    MailOutboxView(MailOutbox outbox, ZoneId zone) {
        addClassName("kontor-view");
        setId("mail-outbox-view");
        module.setLabel(getTranslation("mail.module"));
        module.setId("mail-module");
        module.setItems(MODULES);
        module.setItemLabelGenerator(m -> getTranslation("module." + m));
        module.setClearButtonVisible(true);
        module.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        state.setLabel(getTranslation("mail.state"));
        state.setId("mail-state");
        state.setItems(MailState.values());
        state.setItemLabelGenerator(s -> getTranslation("mail.state." + s));
        state.setClearButtonVisible(true);
        state.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        Paragraph intro = new Paragraph(getTranslation("mail.outbox.intro"));
        intro.addClassName("kontor-muted");
        add(new ViewHeader(module, state), intro);

        grid.setId("mail-outbox");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        Grids.key(grid.addColumn(m -> Formats.dateTime(m.createdAt(), zone)).setHeader(getTranslation("mail.time")));
        Grids.key(grid.addComponentColumn(m -> Badges.of(getTranslation("mail.state." + m.state()), tone(m.state())))
                .setHeader(getTranslation("mail.state"))
                .setKey("state"));
        Grids.key(grid.addColumn(m -> getTranslation("module." + m.module())).setHeader(getTranslation("mail.module")));
        Grids.text(grid, OutboxMail::recipient, "10rem").setHeader(getTranslation("mail.recipient"));
        Grids.text(grid, OutboxMail::subject, "12rem").setHeader(getTranslation("mail.subject"));
        Grids.actions(grid.addComponentColumn(m -> {
            if (m.state() == MailState.SENT || m.state() == MailState.SENDING) {
                return new Span();
            }
            Button resend = new Button(getTranslation("mail.resend"), e -> {
                try {
                    outbox.resend(m.id());
                    Notifications.success(getTranslation("mail.resent"));
                } catch (DomainException ex) {
                    Notifications.error(getTranslation(ex.messageKey(), ex.args()));
                }
                grid.getDataProvider().refreshAll();
            });
            resend.setId("mail-resend-" + m.id());
            resend.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            return resend;
        }));
        grid.setItemDetailsRenderer(new ComponentRenderer<>(m -> {
            Div details = new Div(new Pre(m.body()));
            if (m.error() != null) {
                Span error = new Span(getTranslation("mail.error", m.attempts(), m.error()));
                error.getStyle().set("color", "var(--lumo-error-text-color)");
                details.add(error);
            }
            return details;
        }));
        grid.setItems(LazyGrids.pages(page -> outbox.find(module.getValue(), state.getValue(), page)));
        Grids.counted(grid, getTranslation("mail.outbox.empty"));
        grid.setHeight("36rem");
        add(grid);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        List<String> wanted =
                event.getLocation().getQueryParameters().getParameters().get("module");
        @Nullable String m = wanted == null || wanted.isEmpty() ? null : wanted.get(0);
        module.setValue(m != null && MODULES.contains(m) ? m : null);
    }

    private static Badges.Tone tone(MailState state) {
        return switch (state) {
            case SENT -> Badges.Tone.SUCCESS;
            case FAILED -> Badges.Tone.ERROR;
            case NO_SMTP -> Badges.Tone.WARNING;
            case PENDING, SENDING -> Badges.Tone.NEUTRAL;
        };
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.mailOutbox");
    }
}
