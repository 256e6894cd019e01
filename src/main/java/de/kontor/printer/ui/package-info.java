/** The printers' views: printers with live status, a printer's page, reservations. */
@NullMarked
package de.kontor.printer.ui;

import org.jspecify.annotations.NullMarked;
