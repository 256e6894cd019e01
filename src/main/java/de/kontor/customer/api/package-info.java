@NullMarked
package de.kontor.customer.api;

import org.jspecify.annotations.NullMarked;
