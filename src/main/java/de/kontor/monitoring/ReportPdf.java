package de.kontor.monitoring;

import de.kontor.base.ui.SvgCharts;
import de.kontor.monitoring.MonitoringModel.Point;
import de.kontor.monitoring.MonitoringModel.Series;
import de.kontor.monitoring.ReportModel.MetricStats;
import de.kontor.monitoring.ReportModel.NodeStats;
import org.jspecify.annotations.Nullable;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.Image;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.context.MessageSource;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A report as PDF: the period and nodes, one chart per headline metric with a line per node (drawn as
 * PDF vector paths, so it stays sharp when zoomed or printed), then a table of avg / p95 / max per node
 * and metric. Line colours are the dashboard's.
 */
final class ReportPdf {

    private static final Color GRID = new Color(0xDD, 0xE1, 0xE6);
    private static final Color MUTED = new Color(0x5F, 0x6B, 0x7A);
    private static final Color HEADER_BACKGROUND = new Color(0xE8, 0xEC, 0xF2);
    private static final float CHART_WIDTH = 523;
    private static final float CHART_HEIGHT = 150;

    private final MessageSource messages;
    private final Locale locale;
    private final ZoneId zone;
    private final BaseFont regular = font("liberation/LiberationSans-Regular.ttf");
    private final BaseFont bold = font("liberation/LiberationSans-Bold.ttf");

    ReportPdf(MessageSource messages, Locale locale, ZoneId zone) {
        this.messages = messages;
        this.locale = locale;
        this.zone = zone;
    }

    byte[] render(
            Instant from, Instant to, Instant created, List<NodeStats> stats, Map<String, Map<String, Series>> series) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 36, 36, 40, 40);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            String title = text("monitoring.report.title");
            document.addTitle(title);
            document.addCreator("Kontor");
            document.open();
            document.add(new Paragraph(title, new Font(bold, 16)));
            DateTimeFormatter time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                    .withLocale(locale)
                    .withZone(zone);
            Font small = new Font(regular, 9, Font.NORMAL, MUTED);
            document.add(new Paragraph(
                    text("monitoring.report.period", time.format(from), time.format(to), zone.getId()), small));
            document.add(new Paragraph(text("monitoring.report.created", time.format(created)), small));
            Paragraph nodes = new Paragraph(
                    text("monitoring.report.nodes", String.join(", ", series.keySet())), new Font(regular, 10));
            nodes.setSpacingAfter(8);
            document.add(nodes);

            for (String metric : ReportModel.HEADLINE_METRICS) {
                // heading and chart in one unbreakable table, so a page never ends with a lone heading
                PdfPTable block = new PdfPTable(1);
                block.setWidthPercentage(100);
                block.setKeepTogether(true);
                block.setSpacingBefore(6);
                PdfPCell heading =
                        new PdfPCell(new Phrase(text("monitoring.report.metric." + metric), new Font(bold, 11)));
                heading.setBorder(Rectangle.NO_BORDER);
                heading.setPaddingBottom(4);
                block.addCell(heading);
                PdfPCell chart = new PdfPCell(
                        Image.getInstance(chart(writer.getDirectContent(), metric, from, to, series)), false);
                chart.setBorder(Rectangle.NO_BORDER);
                block.addCell(chart);
                document.add(block);
            }

            document.newPage();
            Paragraph tableTitle = new Paragraph(text("monitoring.report.statsTitle"), new Font(bold, 12));
            tableTitle.setSpacingAfter(6);
            document.add(tableTitle);
            document.add(table(stats));
            document.add(new Paragraph(text("monitoring.report.statsNote"), small));
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    private PdfTemplate chart(
            PdfContentByte canvas, String metric, Instant from, Instant to, Map<String, Map<String, Series>> series) {
        float width = CHART_WIDTH;
        int lines = series.size();
        int legendRows = lines > 1 ? (lines + 3) / 4 : 0;
        float height = CHART_HEIGHT + legendRows * 12;
        PdfTemplate t = canvas.createTemplate(width, height);
        float left = 56;
        float bottom = 18 + legendRows * 12;
        float top = 6;
        float plotWidth = width - left - 6;
        float plotHeight = height - bottom - top;
        double max = series.values().stream()
                .map(m -> m.get(metric))
                .filter(s -> s != null)
                .flatMap(s -> s.points().stream())
                .mapToDouble(Point::value)
                .max()
                .orElse(0);
        double scaleMax = ReportModel.percent(metric) ? 100 : SvgCharts.niceMax(max);
        boolean empty = series.values().stream()
                .map(m -> m.get(metric))
                .allMatch(s -> s == null || s.points().isEmpty());

        t.setLineWidth(0.5f);
        for (int i = 0; i <= 4; i++) {
            float y = bottom + plotHeight * i / 4f;
            t.setColorStroke(GRID);
            t.moveTo(left, y);
            t.lineTo(left + plotWidth, y);
            t.stroke();
            if (!empty) {
                double value = scaleMax * i / 4;
                label(
                        t,
                        ReportModel.percent(metric)
                                ? Math.round(value) + " %"
                                : ReportModel.format(metric, value, locale),
                        left - 4,
                        y - 2.5f,
                        Element.ALIGN_RIGHT);
            }
        }
        if (empty) {
            label(
                    t,
                    text("monitoring.report.noData"),
                    left + plotWidth / 2,
                    bottom + plotHeight / 2,
                    Element.ALIGN_CENTER);
        }
        double start = from.getEpochSecond();
        double span = Math.max(1, to.getEpochSecond() - start);
        DateTimeFormatter axis = DateTimeFormatter.ofPattern(
                        Duration.between(from, to).toHours() > 36 ? "dd.MM. HH:mm" : "HH:mm", locale)
                .withZone(zone);
        for (int i = 0; i <= 4; i++) {
            Instant at = Instant.ofEpochSecond((long) (start + span * i / 4));
            int align = i == 0 ? Element.ALIGN_LEFT : i == 4 ? Element.ALIGN_RIGHT : Element.ALIGN_CENTER;
            label(t, axis.format(at), left + plotWidth * i / 4f, bottom - 10, align);
        }

        int index = 0;
        List<String> names = new ArrayList<>(series.keySet());
        for (String name : names) {
            Series s = series.get(name).get(metric);
            Color colour = Color.decode(SvgCharts.PALETTE.get(index % SvgCharts.PALETTE.size()));
            if (s != null && !s.points().isEmpty()) {
                t.setColorStroke(colour);
                t.setLineWidth(1f);
                double gap = gap(s.points());
                @Nullable Point previous = null;
                for (Point p : s.points()) {
                    float x = (float) (left + (p.at() - start) / span * plotWidth);
                    float y = (float) (bottom + Math.min(1, Math.max(0, p.value() / scaleMax)) * plotHeight);
                    if (previous == null || p.at() - previous.at() > gap) {
                        if (previous != null) {
                            t.stroke();
                        }
                        t.moveTo(x, y);
                    } else {
                        t.lineTo(x, y);
                    }
                    previous = p;
                }
                t.stroke();
            }
            if (legendRows > 0) {
                float x = left + (index % 4) * (plotWidth / 4);
                float y = 4 + (legendRows - 1 - index / 4) * 12;
                t.setColorFill(colour);
                t.rectangle(x, y + 1, 10, 3);
                t.fill();
                t.setColorFill(Color.BLACK);
                label(t, name, x + 14, y, Element.ALIGN_LEFT);
            }
            index++;
        }
        return t;
    }

    private void label(PdfTemplate t, String text, float x, float y, int align) {
        t.beginText();
        t.setFontAndSize(regular, 7);
        t.setColorFill(MUTED);
        t.showTextAligned(align, text, x, y, 0);
        t.endText();
    }

    private PdfPTable table(List<NodeStats> stats) {
        PdfPTable table = new PdfPTable(new float[] {3, 3, 2, 2, 2});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        Font header = new Font(bold, 9);
        Font cell = new Font(regular, 9);
        for (String key : List.of("node", "metric", "avg", "p95", "max")) {
            PdfPCell c = new PdfPCell(new Phrase(text("monitoring.report.column." + key), header));
            c.setBackgroundColor(HEADER_BACKGROUND);
            c.setPadding(4);
            if (!key.equals("node") && !key.equals("metric")) {
                c.setHorizontalAlignment(Element.ALIGN_RIGHT);
            }
            table.addCell(c);
        }
        for (NodeStats node : stats) {
            boolean first = true;
            for (MetricStats m : node.metrics()) {
                table.addCell(cell(first ? node.name() : "", cell, Element.ALIGN_LEFT));
                table.addCell(cell(text("monitoring.report.metric." + m.metric()), cell, Element.ALIGN_LEFT));
                table.addCell(cell(ReportModel.format(m.metric(), m.avg(), locale), cell, Element.ALIGN_RIGHT));
                table.addCell(cell(ReportModel.format(m.metric(), m.p95(), locale), cell, Element.ALIGN_RIGHT));
                table.addCell(cell(ReportModel.format(m.metric(), m.max(), locale), cell, Element.ALIGN_RIGHT));
                first = false;
            }
        }
        return table;
    }

    private static PdfPCell cell(String text, Font font, int align) {
        PdfPCell c = new PdfPCell(new Phrase(text, font));
        c.setPadding(3);
        c.setHorizontalAlignment(align);
        c.setBorderColor(GRID);
        return c;
    }

    /** Five times the median spacing: a longer pause between two points is drawn as a gap. */
    private static double gap(List<Point> points) {
        if (points.size() < 3) {
            return Double.MAX_VALUE;
        }
        long[] deltas = new long[points.size() - 1];
        for (int i = 1; i < points.size(); i++) {
            deltas[i - 1] = points.get(i).at() - points.get(i - 1).at();
        }
        Arrays.sort(deltas);
        return Math.max(1, deltas[deltas.length / 2]) * 5.0;
    }

    private String text(String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private static BaseFont font(String resource) {
        try {
            return BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
