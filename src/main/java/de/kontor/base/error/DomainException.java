package de.kontor.base.error;

import org.jspecify.annotations.Nullable;

/**
 * A business rule said no. Carries what every caller needs to tell the user precisely: an HTTP status
 * for APIs, a stable machine code, a message key for the user's language, and the field it concerns.
 */
public class DomainException extends RuntimeException {

    private final int status;
    private final String code;
    private final String messageKey;
    private final Object[] args;
    private final @Nullable String field;

    public DomainException(int status, String code, String messageKey, Object... args) {
        this(status, code, null, messageKey, args);
    }

    protected DomainException(int status, String code, @Nullable String field, String messageKey, Object... args) {
        super(code + " (" + messageKey + ")");
        this.status = status;
        this.code = code;
        this.field = field;
        this.messageKey = messageKey;
        this.args = args.clone();
    }

    /** 404: the thing asked for does not exist (or is not visible to the caller). */
    public static DomainException notFound(String code, String messageKey, Object... args) {
        return new DomainException(404, code, messageKey, args);
    }

    /** 409: the request conflicts with the current state (duplicates, concurrent edits). */
    public static DomainException conflict(String code, String messageKey, Object... args) {
        return new DomainException(409, code, messageKey, args);
    }

    /** 400 about one input field. */
    public static DomainException invalidField(String field, String code, String messageKey, Object... args) {
        return new DomainException(400, code, field, messageKey, args);
    }

    /** The same error, attached to a form field. */
    public DomainException onField(String fieldName) {
        return new DomainException(status, code, fieldName, messageKey, args);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] args() {
        return args.clone();
    }

    public @Nullable String field() {
        return field;
    }
}
