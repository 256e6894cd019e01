package de.kontor.license.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;
import com.vaadin.flow.router.Route;
import de.kontor.base.error.ConcurrentChangeException;
import de.kontor.base.error.DomainException;
import de.kontor.base.ui.Badges;
import de.kontor.base.ui.Confirmations;
import de.kontor.base.ui.Dialogs;
import de.kontor.base.ui.FieldErrors;
import de.kontor.base.ui.Formats;
import de.kontor.base.ui.Grids;
import de.kontor.base.ui.Notifications;
import de.kontor.base.ui.SecretDialog;
import de.kontor.base.ui.ViewHeader;
import de.kontor.license.ClientKey;
import de.kontor.license.GiteaSettings;
import de.kontor.license.IssuedClientKey;
import de.kontor.license.LicenseEnums.Backend;
import de.kontor.license.LicenseEnums.Channel;
import de.kontor.license.LicenseService;
import de.kontor.license.Product;
import de.kontor.license.Release;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolationException;
import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

/** A product: its settings, releases and client keys. */
@Route("products")
@RolesAllowed({"ADMIN", "VIEWER"})
class ProductView extends Div implements HasUrlParameter<Long>, HasDynamicTitle {

    private final LicenseService licenses;
    private final Clock clock;
    private final ZoneId zone;
    private @Nullable Product product;

    ProductView(LicenseService licenses, Clock clock, ZoneId zone) {
        this.licenses = licenses;
        this.clock = clock;
        this.zone = zone;
        addClassName("kontor-view");
        setId("product-view");
    }

    @Override
    public void setParameter(BeforeEvent event, Long id) {
        product = licenses.product(id);
        render();
    }

    private void render() {
        Product p = product;
        removeAll();
        add(new H2(p.getCode() + " · " + p.getName()));

        ProductSettingsForm settings = new ProductSettingsForm(p.terms());
        settings.addSaveListener(e -> {
            try {
                product = licenses.updateProduct(p.getId(), p.getVersion(), e.terms());
                Notifications.success(getTranslation("product.saved", p.getCode()));
                render();
            } catch (ConcurrentChangeException ex) {
                Notifications.error(getTranslation("error.concurrentChange"));
            } catch (DomainException ex) {
                FieldErrors.show(settings, ex, settings.fields());
            } catch (ConstraintViolationException ex) {
                ex.getConstraintViolations().forEach(v -> {
                    HasValidation field =
                            settings.fields().get(v.getPropertyPath().toString());
                    if (field != null) {
                        field.setErrorMessage(v.getMessage());
                        field.setInvalid(true);
                    }
                });
            }
        });
        add(settings);
        if (p.getBackend() == Backend.GITEA) {
            add(giteaCard(p));
        }

        Button addRelease =
                new Button(getTranslation("product.release.add"), VaadinIcon.PLUS.create(), e -> openRelease());
        addRelease.setId("product-release-add");
        ViewHeader releasesHead = new ViewHeader(new H3(getTranslation("product.releases"))).actions(addRelease);
        Grid<Release> releases = new Grid<>();
        releases.setId("product-releases");
        releases.addThemeVariants(GridVariant.LUMO_COMPACT);
        releases.setAllRowsVisible(true);
        Grids.key(releases.addColumn(Release::getVersion).setHeader(getTranslation("product.release.version")));
        Grids.key(releases.addComponentColumn(r -> Badges.of(
                        r.getChannel().name(),
                        r.getChannel() == Channel.STABLE ? Badges.Tone.SUCCESS : Badges.Tone.WARNING))
                .setHeader(getTranslation("product.release.channel")));
        Grids.key(releases.addColumn(r -> Formats.date(r.getReleaseDate()))
                .setHeader(getTranslation("product.release.date")));
        Grids.text(releases, r -> r.getNotes() == null ? "" : r.getNotes(), "10rem")
                .setHeader(getTranslation("product.release.notes"));
        Grids.text(releases, r -> r.getDownloadUrl() == null ? "" : r.getDownloadUrl(), "10rem")
                .setHeader(getTranslation("product.release.download"));
        releases.setItems(licenses.releases(p.getId()));
        Grids.counted(releases, getTranslation("product.release.empty"));
        add(releasesHead, releases);

        Button addKey = new Button(getTranslation("product.key.new"), VaadinIcon.KEY.create(), e -> openKey());
        addKey.setId("product-key-new");
        ViewHeader keysHead = new ViewHeader(new H3(getTranslation("product.keys"))).actions(addKey);
        Grid<ClientKey> keys = new Grid<>();
        keys.setId("product-keys");
        keys.addThemeVariants(GridVariant.LUMO_COMPACT);
        keys.setAllRowsVisible(true);
        Grids.text(keys, ClientKey::getName, "12rem").setHeader(getTranslation("tokens.name"));
        Grids.key(keys.addColumn(k -> k.getKeyPrefix() + "…").setHeader(getTranslation("tokens.prefix")));
        Grids.key(keys.addColumn(k -> Formats.dateTime(k.getCreatedAt(), zone))
                .setHeader(getTranslation("tokens.created")));
        Grids.key(keys.addComponentColumn(k -> k.isActive()
                        ? Badges.of(getTranslation("tokens.active"), Badges.Tone.SUCCESS)
                        : Badges.of(getTranslation("tokens.revoked"), Badges.Tone.ERROR))
                .setHeader(getTranslation("tokens.status")));
        Grids.actions(keys.addComponentColumn(k -> {
                    Button revoke = new Button(getTranslation("tokens.revoke"), e -> confirmRevoke(k));
                    revoke.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                    revoke.setEnabled(k.isActive());
                    return revoke;
                })
                .setKey("revoke"));
        keys.setItems(licenses.clientKeys(p.getId()));
        Grids.counted(keys, getTranslation("product.clientKey.empty"));
        add(keysHead, keys);
    }

    private void openRelease() {
        Dialog dialog = new Dialog();
        dialog.setId("release-form");
        dialog.setHeaderTitle(getTranslation("product.release.add"));
        TextField version = new TextField(getTranslation("product.release.version"));
        version.setId("release-version");
        version.setPlaceholder("2.4.0");
        Select<Channel> channel = new Select<>();
        channel.setLabel(getTranslation("product.release.channel"));
        channel.setItems(Channel.values());
        channel.setValue(Channel.STABLE);
        DatePicker date = new DatePicker(getTranslation("product.release.date"));
        date.setValue(LocalDate.ofInstant(clock.instant(), zone));
        TextField url = new TextField(getTranslation("product.release.download"));
        url.setId("release-url");
        TextArea notes = new TextArea(getTranslation("product.release.notes"));
        FormLayout form = new FormLayout(version, channel, date, url, notes);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        dialog.add(form);
        Dialogs.footer(
                dialog,
                "release-save",
                getTranslation("action.save"),
                () -> {
                    licenses.addRelease(
                            product.getId(),
                            version.getValue(),
                            channel.getValue(),
                            date.getValue(),
                            notes.getValue(),
                            url.getValue());
                    render();
                },
                Map.of("version", version, "downloadUrl", url));
        dialog.open();
    }

    private void openKey() {
        Dialog dialog = new Dialog();
        dialog.setId("client-key-form");
        dialog.setHeaderTitle(getTranslation("product.key.new"));
        TextField name = new TextField(getTranslation("tokens.name"));
        name.setId("client-key-name");
        name.setHelperText(getTranslation("product.key.name.help"));
        dialog.add(name);
        Dialogs.footer(
                dialog,
                "client-key-create",
                getTranslation("tokens.create"),
                () -> {
                    IssuedClientKey issued = licenses.createClientKey(product.getId(), name.getValue());
                    render();
                    new SecretDialog(
                                    getTranslation("product.key.created"),
                                    getTranslation("product.key.created.explain"),
                                    issued.value())
                            .open();
                },
                Map.of("name", name));
        dialog.open();
    }

    private void confirmRevoke(ClientKey key) {
        Confirmations.ask(
                "client-key-revoke-confirm",
                getTranslation("tokens.revoke"),
                getTranslation("product.key.revoke.confirm", key.getName()),
                getTranslation("tokens.revoke"),
                true,
                () -> {
                    licenses.revokeClientKey(key.getId());
                    render();
                });
    }

    private Div giteaCard(Product p) {
        var current = p.giteaSettings();
        TextField baseUrl = new TextField(getTranslation("product.gitea.baseUrl"));
        baseUrl.setId("product-gitea-base-url");
        baseUrl.setPlaceholder("https://git.example.org");
        baseUrl.setValue(current.map(GiteaSettings::baseUrl).orElse(""));
        TextField organization = new TextField(getTranslation("product.gitea.organization"));
        organization.setId("product-gitea-organization");
        organization.setValue(current.map(GiteaSettings::organization).orElse(""));
        TextField repository = new TextField(getTranslation("product.gitea.repository"));
        repository.setId("product-gitea-repository");
        repository.setPlaceholder(GiteaSettings.DEFAULT_REPOSITORY);
        repository.setHelperText(getTranslation("product.gitea.repository.help", p.moduleId()));
        repository.setValue(current.map(GiteaSettings::repository).orElse(""));
        FormLayout form = new FormLayout(baseUrl, organization, repository);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 3));
        Paragraph intro = new Paragraph(current.map(g -> getTranslation("product.gitea.intro", g.fullName(p.getCode())))
                .orElse(getTranslation("product.gitea.notConfigured")));
        intro.addClassName("kontor-muted");
        Button save = new Button(getTranslation("action.save"), e -> {
            Map<String, TextField> fields =
                    Map.of("baseUrl", baseUrl, "organization", organization, "repository", repository);
            fields.values().forEach(f -> f.setInvalid(false));
            try {
                product = licenses.configureGitea(
                        p.getId(),
                        new GiteaSettings(baseUrl.getValue(), organization.getValue(), repository.getValue()));
                Notifications.success(getTranslation("product.gitea.saved", p.getCode()));
                render();
            } catch (ConstraintViolationException ex) {
                ex.getConstraintViolations().forEach(v -> {
                    TextField target = fields.get(v.getPropertyPath().toString());
                    if (target != null) {
                        target.setErrorMessage(v.getMessage());
                        target.setInvalid(true);
                    }
                });
            }
        });
        save.setId("product-gitea-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Div card = new Div(new H3(getTranslation("product.gitea")), intro, form, save);
        card.addClassName("kontor-card");
        return card;
    }

    @Override
    public String getPageTitle() {
        return product == null ? getTranslation("menu.products") : product.getCode();
    }
}
