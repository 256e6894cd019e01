package de.kontor.base.export;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutor;
import org.springframework.stereotype.Service;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * Exports what a grid shows (its filter and sort, all pages) as XLSX, PDF or CSV. Rows are read page
 * by page and written as they come, so memory use does not grow with the number of rows.
 */
@Service
public class ExportService {

    static final int PAGE_SIZE = 1000;

    private final MessageSource messages;
    private final Clock clock;
    private final Executor executor;

    ExportService(MessageSource messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
        // At most two exports run at once, so a burst of them cannot starve the server (2 cores).
        ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
        pool.setCorePoolSize(2);
        pool.setMaxPoolSize(2);
        pool.setQueueCapacity(50);
        pool.setThreadNamePrefix("export-");
        pool.setDaemon(true);
        pool.initialize();
        this.executor = new DelegatingSecurityContextExecutor(pool);
    }

    /**
     * Runs the export in the background into a temporary file; the caller's security context goes
     * along, so the row source sees what the user may see.
     */
    public <T> CompletableFuture<ExportResult> exportToFile(
            ExportRequest<T> request, ExportFormat format, ExportProgress progress) {
        return CompletableFuture.supplyAsync(
                () -> {
                    Path file = null;
                    try {
                        file = Files.createTempFile("kontor-export-", "." + format.extension());
                        long rows;
                        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024)) {
                            rows = write(request, format, out, progress);
                        }
                        return new ExportResult(file, fileName(request.title(), format), format, rows);
                    } catch (IOException e) {
                        deleteQuietly(file);
                        throw new UncheckedIOException(e);
                    } catch (RuntimeException e) {
                        deleteQuietly(file);
                        throw e;
                    }
                },
                executor);
    }

    private static void deleteQuietly(@Nullable Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a temp file left behind is removed by the OS eventually
            }
        }
    }

    /**
     * Writes the export to {@code out} (which stays open).
     *
     * @return the number of rows written
     * @throws ExportCancelledException when {@code progress} asked to stop
     */
    public <T> long write(ExportRequest<T> request, ExportFormat format, OutputStream out, ExportProgress progress)
            throws IOException {
        CellText text = new CellText(request.locale(), request.zone());
        List<String> headers =
                request.columns().stream().map(ExportColumn::header).toList();
        long written = 0;
        try (TableWriter writer = open(request, format, out, text)) {
            writer.header(headers);
            Pageable page = PageRequest.of(0, PAGE_SIZE, request.sort());
            while (true) {
                Slice<T> slice = request.rows().fetch(page);
                for (T row : slice) {
                    List<@Nullable Object> values =
                            new ArrayList<>(request.columns().size());
                    for (ExportColumn<T> column : request.columns()) {
                        values.add(column.value().apply(row));
                    }
                    writer.row(values);
                    written++;
                }
                if (!progress.update(written, request.expectedRows())) {
                    throw new ExportCancelledException();
                }
                if (!slice.hasNext()) {
                    break;
                }
                page = slice.nextPageable();
            }
            writer.finish(written);
        }
        return written;
    }

    /** A file name like {@code audit-log-2026-11-24.xlsx} for an export. */
    /** The whole export in memory, for small exports attached to a mail or returned at once. */
    public <T> byte[] toBytes(ExportRequest<T> request, ExportFormat format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            write(request, format, out, ExportProgress.NONE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Answers an API request with the export as a download (content type and file name from the format). */
    public <T> void download(ExportRequest<T> request, ExportFormat format, HttpServletResponse response)
            throws IOException {
        response.setContentType(format.contentType());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(fileName(request.title(), format))
                        .build()
                        .toString());
        try (OutputStream out = response.getOutputStream()) {
            write(request, format, out, ExportProgress.NONE);
        }
    }

    public String fileName(String title, ExportFormat format) {
        String stem = Normalizer.normalize(title, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                .replace("ß", "ss")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("(^-+|-+$)", "");
        if (stem.isEmpty()) {
            stem = "export";
        }
        return stem + "-" + LocalDate.now(clock).format(DateTimeFormatter.ISO_LOCAL_DATE) + "." + format.extension();
    }

    private <T> TableWriter open(ExportRequest<T> request, ExportFormat format, OutputStream out, CellText text)
            throws IOException {
        Locale locale = request.locale();
        return switch (format) {
            case CSV -> new CsvTableWriter(out, text);
            case XLSX -> new XlsxTableWriter(out, request.title(), text);
            case PDF -> {
                float[] widths = new float[request.columns().size()];
                for (int i = 0; i < widths.length; i++) {
                    widths[i] = request.columns().get(i).relativeWidth();
                }
                String subtitle =
                        messages.getMessage("export.pdf.created", new Object[] {text.format(clock.instant())}, locale);
                yield new PdfTableWriter(
                        out,
                        request.title(),
                        subtitle,
                        widths,
                        text,
                        page -> messages.getMessage("export.pdf.page", new Object[] {page}, locale));
            }
        };
    }
}
