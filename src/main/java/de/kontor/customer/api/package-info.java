/**
 * REST API of the customers (/api/customers): paging, search, create, update, archive, export and import.
 */
@NullMarked
package de.kontor.customer.api;

import org.jspecify.annotations.NullMarked;
