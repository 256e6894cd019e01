package de.kontor.base;

import org.jspecify.annotations.Nullable;

/** How the modules store texts: optional ones that users type, and ones cut to the length of their column. */
public final class Texts {

    private Texts() {}

    /** The text without surrounding white space, or null when nothing but white space (or nothing) was given. */
    public static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The text cut to at most {@code max} characters, for a column of that length. */
    public static String atMost(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }
}
