package de.kontor.base.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.server.streams.DownloadHandler;
import de.kontor.base.export.ExportCancelledException;
import de.kontor.base.export.ExportFormat;
import de.kontor.base.export.ExportRequest;
import de.kontor.base.export.ExportResult;
import de.kontor.base.export.ExportService;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Shows a running export: rows written (of how many), cancel. When the file is ready the browser
 * downloads it at once (the link stays for a second copy or a browser that blocked it). The temporary
 * file is deleted when the dialog closes.
 */
public class ExportDialog extends Dialog {

    private static final Logger log = LoggerFactory.getLogger(ExportDialog.class);

    private final ProgressBar bar = new ProgressBar();
    private final Span status = new Span();
    private final Button cancel = new Button();
    private final AtomicBoolean cancelled = new AtomicBoolean();
    /** Completes once the dialog's own update for the finished export is queued on the UI. */
    private final CompletableFuture<ExportResult> updateQueued;

    private @Nullable ExportResult result;
    private boolean downloadStarted;

    ExportDialog(ExportService exports, ExportRequest<?> request, ExportFormat format) {
        setId("export-dialog");
        setHeaderTitle(getTranslation("export.dialog.title", request.title()));
        setCloseOnOutsideClick(false);
        setWidth("28rem");
        bar.setIndeterminate(request.expectedRows() == null);
        status.setId("export-status");
        status.setText(getTranslation("export.dialog.starting"));
        add(bar, status);
        cancel.setText(getTranslation("action.cancel"));
        cancel.setId("export-cancel");
        cancel.addClickListener(e -> {
            cancelled.set(true);
            close();
        });
        getFooter().add(cancel);
        addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                cancelled.set(true);
                deleteFile();
            }
        });
        // Also when the page goes away without closing the dialog (navigation, session end).
        addDetachListener(e -> {
            cancelled.set(true);
            deleteFile();
        });

        UI ui = UI.getCurrent();
        CompletableFuture<ExportResult> future = exports.exportToFile(request, format, (written, expected) -> {
            ui.access(() -> showProgress(written, expected));
            return !cancelled.get();
        });
        updateQueued = future.whenComplete((done, error) -> ui.access(() -> finished(done, error)));
    }

    private void showProgress(long written, @Nullable Long expected) {
        if (expected != null && expected > 0) {
            bar.setIndeterminate(false);
            bar.setValue(Math.min(1.0, (double) written / expected));
            status.setText(getTranslation("export.dialog.progressOf", written, expected));
        } else {
            status.setText(getTranslation("export.dialog.progress", written));
        }
    }

    private void finished(@Nullable ExportResult done, @Nullable Throwable error) {
        if (error != null) {
            Throwable cause =
                    error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (cause instanceof ExportCancelledException) {
                return;
            }
            log.error("Export failed", cause);
            bar.setVisible(false);
            status.setText(getTranslation("export.dialog.failed"));
            cancel.setText(getTranslation("action.close"));
            return;
        }
        if (done == null) {
            return;
        }
        if (!isOpened()) {
            result = done;
            deleteFile();
            return;
        }
        result = done;
        bar.setIndeterminate(false);
        bar.setValue(1);
        status.setText(getTranslation("export.dialog.done", done.rows()));
        Anchor download = new Anchor(
                DownloadHandler.forFile(done.file().toFile(), done.fileName()),
                AttachmentType.DOWNLOAD,
                getTranslation("export.dialog.download", done.fileName()));
        download.setId("export-download");
        download.addClassName("kontor-download");
        add(download);
        // A click on the link, as if the user made it, once the browser knows the link's address.
        download.getElement().executeJs("this.click()");
        downloadStarted = true;
        cancel.setText(getTranslation("action.close"));
        cancel.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
    }

    /** Whether the finished file was handed to the browser to download. */
    public boolean downloadStarted() {
        return downloadStarted;
    }

    /**
     * The finished export, once there is one and the dialog's update for it is queued on the UI
     * (tests wait for this, then run the UI queue, then find the download link).
     */
    public CompletableFuture<ExportResult> result() {
        return updateQueued;
    }

    private void deleteFile() {
        if (result != null) {
            try {
                Files.deleteIfExists(result.file());
            } catch (IOException e) {
                log.debug("Could not delete {}", result.file(), e);
            }
        }
    }
}
