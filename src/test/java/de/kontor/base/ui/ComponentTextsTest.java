package de.kontor.base.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.VaadinSession;
import de.kontor.KaribuTest;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class ComponentTextsTest extends KaribuTest {

    @Test
    void datePickersOfAViewSpeakGermanWithMondayFirst() {
        setUpUi(Locale.GERMANY);
        loginAsAdmin();
        navigate("audit");
        MockVaadin.clientRoundtrip(false);

        DatePicker.DatePickerI18n i18n =
                _get(DatePicker.class, s -> s.withId("audit-from")).getI18n();
        assertThat(i18n).as("set without the view doing anything").isNotNull();
        assertThat(i18n.getMonthNames()).startsWith("Januar", "Februar", "März").endsWith("Dezember");
        assertThat(i18n.getWeekdays()).startsWith("Sonntag", "Montag");
        assertThat(i18n.getFirstDayOfWeek()).as("Monday first").isEqualTo(1);
        assertThat(i18n.getToday()).isEqualTo("Heute");
        assertThat(i18n.getCancel()).isEqualTo("Abbrechen");
        assertThat(i18n.getDateFormats()).startsWith("dd.MM.yyyy");
    }

    @Test
    void switchingTheLanguageSwitchesTheDatePicker() {
        loginAsAdmin();
        navigate("audit");
        MockVaadin.clientRoundtrip(false);
        assertThat(_get(DatePicker.class, s -> s.withId("audit-to")).getI18n().getToday())
                .isEqualTo("Today");

        VaadinSession.getCurrent().setLocale(Locale.GERMAN);
        UI.getCurrent().refreshCurrentRoute(true);
        MockVaadin.clientRoundtrip(false);

        DatePicker.DatePickerI18n german =
                _get(DatePicker.class, s -> s.withId("audit-to")).getI18n();
        assertThat(german.getToday()).isEqualTo("Heute");
        assertThat(german.getMonthNames().getFirst()).isEqualTo("Januar");
    }

    @Test
    void theUploadBoxSpeaksGerman() {
        setUpUi(Locale.GERMANY);
        loginAsAdmin();
        navigate("customers/import");
        MockVaadin.clientRoundtrip(false);

        var i18n = _get(Upload.class).getI18n();
        assertThat(i18n.getAddFiles().getOne()).isEqualTo("Datei hochladen …");
        assertThat(i18n.getDropFiles().getOne()).isEqualTo("Datei hierher ziehen");
        assertThat(i18n.getError().getFileIsTooBig()).isEqualTo("Die Datei ist zu groß.");
    }

    @Test
    void confirmDialogsWithoutTextsOfTheirOwnGetKontorsButtons() {
        setUpUi(Locale.GERMANY);
        loginAsAdmin();
        navigate("audit");
        ConfirmDialog own = new ConfirmDialog("Löschen?", "Wirklich?", "Löschen", e -> {});
        ConfirmDialog plain = new ConfirmDialog();
        plain.setCancelable(true);
        UI.getCurrent().add(own, plain);

        ComponentTexts.applyTo(UI.getCurrent());

        assertThat(plain.getElement().getProperty("cancelText")).isEqualTo("Abbrechen");
        assertThat(plain.getElement().getProperty("confirmText")).isEqualTo("OK");
        assertThat(own.getElement().getProperty("confirmText"))
                .as("a view's own text stays")
                .isEqualTo("Löschen");
    }

    @Test
    void aViewsOwnDatePickerTextsStay() {
        loginAsAdmin();
        navigate("audit");
        DatePicker own = new DatePicker();
        own.setI18n(new DatePicker.DatePickerI18n().setToday("Jetzt"));
        UI.getCurrent().add(own);

        ComponentTexts.applyTo(UI.getCurrent());

        assertThat(own.getI18n().getToday()).isEqualTo("Jetzt");
    }
}
