/**
 * Outgoing e-mail for every module: an outbox table that keeps each mail with its state, delivery after the
 * writing transaction commits on a thread of its own, retries of failed deliveries, and "send again" for
 * mails kept while no SMTP server was configured.
 */
@NullMarked
package de.kontor.base.mail;

import org.jspecify.annotations.NullMarked;
