/**
 * The database Kontor starts itself (an embedded MariaDB) and small helpers for SQL: LIKE patterns,
 * paging and inserts.
 */
@NullMarked
package de.kontor.base.db;

import org.jspecify.annotations.NullMarked;
