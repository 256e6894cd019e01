package de.kontor.tally.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import de.kontor.base.CurrentUser;
import de.kontor.base.ui.DashboardTile;
import de.kontor.tally.TallyService;

import java.util.Optional;

/** Home page: admins see the total of all balances, members their own balance. */
@org.springframework.stereotype.Component
class TallyTile implements DashboardTile {

    private final TallyService tally;

    TallyTile(TallyService tally) {
        this.tally = tally;
    }

    @Override
    public int order() {
        return 500;
    }

    @Override
    public Optional<Component> create() {
        String currency = tally.settings().currency();
        if (CurrentUser.hasRole("ADMIN")) {
            return Optional.of(DashboardTile.numberTile(
                    "tile-tally", tally.totalBalance() + " " + currency, label("tally.total"), "tally"));
        }
        return tally.own()
                .map(me -> DashboardTile.numberTile(
                        "tile-tally", me.balance() + " " + currency, label("tally.own.balance"), "my-tally"));
    }

    private static String label(String key) {
        return UI.getCurrent().getTranslation(key);
    }
}
