package de.kontor.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import de.kontor.base.CurrentUser;
import de.kontor.base.modules.ModuleSwitches;
import jakarta.annotation.security.PermitAll;
import org.jspecify.annotations.Nullable;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The start page: a greeting, the tiles the modules contribute for this user (a member's next reservations and
 * tally balance) and, for members, what they can do here.
 */
@Route("")
@Menu(title = "menu.home", order = 0, icon = "vaadin:home")
@PermitAll
class HomeView extends Div implements HasDynamicTitle {

    HomeView(AuthenticationContext authentication, List<DashboardTile> tiles, ModuleSwitches modules) {
        addClassName("kontor-view");
        setId("home-view");
        String name = CurrentUser.displayName()
                .orElse(authentication.getPrincipalName().orElse(""));
        add(new H2(getTranslation("home.greeting", name)));
        List<Component> built = tiles.stream()
                .filter(tile -> modules.enabledFor(tile.getClass()))
                .sorted(Comparator.comparingInt(DashboardTile::order))
                .map(DashboardTile::create)
                .flatMap(Optional::stream)
                .toList();
        if (built.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("home.empty"));
            empty.addClassName("kontor-muted");
            empty.setId("home-empty");
            add(empty);
        } else {
            Div grid = new Div();
            grid.addClassName("kontor-tiles");
            grid.setId("home-tiles");
            built.forEach(grid::add);
            add(grid);
        }
        if (!CurrentUser.hasRole("ADMIN") && !CurrentUser.hasRole("VIEWER")) {
            add(whatYouCanDo());
        }
    }

    /** Members: the views they may open (the menu without the admin part), and their account. */
    private Component whatYouCanDo() {
        Div links = new Div();
        links.setId("home-links");
        links.addClassName("kontor-home-links");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            boolean admin = entry.order() != null && entry.order() >= MainLayout.ADMIN_ORDER;
            if (admin || entry.path().isEmpty() || entry.path().equals("/")) {
                continue;
            }
            links.add(link(entry.path(), entry.icon(), getTranslation(entry.title())));
        }
        links.add(link("/account", "vaadin:user", getTranslation("home.account")));
        Div section = new Div(new H3(getTranslation("home.canDo")), links);
        section.addClassName("kontor-home-section");
        return section;
    }

    private static Component link(String path, @Nullable String icon, String text) {
        Anchor anchor = new Anchor(path, text);
        if (icon != null) {
            anchor.addComponentAsFirst(new Icon(icon));
        }
        anchor.addClassName("kontor-home-link");
        return anchor;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.home");
    }
}
