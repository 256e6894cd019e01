package de.kontor.base.db;

import java.util.Locale;

/** LIKE patterns from user text: wildcards in the text match literally. Use with escape char {@code '\\'}. */
public final class Like {

    public static final char ESCAPE = '\\';

    private Like() {}

    /** {@code %text%}, lower-cased, for a case-insensitive "contains" on a lower-cased column. */
    public static String contains(String text) {
        return "%" + escape(text.strip().toLowerCase(Locale.ROOT)) + "%";
    }

    /** {@code text%}, lower-cased. */
    public static String startsWith(String text) {
        return escape(text.strip().toLowerCase(Locale.ROOT)) + "%";
    }

    public static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
