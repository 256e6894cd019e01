package de.kontor.license;

/** Small vocabularies of the license module. */
public final class LicenseEnums {

    private LicenseEnums() {}

    /** How many hardware components must match for a machine to count as the same device. */
    public enum MatchRule {
        /** Any one of MAC address, CPU id, system UUID. */
        ANY,
        /** Two of the three. */
        TWO_OF_THREE,
        /** All three. */
        ALL
    }

    public enum LicenseType {
        PERPETUAL,
        SUBSCRIPTION,
        TRIAL
    }

    public enum LicenseStatus {
        ACTIVE,
        SUSPENDED,
        REVOKED
    }

    public enum ActivationState {
        ACTIVE,
        /** No heartbeat for three intervals; a heartbeat or verification revives it. Still holds its slot. */
        INACTIVE,
        /** Deactivated by the client or an admin: the slot is free. */
        DEACTIVATED
    }

    public enum Channel {
        STABLE,
        BETA
    }

    /** Where a product's licenses come from. */
    public enum Backend {
        /** Kontor's own license keys. */
        KEY,
        /** Access tokens of a Gitea server: a token that can read the module's repository is the license. */
        GITEA
    }
}
