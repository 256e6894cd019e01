/** REST for blocked addresses and the networks admins may sign in from. */
@NullMarked
package de.kontor.access.api;

import org.jspecify.annotations.NullMarked;
