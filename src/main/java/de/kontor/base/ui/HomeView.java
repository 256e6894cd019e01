package de.kontor.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import de.kontor.base.CurrentUser;
import jakarta.annotation.security.PermitAll;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** The start page: a greeting and the tiles the modules contribute for this user. */
@Route("")
@Menu(title = "menu.home", order = 0, icon = "vaadin:home")
@PermitAll
class HomeView extends Div implements HasDynamicTitle {

    HomeView(AuthenticationContext authentication, List<DashboardTile> tiles) {
        addClassName("kontor-view");
        setId("home-view");
        String name = CurrentUser.displayName()
                .orElse(authentication.getPrincipalName().orElse(""));
        add(new H2(getTranslation("home.greeting", name)));
        List<Component> built = tiles.stream()
                .sorted(Comparator.comparingInt(DashboardTile::order))
                .map(DashboardTile::create)
                .flatMap(Optional::stream)
                .toList();
        if (built.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("home.empty"));
            empty.addClassName("kontor-muted");
            add(empty);
        } else {
            Div grid = new Div();
            grid.addClassName("kontor-tiles");
            grid.setId("home-tiles");
            built.forEach(grid::add);
            add(grid);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.home");
    }
}
