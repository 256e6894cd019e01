/**
 * A client for TP-Link Tapo P110 plugs on the local network: KLAP v2 (handshake, session key, AES-128-CBC
 * requests), device info, switching, energy. See {@code docs/printer-plugs.md}.
 */
@NullMarked
package de.kontor.printer.plug;

import org.jspecify.annotations.NullMarked;
