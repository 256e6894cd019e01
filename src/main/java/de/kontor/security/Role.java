package de.kontor.security;

/** What a user may do. Spring Security sees these as authorities {@code ROLE_<name>}. */
public enum Role {
    /** Everything. */
    ADMIN,
    /** Self-service only; modules add what members may do. */
    MEMBER,
    /**
     * Sees the admin views and exports, reads the REST API, and changes nothing but their own account. A
     * viewer has no other role.
     */
    VIEWER;

    public static final String ADMIN_NAME = "ADMIN";
    public static final String MEMBER_NAME = "MEMBER";
    public static final String VIEWER_NAME = "VIEWER";

    public String authority() {
        return "ROLE_" + name();
    }
}
