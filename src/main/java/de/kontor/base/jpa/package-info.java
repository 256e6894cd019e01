/** What Kontor's JPA entities share. */
@NullMarked
package de.kontor.base.jpa;

import org.jspecify.annotations.NullMarked;
