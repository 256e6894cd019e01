/**
 * Who may do what: user accounts with roles (ADMIN, MEMBER), login with throttling, API tokens, the
 * first admin, and the Users, API tokens and My account views.
 */
@NullMarked
package de.kontor.security;

import org.jspecify.annotations.NullMarked;
