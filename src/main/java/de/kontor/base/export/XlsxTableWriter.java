package de.kontor.base.export;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.jspecify.annotations.Nullable;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** Streaming XLSX (SXSSF): only a window of rows is in memory, the rest goes to compressed temp files. */
final class XlsxTableWriter implements TableWriter {

    private static final int MAX_CELL_TEXT = 32_767;
    private static final int WIDTH_SAMPLE_ROWS = 200;

    private final OutputStream out;
    private final CellText text;
    private final SXSSFWorkbook workbook;
    private final SXSSFSheet sheet;
    private final CellStyle headerStyle;
    private final CellStyle dateTimeStyle;
    private final CellStyle dateStyle;
    private int[] widths = new int[0];
    private int nextRow;

    XlsxTableWriter(OutputStream out, String title, CellText text) {
        this.out = out;
        this.text = text;
        this.workbook = new SXSSFWorkbook(200);
        this.workbook.setCompressTempFiles(true);
        this.sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(title));
        Font bold = workbook.createFont();
        bold.setBold(true);
        this.headerStyle = workbook.createCellStyle();
        headerStyle.setFont(bold);
        var formats = workbook.getCreationHelper().createDataFormat();
        this.dateTimeStyle = workbook.createCellStyle();
        dateTimeStyle.setDataFormat(formats.getFormat(text.german() ? "dd.mm.yyyy hh:mm" : "yyyy-mm-dd hh:mm"));
        this.dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(formats.getFormat(text.german() ? "dd.mm.yyyy" : "yyyy-mm-dd"));
    }

    @Override
    public void header(List<String> headers) {
        Row row = sheet.createRow(nextRow++);
        widths = new int[headers.size()];
        for (int i = 0; i < headers.size(); i++) {
            Cell cell = row.createCell(i);
            cell.setCellValue(headers.get(i));
            cell.setCellStyle(headerStyle);
            widths[i] = headers.get(i).length() + 2;
        }
        sheet.createFreezePane(0, 1);
    }

    @Override
    public void row(List<@Nullable Object> values) {
        Row row = sheet.createRow(nextRow++);
        for (int i = 0; i < values.size(); i++) {
            Object value = values.get(i);
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            LocalDateTime dateTime = text.localDateTime(value);
            if (dateTime != null) {
                cell.setCellValue(dateTime);
                cell.setCellStyle(dateTimeStyle);
                track(i, 16);
            } else if (value instanceof LocalDate date) {
                cell.setCellValue(date);
                cell.setCellStyle(dateStyle);
                track(i, 10);
            } else if (value instanceof Number number && !(value instanceof BigDecimal big && big.precision() > 15)) {
                cell.setCellValue(number.doubleValue());
                track(i, number.toString().length());
            } else if (value instanceof Boolean b) {
                cell.setCellValue(b);
                track(i, 5);
            } else {
                String s = text.format(value);
                cell.setCellValue(s.length() > MAX_CELL_TEXT ? s.substring(0, MAX_CELL_TEXT) : s);
                track(i, s.length());
            }
        }
    }

    private void track(int column, int length) {
        if (nextRow <= WIDTH_SAMPLE_ROWS && column < widths.length) {
            widths[column] = Math.max(widths[column], Math.min(length + 2, 60));
        }
    }

    @Override
    public void finish(long rows) throws IOException {
        for (int i = 0; i < widths.length; i++) {
            sheet.setColumnWidth(i, widths[i] * 256);
        }
        if (widths.length > 0) {
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, nextRow - 1), 0, widths.length - 1));
        }
        workbook.write(out);
        out.flush();
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
