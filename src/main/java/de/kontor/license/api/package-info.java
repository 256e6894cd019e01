/**
 * REST APIs of the license server: the client API (activate, verify, heartbeat, deactivate, offline leases)
 * with its own key and rate limits, and the admin API for licenses, products and client keys.
 */
@NullMarked
package de.kontor.license.api;

import org.jspecify.annotations.NullMarked;
