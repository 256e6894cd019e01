package de.kontor.security;

/** What a user may do. Spring Security sees these as authorities {@code ROLE_<name>}. */
public enum Role {
    /** Everything. */
    ADMIN,
    /** Self-service only; modules add what members may do. */
    MEMBER;

    public static final String ADMIN_NAME = "ADMIN";
    public static final String MEMBER_NAME = "MEMBER";

    public String authority() {
        return "ROLE_" + name();
    }
}
