/** The leads' views. */
@NullMarked
package de.kontor.lead.ui;

import org.jspecify.annotations.NullMarked;
