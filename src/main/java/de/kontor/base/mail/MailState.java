package de.kontor.base.mail;

/** Where a mail is on its way out. */
public enum MailState {
    /** Kept, to be sent after the transaction that queued it commits. */
    PENDING,
    /** Being handed to the SMTP server by one node right now. */
    SENDING,
    /** The SMTP server took it. */
    SENT,
    /** The SMTP server refused it or could not be reached; retried until the attempts run out. */
    FAILED,
    /** No SMTP server is configured: kept so an admin can send it once there is one. */
    NO_SMTP
}
