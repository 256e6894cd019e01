package de.kontor.base;

/** A signed-in principal that knows the person's name to show (e.g. "Jana Vogel" for jana.vogel). */
public interface DisplayNamed {

    String displayName();
}
