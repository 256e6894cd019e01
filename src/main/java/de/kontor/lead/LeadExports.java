package de.kontor.lead;

import de.kontor.base.export.ExportColumn;
import de.kontor.lead.LeadModel.LeadRow;

import java.util.List;
import java.util.function.Function;

/** The columns of a lead export, shared by the REST API and the view. */
public final class LeadExports {

    private LeadExports() {}

    public static List<ExportColumn<LeadRow>> columns(Function<String, String> label) {
        return List.of(
                ExportColumn.<LeadRow>of(label.apply("lead.field.name"), LeadRow::name)
                        .withWidth(2.5f),
                ExportColumn.of(
                        label.apply("lead.field.type"),
                        r -> label.apply("lead.type." + r.type().name())),
                ExportColumn.of(label.apply("lead.field.city"), LeadRow::city),
                ExportColumn.of(
                        label.apply("lead.field.status"),
                        r -> label.apply("lead.status." + r.status().name())),
                ExportColumn.of(label.apply("lead.field.source"), LeadRow::source),
                ExportColumn.of(label.apply("lead.field.owner"), LeadRow::owner),
                ExportColumn.of(label.apply("lead.field.tags"), LeadRow::tags),
                ExportColumn.of(label.apply("lead.field.contactName"), LeadRow::primaryContact),
                ExportColumn.of(label.apply("lead.field.contactEmail"), LeadRow::primaryEmail),
                ExportColumn.of(label.apply("lead.field.created"), LeadRow::createdAt));
    }
}
