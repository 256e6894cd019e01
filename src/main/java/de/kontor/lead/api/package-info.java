/** The leads' REST API. */
@NullMarked
package de.kontor.lead.api;

import org.jspecify.annotations.NullMarked;
