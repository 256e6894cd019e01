package de.kontor.agent.ops;

import java.util.regex.Pattern;

/** Checks for names that become one argument of a tool: never an option, never odd characters. */
final class Names {

    private static final Pattern UNIT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9:_.@\\\\-]{0,254}");
    private static final Pattern USER = Pattern.compile("[a-z_][a-z0-9_-]{0,31}");

    private Names() {}

    static String unit(String capability, String name) {
        String n = name.strip();
        if (!UNIT.matcher(n).matches()) {
            throw new OperationRefusedException(capability + ": not a unit name: " + name);
        }
        return n;
    }

    static String user(String capability, String name) {
        String n = name.strip();
        if (!USER.matcher(n).matches()) {
            throw new OperationRefusedException(capability + ": not a user name: " + name);
        }
        return n;
    }

    static int number(String capability, String what, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new OperationRefusedException(
                capability + ": " + what + " must be a number from " + min + " to " + max + ": " + value);
    }
}
