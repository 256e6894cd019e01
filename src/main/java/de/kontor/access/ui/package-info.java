/** The "Blocked addresses" view. */
@NullMarked
package de.kontor.access.ui;

import org.jspecify.annotations.NullMarked;
