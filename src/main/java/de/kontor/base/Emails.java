package de.kontor.base;

import java.util.regex.Pattern;

/** The plain check of an e-mail address the modules' own forms use (something@domain.tld, at most 254). */
public final class Emails {

    public static final int MAX = 254;
    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private Emails() {}

    /** Whether the (stripped) address looks like one. */
    public static boolean valid(String email) {
        return email.length() <= MAX && ADDRESS.matcher(email).matches();
    }
}
