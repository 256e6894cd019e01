@NullMarked
package de.kontor.security.api;

import org.jspecify.annotations.NullMarked;
