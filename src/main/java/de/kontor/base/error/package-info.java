/**
 * Domain errors: {@code DomainException} with a stable code, a message key and an optional field, shown as a
 * field error in the UI and as problem+json by the REST APIs.
 */
@NullMarked
package de.kontor.base.error;

import org.jspecify.annotations.NullMarked;
