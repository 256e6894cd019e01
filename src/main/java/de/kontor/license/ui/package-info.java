@NullMarked
package de.kontor.license.ui;

import org.jspecify.annotations.NullMarked;
