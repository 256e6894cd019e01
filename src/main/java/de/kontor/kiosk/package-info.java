/**
 * Kiosk displays: Raspberry Pi screens showing which printers are free, printing or reserved
 * soon, identified by a device token instead of a login, paired and managed by admins.
 */
@NullMarked
package de.kontor.kiosk;

import org.jspecify.annotations.NullMarked;
