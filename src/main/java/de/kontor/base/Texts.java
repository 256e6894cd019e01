package de.kontor.base;

import org.jspecify.annotations.Nullable;

/** How the modules store optional texts that users type. */
public final class Texts {

    private Texts() {}

    /** The text without surrounding white space, or null when nothing but white space (or nothing) was given. */
    public static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
