package de.kontor.tally;

import de.kontor.base.error.DomainException;
import de.kontor.base.export.ExportColumn;
import de.kontor.base.export.ExportFormat;
import de.kontor.base.export.ExportRequest;
import de.kontor.base.export.ExportService;
import de.kontor.base.export.RowSource;
import de.kontor.tally.TallyModel.Entry;
import de.kontor.tally.TallyModel.PersonDetails;
import de.kontor.tally.TallyModel.Statement;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Statements of a person's account for a period: the balance before it, the bookings in it with the running
 * balance, the balance after it; as data and as PDF (through the foundation's export writer).
 */
@Component
class Statements {

    private final JdbcClient jdbc;
    private final ExportService exports;
    private final MessageSource messages;
    private final ZoneId zone;

    Statements(JdbcClient jdbc, ExportService exports, MessageSource messages, ZoneId zone) {
        this.jdbc = jdbc;
        this.exports = exports;
        this.messages = messages;
        this.zone = zone;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    Statement of(PersonDetails person, LocalDate from, LocalDate to, String currency) {
        if (to.isBefore(from)) {
            throw DomainException.invalidField("to", "INVALID_PERIOD", "tally.statement.period");
        }
        Timestamp start = Timestamp.from(from.atStartOfDay(zone).toInstant());
        Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant());
        long opening = jdbc.sql("select coalesce(sum(amount), 0) from tally_entry where person_id = ? "
                        + "and reset_id is null and booked_at < ?")
                .params(person.id(), start)
                .query(Long.class)
                .single();
        List<Entry> entries = jdbc.sql(Ledgers.ENTRY_SELECT + "where e.person_id = ? and e.reset_id is null "
                        + "and e.booked_at >= ? and e.booked_at < ? order by e.booked_at, e.id")
                .params(person.id(), start, end)
                .query(Ledgers.ENTRY)
                .list();
        long closing = opening + entries.stream().mapToLong(Entry::amount).sum();
        return new Statement(person, from, to, opening, entries, closing, currency);
    }

    /** One line of the PDF: a booking, or the opening or closing balance. */
    private record Line(
            @Nullable Instant at,
            String text,
            @Nullable Long amount,
            long balance,
            @Nullable String by) {}

    byte[] pdf(Statement st, Locale locale) {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(
                null,
                message("tally.statement.opening", locale, dateText(st.from(), locale)),
                null,
                st.opening(),
                null));
        long running = st.opening();
        for (Entry e : st.entries()) {
            running += e.amount();
            lines.add(new Line(e.bookedAt(), e.description(), e.amount(), running, e.bookedBy()));
        }
        lines.add(new Line(
                null, message("tally.statement.closing", locale, dateText(st.to(), locale)), null, st.closing(), null));
        String title = message(
                "tally.statement.title",
                locale,
                st.person().name(),
                st.person().code(),
                dateText(st.from(), locale),
                dateText(st.to(), locale));
        String currency = " (" + st.currency() + ")";
        ExportRequest<Line> request = new ExportRequest<>(
                title,
                List.of(
                        ExportColumn.<Line>of(message("tally.column.time", locale), Line::at)
                                .withWidth(1.3f),
                        ExportColumn.<Line>of(message("tally.column.description", locale), Line::text)
                                .withWidth(3f),
                        ExportColumn.<Line>of(message("tally.column.amount", locale) + currency, Line::amount),
                        ExportColumn.<Line>of(message("tally.column.balance", locale) + currency, Line::balance),
                        ExportColumn.<Line>of(message("tally.column.bookedBy", locale), Line::by)
                                .withWidth(1.2f)),
                RowSource.of(lines),
                Sort.unsorted(),
                (long) lines.size(),
                locale,
                zone);
        return exports.toBytes(request, ExportFormat.PDF);
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static String dateText(LocalDate date, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(locale)
                .format(date);
    }
}
