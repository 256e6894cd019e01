package de.kontor.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.dom.Element;
import de.kontor.base.i18n.KontorI18NProvider;

import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Vaadin's own texts in the user's language: the date picker's month and weekday names, first day of the
 * week (Monday), "Today"/"Cancel" and date format; the upload's buttons and errors; the login form; the
 * buttons of confirmation dialogs. Combo boxes also learn that Enter picks the first match of what was
 * typed (instead of discarding the text or turning it into a new value).
 *
 * <p>Views do nothing for this: {@link UiInitializer} applies it to the whole page after every navigation
 * and after every request from the browser ({@link LocalizingUidlRequestHandler}), so a date picker in a
 * dialog opened later is covered as well. Components that a view localized itself (its own
 * {@code setI18n}) keep their texts.
 */
public final class ComponentTexts {

    /** Marks a component with the language it was localized for. */
    private static final String APPLIED = ComponentTexts.class.getName();

    private static final String APPLIED_TO_UI = ComponentTexts.class.getName() + ".pending";

    private ComponentTexts() {}

    /** Localizes every component of the page before the next response goes to the browser. */
    static void scheduleFor(UI ui) {
        if (ComponentUtil.getData(ui, APPLIED_TO_UI) != null) {
            return;
        }
        ComponentUtil.setData(ui, APPLIED_TO_UI, Boolean.TRUE);
        ui.beforeClientResponse(ui, context -> {
            ComponentUtil.setData(ui, APPLIED_TO_UI, null);
            applyTo(ui);
        });
    }

    /** Localizes {@code root} and everything inside it for the UI's language. */
    public static void applyTo(Component root) {
        Locale locale =
                KontorI18NProvider.supported(root.getUI().map(UI::getLocale).orElse(Locale.ENGLISH));
        walk(root, locale);
    }

    private static void walk(Component component, Locale locale) {
        localize(component, locale);
        component.getChildren().forEach(child -> walk(child, locale));
    }

    private static void localize(Component component, Locale locale) {
        Object applied = ComponentUtil.getData(component, APPLIED);
        if (locale.equals(applied)) {
            return;
        }
        switch (component) {
            case DatePicker picker
            when applied != null || picker.getI18n() == null -> {
                picker.setI18n(datePicker(component, locale));
            }
            case DateTimePicker picker
            when applied != null || picker.getDatePickerI18n() == null -> {
                picker.setDatePickerI18n(datePicker(component, locale));
                picker.setI18n(new DateTimePicker.DateTimePickerI18n()
                        .setDateLabel(component.getTranslation(locale, "component.dateTime.date"))
                        .setTimeLabel(component.getTranslation(locale, "component.dateTime.time"))
                        .setBadInputErrorMessage(component.getTranslation(locale, "component.date.badInput"))
                        .setIncompleteInputErrorMessage(
                                component.getTranslation(locale, "component.dateTime.incomplete")));
            }
            case Upload upload
            when applied != null || upload.getI18n() == null -> upload.setI18n(upload(component, locale));
            case ConfirmDialog dialog -> confirmButtons(dialog, locale);
            case ComboBox<?> box when !box.isAllowCustomValue() -> enterPicksFirstMatch(box.getElement());
            case MultiSelectComboBox<?> box when !box.isAllowCustomValue() -> enterPicksFirstMatch(box.getElement());
            default -> {
                return;
            }
        }
        ComponentUtil.setData(component, APPLIED, locale);
    }

    /** The date picker's texts: names from Java's locale data, buttons and errors from the bundles. */
    public static DatePicker.DatePickerI18n datePicker(Component context, Locale language) {
        Locale locale = KontorI18NProvider.supported(language);
        List<String> months = Arrays.stream(Month.values())
                .map(m -> m.getDisplayName(TextStyle.FULL_STANDALONE, locale))
                .toList();
        // Java counts from Monday, the date picker from Sunday.
        List<DayOfWeek> fromSunday = new ArrayList<>(List.of(DayOfWeek.values()));
        fromSunday.addFirst(fromSunday.removeLast());
        List<String> weekdays = fromSunday.stream()
                .map(d -> d.getDisplayName(TextStyle.FULL_STANDALONE, locale))
                .toList();
        List<String> weekdaysShort = fromSunday.stream()
                .map(d -> d.getDisplayName(TextStyle.SHORT_STANDALONE, locale).replace(".", ""))
                .toList();
        DatePicker.DatePickerI18n i18n = new DatePicker.DatePickerI18n()
                .setMonthNames(months)
                .setWeekdays(weekdays)
                .setWeekdaysShort(weekdaysShort)
                .setFirstDayOfWeek(1)
                .setToday(context.getTranslation(locale, "component.date.today"))
                .setCancel(context.getTranslation(locale, "action.cancel"))
                .setBadInputErrorMessage(context.getTranslation(locale, "component.date.badInput"))
                .setMinErrorMessage(context.getTranslation(locale, "component.date.tooEarly"))
                .setMaxErrorMessage(context.getTranslation(locale, "component.date.tooLate"));
        // The first format is how dates are shown (as in grids: Formats.date); all are accepted when typed.
        if (KontorI18NProvider.GERMAN.equals(locale)) {
            i18n.setDateFormats("dd.MM.yyyy", "d.M.yyyy", "d.M.yy", "yyyy-MM-dd");
        } else {
            i18n.setDateFormats("MMM d, yyyy", "yyyy-MM-dd", "d.M.yyyy", "M/d/yyyy");
        }
        return i18n;
    }

    public static UploadI18N upload(Component context, Locale language) {
        Locale locale = KontorI18NProvider.supported(language);
        UploadI18N i18n = new UploadI18N();
        i18n.setDropFiles(new UploadI18N.DropFiles()
                .setOne(context.getTranslation(locale, "component.upload.drop.one"))
                .setMany(context.getTranslation(locale, "component.upload.drop.many")));
        i18n.setAddFiles(new UploadI18N.AddFiles()
                .setOne(context.getTranslation(locale, "component.upload.add.one"))
                .setMany(context.getTranslation(locale, "component.upload.add.many")));
        i18n.setFile(new UploadI18N.File()
                .setRetry(context.getTranslation(locale, "component.upload.retry"))
                .setStart(context.getTranslation(locale, "component.upload.start"))
                .setRemove(context.getTranslation(locale, "component.upload.remove")));
        i18n.setError(new UploadI18N.Error()
                .setTooManyFiles(context.getTranslation(locale, "component.upload.tooManyFiles"))
                .setFileIsTooBig(context.getTranslation(locale, "component.upload.tooBig"))
                .setIncorrectFileType(context.getTranslation(locale, "component.upload.wrongType")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status()
                        .setConnecting(context.getTranslation(locale, "component.upload.connecting"))
                        .setStalled(context.getTranslation(locale, "component.upload.stalled"))
                        .setProcessing(context.getTranslation(locale, "component.upload.processing"))
                        .setHeld(context.getTranslation(locale, "component.upload.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                        .setPrefix(context.getTranslation(locale, "component.upload.remaining"))
                        .setUnknown(context.getTranslation(locale, "component.upload.remainingUnknown")))
                .setError(new UploadI18N.Uploading.Error()
                        .setServerUnavailable(context.getTranslation(locale, "component.upload.serverUnavailable"))
                        .setUnexpectedServerError(context.getTranslation(locale, "component.upload.serverError"))
                        .setForbidden(context.getTranslation(locale, "component.upload.forbidden"))
                        .setFileTooLarge(context.getTranslation(locale, "component.upload.tooBig"))));
        i18n.setUnits(List.of("B", "kB", "MB", "GB", "TB"), 1000);
        return i18n;
    }

    /** The login form's texts; the view adds the error it has to show. */
    public static LoginI18n login(Component context, Locale language) {
        Locale locale = KontorI18NProvider.supported(language);
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form form = i18n.getForm();
        form.setTitle(context.getTranslation(locale, "login.title"));
        form.setUsername(context.getTranslation(locale, "login.username"));
        form.setPassword(context.getTranslation(locale, "login.password"));
        form.setSubmit(context.getTranslation(locale, "login.submit"));
        form.setForgotPassword(context.getTranslation(locale, "login.forgotPassword"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(context.getTranslation(locale, "login.error.title"));
        error.setMessage(context.getTranslation(locale, "login.error.credentials"));
        error.setUsername(context.getTranslation(locale, "login.error.usernameMissing"));
        error.setPassword(context.getTranslation(locale, "login.error.passwordMissing"));
        i18n.setAdditionalInformation(null);
        return i18n;
    }

    /** Buttons a view left at Vaadin's English defaults get Kontor's words. */
    private static void confirmButtons(ConfirmDialog dialog, Locale locale) {
        Element element = dialog.getElement();
        if (!element.hasProperty("cancelText")) {
            dialog.setCancelText(dialog.getTranslation(locale, "action.cancel"));
        }
        if (!element.hasProperty("confirmText")) {
            dialog.setConfirmText(dialog.getTranslation(locale, "action.ok"));
        }
        if (!element.hasProperty("rejectText")) {
            dialog.setRejectText(dialog.getTranslation(locale, "action.reject"));
        }
    }

    /**
     * Typing "Indus" and pressing Enter picks "Industrie", the first item the filter shows: the browser's
     * combo box only highlights an item whose label equals the typed text, so Enter would otherwise drop
     * the text (or, where new values are allowed, create "Indus").
     */
    static void enterPicksFirstMatch(Element comboBox) {
        comboBox.executeJs("""
                const box = this;
                if (box.__kontorFirstMatch || typeof box._setDropdownItems !== 'function') return;
                box.__kontorFirstMatch = true;
                const original = box._setDropdownItems.bind(box);
                box._setDropdownItems = (items) => {
                  original(items);
                  if (box.filter && box._focusedIndex < 0 && items && items.length > 0
                      && box._getItemLabel(items[0])) {
                    box._focusedIndex = 0;
                  }
                };
                """);
    }
}
