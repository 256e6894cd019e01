package de.kontor.access;

/** Where a block comes from: an admin's entry, or the login throttling's lock of an address or account. */
public enum BlockSource {
    MANUAL,
    LOGIN_ADDRESS,
    LOGIN_ACCOUNT
}
