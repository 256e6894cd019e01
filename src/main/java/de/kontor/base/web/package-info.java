/**
 * Limits every HTTP request meets before a controller sees it: the size of request bodies, strict JSON
 * types, the bounds of paged lists, answers for unknown API paths and for requests the firewall refuses.
 */
@NullMarked
package de.kontor.base.web;

import org.jspecify.annotations.NullMarked;
