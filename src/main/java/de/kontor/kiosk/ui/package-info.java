/** The kiosk board (anonymous, with its device token) and the admins' kiosk management. */
@NullMarked
package de.kontor.kiosk.ui;

import org.jspecify.annotations.NullMarked;
