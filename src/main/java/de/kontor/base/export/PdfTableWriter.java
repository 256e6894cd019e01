package de.kontor.base.export;

import org.jspecify.annotations.Nullable;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfTemplate;
import org.openpdf.text.pdf.PdfWriter;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A PDF table: title and creation date on top, the header row repeated on every page, "page x of y" at
 * the bottom. Rows are flushed to the file in chunks, so long tables don't pile up in memory. The font
 * (Liberation Sans, embedded and subset) covers Latin, Greek and Cyrillic scripts.
 */
final class PdfTableWriter implements TableWriter {

    private static final int FLUSH_EVERY = 200;
    private static final Color HEADER_BACKGROUND = new Color(0xE8, 0xEC, 0xF2);
    private static final Color STRIPE = new Color(0xF7, 0xF8, 0xFA);

    private final Document document;
    private final PdfWriter writer;
    private final CellText text;
    private final Font cellFont;
    private final Font headerFont;
    private final float[] widths;
    private PdfPTable table;
    private int pendingRows;
    private long rowIndex;

    PdfTableWriter(
            OutputStream out,
            String title,
            String subtitle,
            float[] widths,
            CellText text,
            Function<Integer, String> pageLabel) {
        this.text = text;
        this.widths = widths;
        BaseFont regular = font("liberation/LiberationSans-Regular.ttf");
        BaseFont bold = font("liberation/LiberationSans-Bold.ttf");
        this.cellFont = new Font(regular, widths.length > 8 ? 7.5f : 8.5f);
        this.headerFont = new Font(bold, widths.length > 8 ? 7.5f : 8.5f);
        Rectangle size = widths.length > 5 ? PageSize.A4.rotate() : PageSize.A4;
        this.document = new Document(size, 36, 36, 40, 44);
        try {
            this.writer = PdfWriter.getInstance(document, out);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
        writer.setPageEvent(new PageNumbers(regular, pageLabel));
        document.addTitle(title);
        document.addCreator("Kontor");
        document.open();
        Paragraph heading = new Paragraph(title, new Font(bold, 15));
        heading.setSpacingAfter(2);
        document.add(heading);
        Paragraph sub = new Paragraph(subtitle, new Font(regular, 9, Font.NORMAL, Color.GRAY));
        sub.setSpacingAfter(10);
        document.add(sub);
    }

    private static BaseFont font(String resource) {
        try {
            return BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void header(List<String> headers) {
        table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setComplete(false);
        table.setSplitLate(false);
        for (String header : headers) {
            PdfPCell cell = new PdfPCell(new Phrase(header, headerFont));
            cell.setBackgroundColor(HEADER_BACKGROUND);
            cell.setPadding(4);
            cell.setBorderColor(Color.LIGHT_GRAY);
            table.addCell(cell);
        }
    }

    @Override
    public void row(List<@Nullable Object> values) {
        boolean stripe = rowIndex++ % 2 == 1;
        for (Object value : values) {
            PdfPCell cell = new PdfPCell(new Phrase(text.format(value), cellFont));
            cell.setPadding(3);
            cell.setBorderColor(Color.LIGHT_GRAY);
            if (value instanceof Number) {
                cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
            }
            if (stripe) {
                cell.setBackgroundColor(STRIPE);
            }
            table.addCell(cell);
        }
        if (++pendingRows >= FLUSH_EVERY) {
            document.add(table);
            pendingRows = 0;
        }
    }

    @Override
    public void finish(long rows) {
        table.setComplete(true);
        document.add(table);
        document.close();
    }

    @Override
    public void close() {
        if (document.isOpen()) {
            document.close();
        }
    }

    /** Writes "page x of y" on every page; y is filled in through a template when the document closes. */
    private static final class PageNumbers extends PdfPageEventHelper {
        private final BaseFont font;
        private final Function<Integer, String> label;
        private final List<PdfTemplate> totals = new ArrayList<>();

        PageNumbers(BaseFont font, Function<Integer, String> label) {
            this.font = font;
            this.label = label;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte canvas = writer.getDirectContent();
            // "page x of" is known now; y is a template filled in when the document closes.
            String prefix = label.apply(writer.getPageNumber()) + " ";
            float size = 8;
            float prefixWidth = font.getWidthPoint(prefix, size);
            float x = document.right() - prefixWidth - 24;
            float y = document.bottom() - 24;
            canvas.beginText();
            canvas.setFontAndSize(font, size);
            canvas.setColorFill(Color.GRAY);
            canvas.setTextMatrix(x, y);
            canvas.showText(prefix);
            canvas.endText();
            PdfTemplate total = canvas.createTemplate(24, 12);
            canvas.addTemplate(total, x + prefixWidth, y);
            totals.add(total);
        }

        @Override
        public void onCloseDocument(PdfWriter writer, Document document) {
            String pages = Integer.toString(writer.getPageNumber() - 1);
            for (PdfTemplate total : totals) {
                total.beginText();
                total.setFontAndSize(font, 8);
                total.setColorFill(Color.GRAY);
                total.setTextMatrix(0, 0);
                total.showText(pages);
                total.endText();
            }
        }
    }
}
