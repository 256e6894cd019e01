/**
 * Demo mode: each module contributes sample data, loaded once into a fresh database.
 */
@NullMarked
package de.kontor.base.demo;

import org.jspecify.annotations.NullMarked;
