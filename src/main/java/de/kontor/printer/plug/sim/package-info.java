/** An embedded P110 emulator speaking KLAP v2 over HTTP, for tests, demo mode and benchmarks. */
@NullMarked
package de.kontor.printer.plug.sim;

import org.jspecify.annotations.NullMarked;
