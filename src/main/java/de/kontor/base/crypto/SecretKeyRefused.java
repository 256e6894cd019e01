package de.kontor.base.crypto;

/**
 * This node's secret key cannot be used with this database: Kontor stops at start instead of failing later
 * on every stored secret. The message says what to do; {@link SecretKeyFailureAnalyzer} prints it as the
 * reason the start failed.
 */
public class SecretKeyRefused extends IllegalStateException {

    private final String action;

    SecretKeyRefused(String message, String action) {
        super(message + " " + action);
        this.action = action;
    }

    String action() {
        return action;
    }

    String description() {
        String message = getMessage();
        return message == null
                ? ""
                : message.substring(0, message.length() - action.length()).strip();
    }
}
