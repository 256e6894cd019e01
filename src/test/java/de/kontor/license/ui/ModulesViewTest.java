package de.kontor.license.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import de.kontor.KaribuTest;
import de.kontor.license.GiteaEmulator;
import de.kontor.license.GiteaSettings;
import de.kontor.license.LicenseEnums.Backend;
import de.kontor.license.LicenseEnums.MatchRule;
import de.kontor.license.LicenseService;
import de.kontor.license.ModuleStatus;
import de.kontor.license.Product;
import de.kontor.license.ProductTerms;
import de.kontor.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Locale;

import static com.github.mvysny.kaributesting.v10.GridKt._findAll;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModulesViewTest extends KaribuTest {

    static final String TOKEN = "abcdef0123456789abcdef0123456789abcdef01";

    @Autowired
    LicenseService licenses;

    GiteaEmulator gitea;
    Product product;

    @BeforeEach
    void setUp() {
        gitea = new GiteaEmulator();
        String code = "V" + Long.toString(System.nanoTime(), 36).toUpperCase(Locale.ROOT);
        product = licenses.createProduct(
                code, new ProductTerms("Inventory " + code, null, MatchRule.ANY, 15, 7, Backend.GITEA));
        loginAsAdmin();
    }

    @AfterEach
    void tearDown() {
        gitea.close();
    }

    /** A button of the module's row (grid cells are rendered on demand, so they are looked up per cell). */
    private Button action(String idPrefix) {
        @SuppressWarnings("unchecked")
        Grid<ModuleStatus> grid = _get(Grid.class, s -> s.withId("modules-grid"));
        int index =
                _findAll(grid).stream().map(ModuleStatus::identifier).toList().indexOf(product.moduleId());
        return (Button) GridKt._getCellComponent(grid, index, "actions")
                .getChildren()
                .filter(c -> c.getId().orElse("").equals(idPrefix + product.moduleId()))
                .findFirst()
                .orElseThrow();
    }

    private ModuleStatus row() {
        @SuppressWarnings("unchecked")
        Grid<ModuleStatus> grid = _get(Grid.class, s -> s.withId("modules-grid"));
        return _findAll(grid).stream()
                .filter(m -> m.identifier().equals(product.moduleId()))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void productGiteaSettingsAreValidatedAndSaved() {
        UI.getCurrent().navigate(ProductView.class, product.getId());
        type(_get(TextField.class, s -> s.withId("product-gitea-base-url")), "git.example.org");
        type(_get(TextField.class, s -> s.withId("product-gitea-organization")), "my crm");
        _click(_get(Button.class, s -> s.withId("product-gitea-save")));
        assertThat(_get(TextField.class, s -> s.withId("product-gitea-base-url"))
                        .isInvalid())
                .isTrue();
        assertThat(_get(TextField.class, s -> s.withId("product-gitea-base-url"))
                        .getErrorMessage())
                .contains("https://");
        assertThat(_get(TextField.class, s -> s.withId("product-gitea-organization"))
                        .isInvalid())
                .isTrue();
        assertThat(licenses.product(product.getId()).giteaSettings()).isEmpty();

        type(_get(TextField.class, s -> s.withId("product-gitea-base-url")), gitea.baseUrl());
        type(_get(TextField.class, s -> s.withId("product-gitea-organization")), "mycrm");
        _click(_get(Button.class, s -> s.withId("product-gitea-save")));
        assertThat(licenses.product(product.getId()).giteaSettings())
                .get()
                .extracting(GiteaSettings::organization)
                .isEqualTo("mycrm");
    }

    @Test
    void anAdminRegistersChecksAndRevokesAModuleLicense() {
        licenses.configureGitea(product.getId(), new GiteaSettings(gitea.baseUrl(), "mycrm", null));
        String repo = "mycrm-" + product.moduleId() + "-module";
        gitea.repository("mycrm", repo, "expires: 2099-12-31", "feature-stock")
                .user(TOKEN, "lager", "Lager GmbH", "mycrm/" + repo);

        UI.getCurrent().navigate("modules");
        assertThat(row().license().valid()).isFalse();

        _click(action("module-register-"));
        type(_get(PasswordField.class, s -> s.withId("module-register-secret")), "not-a-valid-token");
        _click(_get(Button.class, s -> s.withId("module-register-save")));
        PasswordField secret = _get(PasswordField.class, s -> s.withId("module-register-secret"));
        assertThat(secret.isInvalid()).isTrue();
        assertThat(secret.getErrorMessage()).contains("invalid");

        type(secret, TOKEN);
        _click(_get(Button.class, s -> s.withId("module-register-save")));
        expectNotifications("License registered for " + product.moduleId() + ".");
        ModuleStatus registered = row();
        assertThat(registered.license().valid()).isTrue();
        assertThat(registered.license().licensedTo()).isEqualTo("Lager GmbH");
        assertThat(registered.license().features()).containsExactly("stock");

        int asked = gitea.repoRequests();
        _click(action("module-check-"));
        assertThat(gitea.repoRequests()).isEqualTo(asked + 1);

        _click(action("module-revoke-"));
        _fireConfirm(_get(ConfirmDialog.class, s -> s.withId("module-revoke-confirm")));
        assertThat(row().license().valid()).isFalse();
        assertThat(row().license().keyHint()).isNull();
    }

    @Test
    void membersCannotOpenTheModulesView() {
        login("member-" + System.nanoTime(), Role.MEMBER);
        assertThatThrownBy(() -> UI.getCurrent().navigate("modules")).hasMessageContaining("Access is denied");
    }
}
