package de.kontor.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.ExtendedClientDetails;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Whether the browser window is phone-narrow, for views that lay out differently there (a grid with one
 * summary column instead of many). CSS alone cannot do that: grid columns are chosen on the server. The
 * width comes from the browser when the page loads and whenever the window is resized.
 *
 * <pre>{@code
 * NarrowLayout.whileAttached(this, narrow -> grid.getColumns().forEach(c -> c.setVisible(...)));
 * }</pre>
 */
public final class NarrowLayout {

    /** Windows narrower than this (in CSS pixels) get the phone layout. */
    public static final int BREAKPOINT = 640;

    /** The current state of one UI and the views listening to it. */
    private static final class State {
        boolean narrow;
        boolean known;
        final List<Consumer<Boolean>> listeners = new ArrayList<>();
    }

    private NarrowLayout() {}

    /**
     * Calls {@code apply} now (with the last known width; wide until the browser told) and whenever the
     * window crosses the breakpoint, for as long as {@code view} is attached.
     */
    public static void whileAttached(Component view, Consumer<Boolean> apply) {
        view.addAttachListener(attach -> {
            State state = state(attach.getUI());
            state.listeners.add(apply);
            apply.accept(state.narrow);
        });
        view.addDetachListener(detach -> state(detach.getUI()).listeners.remove(apply));
    }

    /** Whether {@code ui}'s window was narrow when the browser last told. */
    public static boolean isNarrow(UI ui) {
        return state(ui).narrow;
    }

    /** Applies a window width (from the browser, or from a test) to every listening view of {@code ui}. */
    public static void width(UI ui, int width) {
        State state = state(ui);
        boolean narrow = width > 0 && width < BREAKPOINT;
        boolean changed = !state.known || narrow != state.narrow;
        state.known = true;
        state.narrow = narrow;
        if (changed) {
            List.copyOf(state.listeners).forEach(l -> l.accept(narrow));
        }
    }

    private static State state(UI ui) {
        State state = ComponentUtil.getData(ui, State.class);
        if (state == null) {
            State created = new State();
            ComponentUtil.setData(ui, State.class, created);
            ui.getPage().addBrowserWindowResizeListener(e -> width(ui, e.getWidth()));
            ExtendedClientDetails details = ui.getPage().getExtendedClientDetails();
            if (details != null && details.getWindowInnerWidth() > 0) {
                width(ui, details.getWindowInnerWidth());
            } else {
                ui.getPage().retrieveExtendedClientDetails(d -> width(ui, d.getWindowInnerWidth()));
            }
            return created;
        }
        return state;
    }
}
