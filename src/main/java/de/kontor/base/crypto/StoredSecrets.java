package de.kontor.base.crypto;

import java.util.Optional;

/**
 * A module that keeps secrets encrypted with {@link SecretCipher} lends one of them, so that a node can tell
 * at start whether its key reads what is stored, on a database that has no check value of the key yet (one
 * from before Kontor kept it). Implementations read with plain SQL and must not depend on {@link SecretCipher}:
 * the cipher is built from their answer.
 */
public interface StoredSecrets {

    /** Any one stored ciphertext ({@code v1:...}) of this module, or empty when it keeps none yet. */
    Optional<String> anyStoredSecret();
}
