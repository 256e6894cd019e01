@NullMarked
package de.kontor.customer.ui;

import org.jspecify.annotations.NullMarked;
