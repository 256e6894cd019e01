/**
 * Tally accounts ("Strichliste"): members' prepaid balances as a ledger of whole-number entries, NFC
 * tokens, the terminal API existing NFC/QR readers speak (see {@code docs/tally.md}), API users with
 * scoped keys, and e-mail notices.
 */
@NullMarked
package de.kontor.tally;

import org.jspecify.annotations.NullMarked;
