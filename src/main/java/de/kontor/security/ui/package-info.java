@NullMarked
package de.kontor.security.ui;

import org.jspecify.annotations.NullMarked;
