/** Switching whole modules off: menu entries, views, APIs and jobs. */
@NullMarked
package de.kontor.base.modules;

import org.jspecify.annotations.NullMarked;
