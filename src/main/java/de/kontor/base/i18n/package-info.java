/**
 * Texts in German and English from the message bundles, for the UI, e-mails and exports.
 */
@NullMarked
package de.kontor.base.i18n;

import org.jspecify.annotations.NullMarked;
