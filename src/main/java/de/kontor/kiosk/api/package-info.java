/** The kiosk REST API. */
@NullMarked
package de.kontor.kiosk.api;

import org.jspecify.annotations.NullMarked;
