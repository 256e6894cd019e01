/**
 * What every REST API shares: the access annotations ({@code @AdminOnly}, {@code @SignedIn},
 * {@code @PublicEndpoint}), problem+json errors and the OpenAPI description.
 */
@NullMarked
package de.kontor.base.api;

import org.jspecify.annotations.NullMarked;
