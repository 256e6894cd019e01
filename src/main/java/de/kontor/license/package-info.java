/**
 * The license server: products with releases and client keys, licenses for customers, hardware-bound
 * activations, heartbeats, Ed25519-signed offline leases with a grace period, version checks, usage
 * limits, rate limits — the client API vendors' software calls, an admin API and admin views.
 */
@NullMarked
package de.kontor.license;

import org.jspecify.annotations.NullMarked;
