package de.kontor.license;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import de.kontor.base.CurrentUser;
import de.kontor.base.ui.DashboardTile;

import java.text.NumberFormat;
import java.util.Optional;

/** Home page, for admins: active licenses, devices, inactive devices, licenses expiring within 30 days. */
@org.springframework.stereotype.Component
class LicenseTile implements DashboardTile {

    private final LicenseService licenses;

    LicenseTile(LicenseService licenses) {
        this.licenses = licenses;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Optional<Component> create() {
        if (!CurrentUser.hasRole("ADMIN")) {
            return Optional.empty();
        }
        UI ui = UI.getCurrent();
        NumberFormat n = NumberFormat.getIntegerInstance(ui.getLocale());
        LicenseStats stats = licenses.stats();
        Div group = new Div(
                DashboardTile.numberTile(
                        "tile-licenses",
                        n.format(stats.activeLicenses()),
                        ui.getTranslation("license.tile.active"),
                        "licenses"),
                DashboardTile.numberTile(
                        "tile-devices",
                        n.format(stats.activeDevices()),
                        ui.getTranslation("license.tile.devices"),
                        "licenses"),
                DashboardTile.numberTile(
                        "tile-inactive-devices",
                        n.format(stats.inactiveDevices()),
                        ui.getTranslation("license.tile.inactive"),
                        "licenses"),
                DashboardTile.numberTile(
                        "tile-expiring",
                        n.format(stats.expiringIn30Days()),
                        ui.getTranslation("license.tile.expiring"),
                        "licenses?expiring=30"));
        group.getStyle().set("display", "contents");
        return Optional.of(group);
    }
}
