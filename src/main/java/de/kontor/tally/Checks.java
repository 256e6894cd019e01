package de.kontor.tally;

import de.kontor.base.Emails;
import de.kontor.base.error.DomainException;
import org.jspecify.annotations.Nullable;

import java.util.HexFormat;

/** The checks of input the tally's writers share; each failure names its field. */
final class Checks {

    static final int NAME_MAX = 100;
    static final int COMMENT_MAX = 2000;
    static final int DESCRIPTION_MAX = 255;

    private Checks() {}

    static String name(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalidField(field, "NAME_REQUIRED", "tally.name.required");
        }
        if (value.strip().length() > NAME_MAX) {
            throw DomainException.invalidField(field, "NAME_TOO_LONG", "tally.name.tooLong", NAME_MAX);
        }
        return value.strip();
    }

    static @Nullable String email(@Nullable String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String email = value.strip();
        if (!Emails.valid(email)) {
            throw DomainException.invalidField(field, "INVALID_EMAIL", "tally.email.invalid");
        }
        return email;
    }

    static String description(@Nullable String value) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalidField("description", "DESCRIPTION_REQUIRED", "tally.booking.description");
        }
        return value.strip();
    }

    /** A booking's amount: whole, not 0, and at most the configured largest amount either way. */
    static long amount(long amount, TallyProperties properties, String field) {
        if (amount == 0) {
            throw DomainException.invalidField(field, "INVALID_AMOUNT", "tally.booking.amount");
        }
        if (!properties.allows(amount)) {
            throw DomainException.invalidField(
                    field, "AMOUNT_OUT_OF_RANGE", "tally.booking.amountRange", properties.maxAmount());
        }
        return amount;
    }

    /** A token in hex, with or without spaces, colons or dashes between the digits; 1 to 20 bytes. */
    static byte[] hex(@Nullable String hex) {
        String compact = hex == null ? "" : hex.replaceAll("[\\s:-]", "");
        if (compact.isEmpty()
                || compact.length() % 2 != 0
                || compact.length() > 40
                || !compact.matches("[0-9a-fA-F]+")) {
            throw DomainException.invalidField("token", "INVALID_TOKEN", "tally.token.hex");
        }
        return HexFormat.of().parseHex(compact);
    }

    static String cut(String text, int max) {
        return text.length() > max ? text.substring(0, max) : text;
    }
}
