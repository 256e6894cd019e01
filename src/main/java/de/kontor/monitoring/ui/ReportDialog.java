package de.kontor.monitoring.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import de.kontor.base.error.DomainException;
import de.kontor.base.export.ExportFormat;
import de.kontor.monitoring.MonitoringModel.NodeSummary;
import de.kontor.monitoring.MonitoringService;
import de.kontor.monitoring.ReportModel.ReportFile;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Chooses nodes and days for a report and downloads it directly as PDF or CSV; also where an admin opts in
 * to the weekly report by e-mail. The download links are live only while the choice makes a report.
 */
class ReportDialog extends Dialog {

    /** The choice as the download reads it (on the download request's thread). */
    private record Choice(List<Long> nodeIds, Instant from, Instant to, Locale locale) {}

    private final MonitoringService monitoring;
    private final ZoneId zone;
    private final Clock clock;
    private final MultiSelectComboBox<NodeSummary> nodes = new MultiSelectComboBox<>();
    private final DatePicker from = new DatePicker();
    private final DatePicker to = new DatePicker();
    private final Anchor pdf;
    private final Anchor csv;
    private final Anchor xlsx;
    private volatile Choice choice;

    ReportDialog(MonitoringService monitoring, ZoneId zone, Clock clock, Collection<Long> preselected) {
        this.monitoring = monitoring;
        this.zone = zone;
        this.clock = clock;
        setId("report-dialog");
        setHeaderTitle(getTranslation("monitoring.report.dialog"));
        setWidth("36rem");

        List<NodeSummary> all = monitoring.nodes();
        nodes.setId("report-nodes");
        nodes.setLabel(getTranslation("monitoring.report.nodesField"));
        nodes.setItems(all);
        nodes.setItemLabelGenerator(NodeSummary::name);
        nodes.setWidthFull();
        nodes.setValue(all.stream().filter(n -> preselected.contains(n.id())).toList());
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        from.setId("report-from");
        from.setLabel(getTranslation("monitoring.report.from"));
        from.setValue(today.minusDays(6));
        from.setMax(today);
        to.setId("report-to");
        to.setLabel(getTranslation("monitoring.report.to"));
        to.setValue(today);
        to.setMax(today);

        pdf = download(ExportFormat.PDF, "report-pdf", "monitoring.report.pdf");
        csv = download(ExportFormat.CSV, "report-csv", "monitoring.report.csv");
        xlsx = download(ExportFormat.XLSX, "report-xlsx", "monitoring.report.xlsx");
        HorizontalLayout dates = new HorizontalLayout(from, to);
        HorizontalLayout downloads = new HorizontalLayout(pdf, csv, xlsx);
        downloads.setAlignItems(FlexComponent.Alignment.CENTER);

        Checkbox weekly = new Checkbox(getTranslation("monitoring.report.weekly"));
        weekly.setId("report-weekly");
        weekly.setValue(monitoring.weeklyReportSubscribed());
        if (monitoring.weeklyReportAddress().isEmpty()) {
            weekly.setHelperText(getTranslation("monitoring.report.weeklyNoEmail"));
        }
        weekly.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                monitoring.subscribeWeeklyReport(e.getValue());
            }
        });

        VerticalLayout content = new VerticalLayout(nodes, dates, downloads, weekly);
        content.setPadding(false);
        add(content);
        Button close = new Button(getTranslation("monitoring.report.close"), e -> close());
        close.setId("report-close");
        getFooter().add(close);

        nodes.addValueChangeListener(e -> update());
        from.addValueChangeListener(e -> update());
        to.addValueChangeListener(e -> update());
        update();
    }

    private Anchor download(ExportFormat format, String id, String label) {
        Anchor anchor = new Anchor(
                DownloadHandler.fromInputStream(event -> {
                    Choice c = choice;
                    if (c == null) {
                        return DownloadResponse.error(400);
                    }
                    ReportFile file = monitoring.report(c.nodeIds(), c.from(), c.to(), format, c.locale());
                    return new DownloadResponse(
                            new ByteArrayInputStream(file.content()),
                            file.fileName(),
                            file.contentType(),
                            file.content().length);
                }),
                "");
        anchor.setId(id);
        anchor.add(VaadinIcon.DOWNLOAD.create(), new Span(getTranslation(label)));
        anchor.addClassName("kontor-download");
        return anchor;
    }

    /** Checks the choice; the links work only for a valid one, and the fields say what is wrong. */
    void update() {
        LocalDate start = from.getValue();
        LocalDate end = to.getValue();
        boolean datesOk = start != null && end != null && !end.isBefore(start);
        to.setInvalid(!datesOk);
        to.setErrorMessage(datesOk ? null : getTranslation("monitoring.series.rangeEmpty"));
        boolean nodesOk = !nodes.getValue().isEmpty();
        nodes.setInvalid(!nodesOk);
        nodes.setErrorMessage(nodesOk ? null : getTranslation("monitoring.report.nodesRequired"));
        if (datesOk && nodesOk) {
            Instant now = clock.instant();
            Instant endOfDay = end.plusDays(1).atStartOfDay(zone).toInstant();
            Instant until = endOfDay.isAfter(now) ? now : endOfDay;
            Choice next = new Choice(
                    nodes.getValue().stream().map(NodeSummary::id).sorted().toList(),
                    start.atStartOfDay(zone).toInstant(),
                    until,
                    getLocale());
            try {
                monitoring.checkReport(next.nodeIds(), next.from(), next.to());
                choice = next;
                from.setInvalid(false);
            } catch (DomainException e) {
                choice = null;
                boolean onNodes = "nodeIds".equals(e.field());
                (onNodes ? nodes : from).setInvalid(true);
                (onNodes ? nodes : from).setErrorMessage(getTranslation(e.messageKey(), e.args()));
            }
        } else {
            choice = null;
        }
        pdf.setEnabled(choice != null);
        csv.setEnabled(choice != null);
        xlsx.setEnabled(choice != null);
    }

    /** The choice the links would download now, for tests. */
    boolean ready() {
        return choice != null;
    }
}
