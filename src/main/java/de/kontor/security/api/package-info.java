/**
 * REST API of sign-in and accounts: bearer tokens from user name and password, the caller's own account,
 * and user administration.
 */
@NullMarked
package de.kontor.security.api;

import org.jspecify.annotations.NullMarked;
