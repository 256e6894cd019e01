package de.kontor.printer.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import de.kontor.base.CurrentUser;
import de.kontor.base.error.DomainException;
import de.kontor.base.ui.Badges;
import de.kontor.base.ui.Confirmations;
import de.kontor.base.ui.Notifications;
import de.kontor.printer.PrinterModel.PlugState;
import de.kontor.printer.PrinterModel.Printer;
import de.kontor.printer.PrinterService;

/**
 * A printer's state badge and its power button (switching is confirmed first), the same in the printer list
 * and on the printer's page.
 */
final class PowerSwitch {

    private PowerSwitch() {}

    /** On, off, unreachable or unknown as a coloured badge. */
    static Span state(Component view, Printer p) {
        PlugState state = p.state();
        Badges.Tone tone = switch (state) {
            case ON -> Badges.Tone.SUCCESS;
            case OFF -> Badges.Tone.NEUTRAL;
            case UNREACHABLE -> Badges.Tone.ERROR;
            case UNKNOWN -> Badges.Tone.WARNING;
        };
        return Badges.of(view.getTranslation("printer.state." + state.name()), tone);
    }

    /** "Switch off" while the printer is on, else "Switch on"; {@code afterwards} runs once it switched. */
    static Button button(Component view, PrinterService printers, Printer p, Runnable afterwards) {
        boolean on = Boolean.TRUE.equals(p.powerOn());
        Button power = new Button(
                view.getTranslation(on ? "printer.off" : "printer.on"),
                VaadinIcon.POWER_OFF.create(),
                e -> confirm(view, printers, p, !on, afterwards));
        power.setId("printer-power-" + p.id());
        power.addThemeVariants(ButtonVariant.LUMO_SMALL, on ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_SUCCESS);
        return power;
    }

    static void confirm(Component view, PrinterService printers, Printer p, boolean on, Runnable afterwards) {
        Confirmations.ask(
                "printer-power-confirm",
                view.getTranslation(on ? "printer.on" : "printer.off") + ": " + p.name(),
                view.getTranslation(on ? "printer.on.confirm" : "printer.off.confirm", p.name()),
                view.getTranslation(on ? "printer.on" : "printer.off"),
                !on,
                () -> {
                    try {
                        printers.power(
                                p.id(), on, "admin " + CurrentUser.username().orElse(""));
                        Notifications.success(
                                view.getTranslation(on ? "printer.on.done" : "printer.off.done", p.name()));
                    } catch (DomainException ex) {
                        Notifications.error(view.getTranslation(ex.messageKey(), ex.args()));
                    }
                    afterwards.run();
                });
    }
}
