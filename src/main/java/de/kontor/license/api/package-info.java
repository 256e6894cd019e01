@NullMarked
package de.kontor.license.api;

import org.jspecify.annotations.NullMarked;
