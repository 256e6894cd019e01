package de.kontor.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;

/**
 * The bar at the top of a view: a title or filters at the start, actions at the end, wrapping on narrow
 * screens. Every view builds its header with this instead of its own row and spacer.
 *
 * <pre>{@code
 * add(new ViewHeader(search, status).actions(importButton, export, create));
 * add(new ViewHeader(new H2(title), badge).actions(edit, archive));
 * }</pre>
 */
public class ViewHeader extends Div {

    private final Div spacer = new Div();

    /** A header with these components at its start (a title, filters). */
    public ViewHeader(Component... start) {
        addClassName("kontor-toolbar");
        spacer.addClassName("kontor-toolbar-spacer");
        add(start);
        add(spacer);
    }

    /** Adds components at the start, after those already there. */
    public ViewHeader start(Component... components) {
        for (Component c : components) {
            addComponentAtIndex(indexOf(spacer), c);
        }
        return this;
    }

    /** Adds actions at the end, after those already there. */
    public ViewHeader actions(Component... actions) {
        add(actions);
        return this;
    }

    /** Removes every action, keeping the start (for headers rebuilt when their item changes). */
    public ViewHeader clearActions() {
        getChildren().skip(indexOf(spacer) + 1L).toList().forEach(this::remove);
        return this;
    }
}
