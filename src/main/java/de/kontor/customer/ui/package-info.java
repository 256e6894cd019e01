/**
 * Views of the customers: the list with search and filters, a customer's page with details, history and the
 * sections other modules add, and the import.
 */
@NullMarked
package de.kontor.customer.ui;

import org.jspecify.annotations.NullMarked;
