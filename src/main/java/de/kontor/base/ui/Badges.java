package de.kontor.base.ui;

import com.vaadin.flow.component.html.Span;

import java.util.Locale;

/** Small coloured labels for states and roles (plain CSS, see the theme's {@code .kontor-badge}). */
public final class Badges {

    public enum Tone {
        NEUTRAL,
        PRIMARY,
        SUCCESS,
        WARNING,
        ERROR
    }

    private Badges() {}

    public static Span of(String text, Tone tone) {
        Span badge = new Span(text);
        badge.addClassNames("kontor-badge", "kontor-badge-" + tone.name().toLowerCase(Locale.ROOT));
        return badge;
    }
}
