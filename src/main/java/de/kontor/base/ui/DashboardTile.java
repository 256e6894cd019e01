package de.kontor.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;

import java.util.Optional;

/**
 * A module's contribution to the home page: a Spring bean that builds a tile for the signed-in user, or
 * nothing (e.g. when the user may not see the module). Called on the UI thread at every visit.
 */
public interface DashboardTile {

    /** Tiles are shown in ascending order. */
    default int order() {
        return 100;
    }

    Optional<Component> create();

    /** A tile with a big number that links nowhere. */
    static Component numberTile(String id, String value, String label) {
        Component tile = textTile(id, value, label);
        tile.getElement().getChild(0).getClassList().remove("kontor-tile-text");
        return tile;
    }

    /** A tile with a text (a date, a name) instead of a number: smaller type. */
    static Component textTile(String id, String value, String label) {
        Div tile = new Div();
        tile.setId(id);
        tile.addClassName("kontor-tile");
        Div text = new Div(value);
        text.addClassNames("kontor-tile-value", "kontor-tile-text");
        Div caption = new Div(label);
        caption.addClassName("kontor-tile-label");
        tile.add(text, caption);
        return tile;
    }

    /** A standard tile: a big number and a label, optionally linking to a view. */
    static Component numberTile(String id, String value, String label, String route) {
        Anchor tile = new Anchor(route);
        tile.setId(id);
        tile.addClassName("kontor-tile");
        Div number = new Div(value);
        number.addClassName("kontor-tile-value");
        Div text = new Div(label);
        text.addClassName("kontor-tile-label");
        tile.add(number, text);
        return tile;
    }
}
