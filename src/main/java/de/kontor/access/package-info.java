/**
 * Who may reach Kontor from where, and how often: addresses and networks an admin blocks (refused on sign-in
 * and on the whole API), the networks admins may sign in from, and the login throttling's counters and
 * locks, kept in the database so that every node of a cluster counts and honours them alike.
 */
@NullMarked
package de.kontor.access;

import org.jspecify.annotations.NullMarked;
