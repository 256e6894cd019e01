package de.kontor.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.shared.Registration;
import de.kontor.base.error.DomainException;

import java.util.Map;

/**
 * The shape every editor dialog shares: fields bound to a bean by property name, so the bean's Jakarta
 * constraints check each field as the user types; Save enabled only while everything is valid and
 * something changed; Save hands a typed {@link SaveEvent} to the view (which calls the service), Cancel
 * fires a {@link CancelEvent} and closes. A subclass builds its fields, binds them with {@link #binder},
 * reads the bean it edits, and says how a written bean becomes what the event carries.
 *
 * @param <B> the bean the fields are bound to
 * @param <D> what a save hands over (often the bean itself, or a record made from it)
 */
public abstract class EditorDialog<B, D> extends Dialog {

    /** The user saved valid fields; {@link #data()} is what they entered. */
    public static final class SaveEvent<D> extends ComponentEvent<EditorDialog<?, D>> {
        private final D data;

        SaveEvent(EditorDialog<?, D> source, D data) {
            super(source, false);
            this.data = data;
        }

        public D data() {
            return data;
        }
    }

    /** The user cancelled; the dialog closes itself after telling its listeners. */
    public static final class CancelEvent extends ComponentEvent<EditorDialog<?, ?>> {
        CancelEvent(EditorDialog<?, ?> source) {
            super(source, false);
        }
    }

    /** Saves what the user entered; a business rule's refusal is shown on its field. */
    @FunctionalInterface
    public interface SaveAction<D> {
        void save(D data);
    }

    protected final BeanValidationBinder<B> binder;
    public final Button save = new Button();
    public final Button cancel = new Button();

    /**
     * @param beanType the bean the fields are bound to by property name
     * @param idPrefix the buttons get the ids {@code <prefix>-save} and {@code <prefix>-cancel}
     */
    protected EditorDialog(Class<B> beanType, String idPrefix) {
        binder = new BeanValidationBinder<>(beanType);
        setCloseOnOutsideClick(false);
        save.setText(getTranslation("action.save"));
        save.setId(idPrefix + "-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setEnabled(false);
        save.addClickListener(e -> save());
        binder.addStatusChangeListener(e -> save.setEnabled(binder.isValid() && binder.hasChanges()));
        cancel.setText(getTranslation("action.cancel"));
        cancel.setId(idPrefix + "-cancel");
        cancel.addClickListener(e -> {
            fireEvent(new CancelEvent(this));
            close();
        });
    }

    /** Puts Cancel and Save in the footer, after the given extra buttons. */
    protected void addFooterButtons(Component... before) {
        getFooter().add(before);
        getFooter().add(cancel, save);
    }

    /** An empty bean the fields are written into on save. */
    protected abstract B newBean();

    /** What the save event carries, made from the bean the fields were just written into. */
    protected abstract D toData(B bean);

    /** The fields by the property names a service names in its field errors. */
    public abstract Map<String, ? extends HasValidation> fields();

    /** Writes the fields into a new bean, as a save would; the fields show what is wrong if they cannot. */
    protected B writtenBean() throws ValidationException {
        B bean = newBean();
        binder.writeBean(bean);
        return bean;
    }

    private void save() {
        try {
            fireEvent(new SaveEvent<>(this, toData(writtenBean())));
        } catch (ValidationException e) {
            // the fields show what is wrong
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public Registration addSaveListener(ComponentEventListener<SaveEvent<D>> listener) {
        return addListener((Class) SaveEvent.class, (ComponentEventListener) listener);
    }

    public Registration addCancelListener(ComponentEventListener<CancelEvent> listener) {
        return addListener(CancelEvent.class, listener);
    }

    /**
     * Saves with the given action when the user saves: the dialog closes when it succeeds; a business
     * rule's refusal is shown on the field it concerns (or as a notification) and the dialog stays open.
     */
    public Registration onSave(SaveAction<D> action) {
        return addSaveListener(e -> {
            try {
                action.save(e.data());
                close();
            } catch (DomainException ex) {
                FieldErrors.show(this, ex, fields());
            }
        });
    }
}
