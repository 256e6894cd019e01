package de.kontor.monitoring;

/** What tests outside the module may know of the alert rules Kontor ships. */
public final class ShippedAlertRules {

    private ShippedAlertRules() {}

    /** How many rules Kontor ships. */
    public static int count() {
        return AlertRules.BUILTINS.size();
    }
}
