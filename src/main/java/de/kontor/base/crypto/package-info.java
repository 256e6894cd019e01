/**
 * Secrets at rest: AES-GCM with Kontor's secret key for plug passwords, signing keys and other stored
 * credentials.
 */
@NullMarked
package de.kontor.base.crypto;

import org.jspecify.annotations.NullMarked;
