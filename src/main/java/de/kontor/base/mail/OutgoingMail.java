package de.kontor.base.mail;

/**
 * A plain-text mail to one recipient.
 *
 * @param module the module that sends it ({@code tally}, {@code printer}, {@code monitoring}, ...), for the
 *     outbox view's filter
 * @param kind what it is within the module ({@code BOOKING}, {@code OVERRUN}, ...), shown translated as
 *     {@code mail.kind.<module>.<kind>} where that text exists
 */
public record OutgoingMail(String module, String kind, String to, String subject, String body) {

    /** Longest subject the outbox keeps; longer ones are cut. */
    public static final int MAX_SUBJECT = 255;

    public OutgoingMail {
        subject = subject.length() > MAX_SUBJECT ? subject.substring(0, MAX_SUBJECT) : subject;
    }
}
