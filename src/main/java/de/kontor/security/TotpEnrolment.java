package de.kontor.security;

/** A two-factor key handed out for enrolment: as text and as the address a QR code carries. */
public record TotpEnrolment(String secret, String otpauthUri) {}
