package de.kontor.printer.plug;

import org.jspecify.annotations.Nullable;

/** Why a plug could not be reached or did not do what was asked; {@link Kind} tells the UI what to say. */
public class PlugException extends RuntimeException {

    public enum Kind {
        /** The plug's handshake hash matches none of the credentials: wrong Tapo e-mail or password. */
        AUTH_FAILED,
        /** 403 at handshake1: "Third-Party Compatibility" is off in the Tapo app (firmware 1.4 and later). */
        THIRD_PARTY_DISABLED,
        /** No connection, or no answer in time. */
        UNREACHABLE,
        /** The plug answered with an error code ({@link #code()}). */
        DEVICE_ERROR,
        /** An answer that does not follow the protocol. */
        PROTOCOL
    }

    private final Kind kind;
    private final @Nullable Integer code;

    public PlugException(Kind kind, @Nullable Integer code, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.code = code;
    }

    public PlugException(Kind kind, String message) {
        this(kind, null, message, null);
    }

    public Kind kind() {
        return kind;
    }

    public @Nullable Integer code() {
        return code;
    }
}
