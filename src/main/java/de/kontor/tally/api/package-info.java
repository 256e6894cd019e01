/** The tally terminal API (the FVH contract) and the tally admin API. */
@NullMarked
package de.kontor.tally.api;

import org.jspecify.annotations.NullMarked;
