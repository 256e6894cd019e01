package de.kontor.license.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import de.kontor.base.error.DomainException;
import de.kontor.base.ui.Badges;
import de.kontor.base.ui.Dialogs;
import de.kontor.base.ui.FieldErrors;
import de.kontor.base.ui.Grids;
import de.kontor.base.ui.ViewHeader;
import de.kontor.license.LicenseService;
import de.kontor.license.Product;
import de.kontor.license.ProductTerms;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolationException;

import java.util.Map;

/** The products licenses are sold for. */
@Route("products")
@Menu(title = "menu.products", order = 210, icon = "vaadin:package")
@RolesAllowed({"ADMIN", "VIEWER"})
class ProductsView extends Div implements HasDynamicTitle {

    private final LicenseService licenses;
    private final Grid<Product> grid = new Grid<>();

    ProductsView(LicenseService licenses) {
        this.licenses = licenses;
        addClassName("kontor-view");
        Button create = new Button(getTranslation("product.new"), VaadinIcon.PLUS.create(), e -> openCreate());
        create.setId("products-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        ViewHeader toolbar = new ViewHeader().actions(create);

        grid.setId("products-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        Grids.key(grid.addColumn(Product::getCode))
                .setHeader(getTranslation("product.code"))
                .setKey("code");
        Grids.name(grid.addColumn(Product::getName), "10rem")
                .setHeader(getTranslation("product.name"))
                .setKey("name");
        Grids.key(grid.addColumn(p -> p.getMinSupportedVersion() == null ? "–" : p.getMinSupportedVersion())
                .setHeader(getTranslation("product.minVersion"))
                .setKey("minVersion"));
        Grids.key(grid.addColumn(p ->
                        getTranslation("product.matchRule." + p.getMatchRule().name()))
                .setHeader(getTranslation("product.matchRule"))
                .setKey("matchRule"));
        Grids.key(grid.addComponentColumn(p -> Badges.of(
                        getTranslation("product.backend." + p.getBackend().name()), Badges.Tone.NEUTRAL))
                .setHeader(getTranslation("product.backend"))
                .setKey("backend"));
        Grids.counted(grid, getTranslation("product.list.empty"));
        grid.setItems(licenses.products());
        grid.addItemClickListener(
                e -> UI.getCurrent().navigate(ProductView.class, e.getItem().getId()));
        add(toolbar, grid);
    }

    private void openCreate() {
        Dialog dialog = new Dialog();
        dialog.setId("product-form");
        dialog.setHeaderTitle(getTranslation("product.new"));
        TextField code = new TextField(getTranslation("product.code"));
        code.setId("product-code");
        code.setHelperText(getTranslation("product.code.help"));
        code.setMaxLength(Product.CODE_MAX);
        TextField name = new TextField(getTranslation("product.name"));
        name.setId("product-name");
        name.setMaxLength(Product.NAME_MAX);
        FormLayout form = new FormLayout(code, name);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        dialog.add(form);
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                Product product = licenses.createProduct(code.getValue(), ProductTerms.defaults(name.getValue()));
                dialog.close();
                UI.getCurrent().navigate(ProductView.class, product.getId());
            } catch (DomainException ex) {
                FieldErrors.show(this, ex, Map.of("code", code, "name", name));
            } catch (ConstraintViolationException ex) {
                name.setErrorMessage(getTranslation("validation.required"));
                name.setInvalid(true);
            }
        });
        save.setId("product-save");
        Dialogs.footer(dialog, save);
        dialog.open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.products");
    }
}
