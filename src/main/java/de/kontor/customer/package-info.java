/**
 * Customers, the CRM core: who Kontor's licenses, leads and reports belong to. Search over many
 * thousands of customers, archive instead of delete, import with preview and undo, exports and REST.
 * Other modules attach their records through {@link de.kontor.customer.CustomerAttachments}.
 */
@NullMarked
package de.kontor.customer;

import org.jspecify.annotations.NullMarked;
