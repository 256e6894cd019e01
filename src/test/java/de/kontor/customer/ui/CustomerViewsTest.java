package de.kontor.customer.ui;

import com.github.mvysny.kaributesting.v10.DownloadKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.UploadKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import de.kontor.KaribuTest;
import de.kontor.TestCustomerAttachments;
import de.kontor.base.export.ExportFormat;
import de.kontor.base.importing.Verdict;
import de.kontor.base.ui.ExportMenu;
import de.kontor.base.ui.ImportWizard;
import de.kontor.customer.Customer;
import de.kontor.customer.CustomerData;
import de.kontor.customer.CustomerImport;
import de.kontor.customer.CustomerQuery;
import de.kontor.customer.CustomerService;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm;
import static org.assertj.core.api.Assertions.assertThat;

class CustomerViewsTest extends KaribuTest {

    @Autowired
    CustomerService customers;

    @BeforeEach
    void signIn() {
        loginAsAdmin();
    }

    @Test
    void createsACustomerThroughTheForm() {
        String name = unique("Bäckerei Öztürk");
        UI.getCurrent().navigate("customers");

        _click(_get(Button.class, s -> s.withId("customers-new")));
        Button save = _get(Button.class, s -> s.withId("customer-save"));
        assertThat(save.isEnabled()).isFalse();
        type(_get(TextField.class, s -> s.withId("customer-name")), name);
        type(_get(EmailField.class, s -> s.withId("customer-email")), "hallo@oeztuerk.example");
        type(_get(TextField.class, s -> s.withId("customer-city")), "Köln");
        _click(save);

        H2 title = _get(H2.class, s -> s.withId("customer-title"));
        Customer created = customers
                .find(CustomerQuery.active(name), PageRequest.of(0, 1))
                .getContent()
                .getFirst();
        assertThat(title.getText()).isEqualTo(created.getNumber() + " · " + name);
        assertThat(created.getCity()).isEqualTo("Köln");
    }

    @Test
    void invalidFieldsShowTheirMessageAndBlockSaving() {
        UI.getCurrent().navigate("customers");
        _click(_get(Button.class, s -> s.withId("customers-new")));
        type(_get(TextField.class, s -> s.withId("customer-name")), unique("Valid"));
        EmailField email = _get(EmailField.class, s -> s.withId("customer-email"));
        TextField phone = _get(TextField.class, s -> s.withId("customer-phone"));

        type(email, "no-at-sign");
        type(phone, "ask the front desk");

        assertThat(email.isInvalid()).isTrue();
        assertThat(email.getErrorMessage()).isEqualTo("Enter a valid e-mail address, e.g. name@example.org");
        assertThat(phone.isInvalid()).isTrue();
        assertThat(phone.getErrorMessage()).isEqualTo("Only digits, spaces and + ( ) / . -");
        assertThat(_get(Button.class, s -> s.withId("customer-save")).isEnabled())
                .isFalse();

        TextField name = _get(TextField.class, s -> s.withId("customer-name"));
        type(name, "");
        assertThat(name.isInvalid()).isTrue();
    }

    @Test
    void takenEmailIsShownOnTheEmailField() {
        String email = unique("taken") + "@example.org";
        Customer owner = customers.create(withEmail(unique("Owner"), email));
        UI.getCurrent().navigate("customers");
        _click(_get(Button.class, s -> s.withId("customers-new")));
        type(_get(TextField.class, s -> s.withId("customer-name")), unique("Copycat"));
        type(_get(EmailField.class, s -> s.withId("customer-email")), email);
        _click(_get(Button.class, s -> s.withId("customer-save")));

        EmailField field = _get(EmailField.class, s -> s.withId("customer-email"));
        assertThat(field.isInvalid()).isTrue();
        assertThat(field.getErrorMessage())
                .isEqualTo("The e-mail address " + email + " already belongs to customer " + owner.getNumber() + ".");
    }

    @Test
    void searchFiltersTheGridIgnoringCaseAndAccents() {
        String marker = unique("srch");
        customers.create(CustomerData.named("Schröder Gerätebau " + marker));
        customers.create(CustomerData.named("Schmidt Modellbau " + marker));
        UI.getCurrent().navigate("customers");

        type(_get(TextField.class, s -> s.withId("customers-search")), "SCHRODER gerAtebau " + marker);

        assertThat(names()).containsExactly("Schröder Gerätebau " + marker);
        type(_get(TextField.class, s -> s.withId("customers-search")), marker);
        assertThat(names()).hasSize(2);
    }

    @Test
    void archivedCustomersLeaveTheListAndComeBack() {
        String marker = unique("arch");
        Customer c = customers.create(CustomerData.named("Archivar " + marker));
        UI.getCurrent().navigate(CustomerView.class, c.getId());

        _click(_get(Button.class, s -> s.withId("customer-archive")));
        _fireConfirm(_get(ConfirmDialog.class, s -> s.withId("customer-archive-confirm")));
        assertThat(customers.get(c.getId()).isArchived()).isTrue();

        UI.getCurrent().navigate("customers");
        type(_get(TextField.class, s -> s.withId("customers-search")), marker);
        assertThat(names()).isEmpty();
        @SuppressWarnings("unchecked")
        Select<CustomerQuery.Status> status = _get(Select.class, s -> s.withId("customers-status"));
        type(status, CustomerQuery.Status.ARCHIVED);
        assertThat(names()).containsExactly("Archivar " + marker);

        UI.getCurrent().navigate(CustomerView.class, c.getId());
        _click(_get(Button.class, s -> s.withId("customer-restore")));
        assertThat(customers.get(c.getId()).isArchived()).isFalse();
    }

    @Test
    void theTopBarCarriesTheWholeTitleAsTooltipForWhenItIsCut() {
        Customer c = customers.create(CustomerData.named(unique("Schreinerei mit einem sehr langen Namen")));
        UI.getCurrent().navigate(CustomerView.class, c.getId());
        H1 title = _get(H1.class, s -> s.withClasses("kontor-view-title"));
        assertThat(title.getText()).contains(c.getName());
        assertThat(title.getTitle()).contains(title.getText());
    }

    @Test
    void conflictingEditSaysChangedMeanwhileAndLosesNothing() {
        Customer c = customers.create(CustomerData.named(unique("Contested")));
        UI.getCurrent().navigate(CustomerView.class, c.getId());
        _click(_get(Button.class, s -> s.withId("customer-edit")));

        // Another admin saves first.
        CustomerData theirs = c.data();
        theirs.setCity("Leipzig");
        customers.update(c.getId(), c.getVersion(), theirs);

        type(_get(TextField.class, s -> s.withId("customer-phone")), "+49 341 1");
        _click(_get(Button.class, s -> s.withId("customer-save")));

        ConfirmDialog conflict = _get(ConfirmDialog.class, s -> s.withId("customer-conflict"));
        assertThat(ConfirmDialogKt.getText(conflict)).contains("Someone changed this customer");
        assertThat(customers.get(c.getId()).getCity()).isEqualTo("Leipzig");
        assertThat(customers.get(c.getId()).getPhone()).isNull();
        _fireConfirm(conflict);
        assertThat(_get(CustomerView.class).getPageTitle()).contains(c.getNumber());
    }

    @Test
    void deleteIsOnlyOfferedForCustomersWithoutRecords() {
        Customer free = customers.create(CustomerData.named(unique("Free")));
        Customer bound = customers.create(CustomerData.named(unique("Bound")));
        TestCustomerAttachments.attach(bound.getId(), 1);

        UI.getCurrent().navigate(CustomerView.class, bound.getId());
        assertThat(_get(Button.class, s -> s.withId("customer-delete")).isEnabled())
                .isFalse();

        UI.getCurrent().navigate(CustomerView.class, free.getId());
        _click(_get(Button.class, s -> s.withId("customer-delete")));
        _fireConfirm(_get(ConfirmDialog.class, s -> s.withId("customer-delete-confirm")));
        assertThat(customers.findByNumber(free.getNumber())).isEmpty();
        _get(CustomersView.class);
    }

    @Test
    void importShowsVerdictsAppliesAndCanBeUndone() {
        String m = unique("ui");
        Customer existing = customers.create(withEmail("Bestand " + m, "bestand-" + m + "@example.org"));
        String csv = String.join(
                "\n",
                "Firma;E-Mail;Ort",
                "Neu " + m + ";neu-" + m + "@example.org;Gera",
                "Bestand " + m + ";bestand-" + m + "@example.org;Suhl",
                "Doppelt " + m + ";neu-" + m + "@example.org;Gera",
                "Falsch " + m + ";falsch;Gera");
        UI.getCurrent().navigate(CustomerImportView.class);

        UploadKt._upload(
                _get(Upload.class, s -> s.withId("import-upload")), "kunden.csv", csv.getBytes(StandardCharsets.UTF_8));
        MockVaadin.runUIQueue();
        _click(_get(Button.class, s -> s.withId("import-preview")));

        var preview = _get(ImportWizard.class).preview();
        assertThat(preview.rows())
                .extracting(r -> r.verdict())
                .containsExactly(Verdict.CREATE, Verdict.UPDATE, Verdict.DUPLICATE, Verdict.ERROR);
        assertThat(_get(Div.class, s -> s.withId("import-counts"))
                        .getChildren()
                        .map(c -> ((Span) c).getText())
                        .toList())
                .containsExactly("New: 1", "Update: 1", "Duplicate: 1", "Error: 1");

        _click(_get(Button.class, s -> s.withId("import-apply")));
        assertThat(_get(Paragraph.class, s -> s.withId("import-summary")).getText())
                .contains("1 created, 1 updated, 0 unchanged, 2 skipped");
        assertThat(customers.get(existing.getId()).getCity()).isEqualTo("Suhl");

        @SuppressWarnings("unchecked")
        Grid<CustomerImport> history = _get(Grid.class, s -> s.withId("customer-imports"));
        MockVaadin.clientRoundtrip(false);
        assertThat(GridKt._get(history, 0).getFileName()).isEqualTo("kunden.csv");
        ((Button) GridKt._getCellComponent(history, 0, "undo")).click();
        _fireConfirm(_get(ConfirmDialog.class, s -> s.withId("customer-import-undo-confirm")));

        assertThat(customers.get(existing.getId()).getCity()).isNull();
        assertThat(customers.count(CustomerQuery.active("Neu " + m))).isZero();
    }

    @Test
    void allOrNothingCannotBeAppliedWithBadRows() {
        String m = unique("aon");
        UI.getCurrent().navigate(CustomerImportView.class);
        UploadKt._upload(
                _get(Upload.class, s -> s.withId("import-upload")),
                "kunden.csv",
                ("Name;E-Mail\nGut " + m + ";gut@example.org\nSchlecht " + m + ";x").getBytes(StandardCharsets.UTF_8));
        MockVaadin.runUIQueue();
        _click(_get(Button.class, s -> s.withId("import-preview")));
        Button apply = _get(Button.class, s -> s.withId("import-apply"));
        assertThat(apply.isEnabled()).isTrue();

        type(_get(Checkbox.class, s -> s.withId("import-all-or-nothing")), true);

        assertThat(apply.isEnabled()).isFalse();
    }

    @Test
    void exportOfTheFilteredGridReadsBackAsTheSameRows() throws Exception {
        String marker = unique("exp");
        for (int i = 0; i < 25; i++) {
            CustomerData d = CustomerData.named(String.format("Export %02d %s", i, marker));
            d.setCity(i % 2 == 0 ? "Kassel" : "Fulda");
            customers.create(d);
        }
        UI.getCurrent().navigate("customers");
        type(_get(TextField.class, s -> s.withId("customers-search")), marker);
        List<String> shown = names();
        assertThat(shown).hasSize(25);

        var dialog = _get(ExportMenu.class).start(ExportFormat.XLSX);
        dialog.result().get(60, TimeUnit.SECONDS);
        MockVaadin.runUIQueue();
        byte[] file = DownloadKt._download(_get(Anchor.class, s -> s.withId("export-download")));

        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(file))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Name");
            assertThat(sheet.getLastRowNum()).isEqualTo(25);
            List<String> exported = IntStream.rangeClosed(1, 25)
                    .mapToObj(i -> sheet.getRow(i).getCell(1).getStringCellValue())
                    .toList();
            assertThat(exported).containsExactlyElementsOf(shown);
            assertThat(sheet.getRow(1).getCell(7).getStringCellValue()).isEqualTo("Kassel");
        }
    }

    private List<String> names() {
        @SuppressWarnings("unchecked")
        Grid<Customer> grid = _get(Grid.class, s -> s.withId("customers-grid"));
        return IntStream.range(0, GridKt._size(grid))
                .mapToObj(i -> GridKt._get(grid, i).getName())
                .toList();
    }

    private static CustomerData withEmail(String name, String email) {
        CustomerData d = CustomerData.named(name);
        d.setEmail(email);
        return d;
    }
}
