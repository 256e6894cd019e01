package de.kontor.lead.ui;

import de.kontor.base.CurrentUser;
import de.kontor.base.error.DomainException;
import de.kontor.base.ui.FieldErrors;
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
        form.addSaveListener(e -> {
            try {
                Institution result = existing == null
                        ? leads.create(e.draft())
                        : leads.update(existing.id(), existing.version(), e.draft());
                form.close();
                saved.accept(result);
            } catch (DomainException ex) {
                FieldErrors.show(form, ex, form.fields());
            }
        });
        form.addCancelListener(e -> form.close());
        form.open();
        return form;
    }
}
