/** The tally module's views: administration, member self-service, registration and password reset. */
@NullMarked
package de.kontor.tally.ui;

import org.jspecify.annotations.NullMarked;
