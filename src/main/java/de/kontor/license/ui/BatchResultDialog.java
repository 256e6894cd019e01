package de.kontor.license.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import de.kontor.base.export.ExportColumn;
import de.kontor.base.export.ExportService;
import de.kontor.base.export.RowSource;
import de.kontor.base.i18n.KontorI18NProvider;
import de.kontor.base.ui.ExportMenu;
import de.kontor.base.ui.Formats;
import de.kontor.base.ui.Grids;
import de.kontor.license.License;
import org.springframework.data.domain.Sort;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/** The keys of a batch of new licenses, to read and to download (the only time they are listed together). */
class BatchResultDialog extends Dialog {

    BatchResultDialog(
            List<License> created, LicenseLabels labels, ExportService exports, KontorI18NProvider i18n, ZoneId zone) {
        setId("license-batch-result");
        setHeaderTitle(getTranslation("license.batch.done", created.size()));
        setWidth("min(40rem, 96vw)");
        Grid<License> keys = new Grid<>();
        keys.setId("license-batch-keys");
        Grids.name(keys.addColumn(License::getKey), "16rem")
                .setHeader(getTranslation("license.key"))
                .setPartNameGenerator(l -> "kontor-mono");
        Grids.key(keys.addColumn(l -> Formats.date(l.getValidUntil()))).setHeader(getTranslation("license.validUntil"));
        keys.setItems(created);
        Grids.counted(keys, getTranslation("license.batch.empty"));
        keys.setHeight("16rem");
        Locale locale = getLocale();
        List<ExportColumn<License>> columns = List.of(
                ExportColumn.<License>of(i18n.getTranslation("license.key", locale), License::getKey),
                ExportColumn.<License>of(
                        i18n.getTranslation("license.product", locale), l -> labels.product(l.getProductId())),
                ExportColumn.<License>of(
                        i18n.getTranslation("license.customer", locale), l -> labels.customer(l.getCustomerId())),
                ExportColumn.<License>of(i18n.getTranslation("license.validFrom", locale), License::getValidFrom),
                ExportColumn.<License>of(i18n.getTranslation("license.validUntil", locale), License::getValidUntil),
                ExportColumn.<License>of(
                        i18n.getTranslation("license.maxActivations", locale), License::getMaxActivations));
        ExportMenu<License> download = new ExportMenu<>(
                exports,
                zone,
                () -> getTranslation("license.batch.exportTitle"),
                columns,
                () -> RowSource.of(created),
                Sort::unsorted,
                () -> (long) created.size());
        download.setId("license-batch-export");
        add(new Paragraph(getTranslation("license.batch.info")), keys, download);
        getFooter().add(new Button(getTranslation("action.close"), e -> close()));
    }
}
