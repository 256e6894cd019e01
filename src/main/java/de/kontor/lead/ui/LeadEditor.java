package de.kontor.lead.ui;

import de.kontor.base.CurrentUser;
import de.kontor.lead.LeadModel.Institution;
import de.kontor.lead.LeadModel.Tag;
import de.kontor.lead.LeadService;
import de.kontor.security.UserPicker;
import de.kontor.security.UserService;
import org.jspecify.annotations.Nullable;

import java.util.function.Consumer;

/** Opens the {@link LeadForm} for a new or an existing lead and saves what it hands over. */
final class LeadEditor {

    private LeadEditor() {}

    static LeadForm open(
            LeadService leads, UserService users, @Nullable Institution existing, Consumer<Institution> saved) {
        LeadForm form = new LeadForm(
                existing,
                leads.tags().stream().map(Tag::name).toList(),
                CurrentUser.username().orElse(""),
                new UserPicker(users, ""));
        form.onSave(data -> {
            Institution result =
                    existing == null ? leads.create(data) : leads.update(existing.id(), existing.version(), data);
            saved.accept(result);
        });
        form.open();
        return form;
    }
}
