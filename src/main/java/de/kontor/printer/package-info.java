/**
 * 3D printers powered through TP-Link Tapo P110 smart plugs: printers, reservations whose start and end switch the
 * power through Quartz, energy readings, the plug client
 * ({@code plug}: KLAP v2 over OkHttp) and a plug emulator that speaks the same protocol ({@code plug.sim}).
 */
@NullMarked
package de.kontor.printer;

import org.jspecify.annotations.NullMarked;
