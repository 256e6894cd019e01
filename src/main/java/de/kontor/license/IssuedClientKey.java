package de.kontor.license;

/** A new client key: the only moment its value is known. */
public record IssuedClientKey(ClientKey key, String value) {}
