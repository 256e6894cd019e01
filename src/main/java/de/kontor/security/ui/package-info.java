/**
 * Login, password change and reset, the users view and the user's own account and API tokens.
 */
@NullMarked
package de.kontor.security.ui;

import org.jspecify.annotations.NullMarked;
