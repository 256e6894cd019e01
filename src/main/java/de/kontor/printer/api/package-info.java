/** The printers' REST API. */
@NullMarked
package de.kontor.printer.api;

import org.jspecify.annotations.NullMarked;
