/**
 * Rate limits shared by every node of a cluster: Bucket4j token buckets whose state lives in the database.
 */
@NullMarked
package de.kontor.base.ratelimit;

import org.jspecify.annotations.NullMarked;
