package de.kontor.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.avatar.Avatar;
import com.vaadin.flow.component.avatar.AvatarVariant;
import com.vaadin.flow.component.contextmenu.MenuItem;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.Scroller;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.spring.security.AuthenticationContext;
import de.kontor.base.CurrentUser;
import de.kontor.base.i18n.KontorI18NProvider;
import de.kontor.base.modules.ModuleSwitches;
import de.kontor.base.prefs.ColorScheme;
import de.kontor.base.prefs.PreferenceService;
import jakarta.annotation.security.PermitAll;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The frame around every signed-in view: side navigation built from the views' {@code @Menu}
 * annotations (only what the user may open), the current view's title, and the user menu.
 * Menu titles are message keys. Views with a menu order of {@value #ADMIN_ORDER} or more are grouped
 * under "Administration".
 */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements AfterNavigationObserver {

    /** Menu orders from here on form the "Administration" group. */
    public static final double ADMIN_ORDER = 900;

    private final AuthenticationContext authentication;
    private final ModuleSwitches modules;
    private final Map<SideNavItem, Class<?>> moduleItems = new LinkedHashMap<>();
    private final PreferenceService preferences;
    private final H1 viewTitle = new H1();

    MainLayout(
            AuthenticationContext authentication,
            PreferenceService preferences,
            List<SearchProvider> searches,
            ModuleSwitches modules) {
        this.authentication = authentication;
        this.modules = modules;
        this.preferences = preferences;
        setPrimarySection(Section.DRAWER);
        addClassName("kontor-layout");
        addToDrawer(brand(), new Scroller(navigation()));
        viewTitle.addClassName("kontor-view-title");
        Div spacer = new Div();
        spacer.getStyle().set("flex", "1");
        addToNavbar(new DrawerToggle(), viewTitle, spacer);
        GlobalSearch search = new GlobalSearch(
                searches.stream().filter(p -> modules.enabledFor(p.getClass())).toList());
        if (search.hasAnythingToSearch()) {
            search.focusOnShortcut(this);
            addToNavbar(search);
        }
        addToNavbar(userMenu());
    }

    private Component brand() {
        Div brand = new Div();
        brand.addClassName("kontor-brand");
        Icon logo = VaadinIcon.OFFICE.create();
        logo.addClassName("kontor-brand-logo");
        Span name = new Span("Kontor");
        name.addClassName("kontor-brand-name");
        brand.add(logo, name);
        return brand;
    }

    private Component navigation() {
        Div container = new Div();
        container.addClassName("kontor-nav");
        SideNav main = new SideNav();
        SideNav admin = new SideNav(getTranslation("menu.group.admin"));
        admin.setId("nav-admin");
        main.setId("nav-main");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            SideNavItem item = new SideNavItem(getTranslation(entry.title()), entry.path());
            item.setVisible(modules.enabledFor(entry.menuClass()));
            moduleItems.put(item, entry.menuClass());
            if (entry.icon() != null) {
                item.setPrefixComponent(new Icon(entry.icon()));
            }
            boolean isAdmin = entry.order() != null && entry.order() >= ADMIN_ORDER;
            (isAdmin ? admin : main).addItem(item);
        }
        container.add(main);
        if (!admin.getItems().isEmpty()) {
            admin.setCollapsible(true);
            container.add(admin);
        }
        return container;
    }

    private Component userMenu() {
        String username = authentication.getPrincipalName().orElse("");
        MenuBar bar = new MenuBar();
        bar.setId("user-menu");
        bar.addThemeVariants(MenuBarVariant.LUMO_TERTIARY_INLINE);
        String shownName = CurrentUser.displayName().orElse(username);
        Avatar avatar = new Avatar(shownName);
        avatar.addThemeVariants(AvatarVariant.XSMALL);
        Div trigger = new Div(avatar, new Span(shownName));
        trigger.addClassName("kontor-user-trigger");
        MenuItem root = bar.addItem(trigger);
        SubMenu menu = root.getSubMenu();

        menu.addItem(getTranslation("user.account"), e -> UI.getCurrent().navigate("account"))
                .setId("user-menu-account");

        SubMenu schemes = menu.addItem(getTranslation("user.colorScheme")).getSubMenu();
        // As applied when the UI started: no second database read for every page.
        ColorScheme current = UiPreferences.colorScheme(UI.getCurrent());
        for (ColorScheme scheme : ColorScheme.values()) {
            MenuItem item = schemes.addItem(
                    getTranslation("user.colorScheme." + scheme.name().toLowerCase(Locale.ROOT)));
            item.setId("color-scheme-" + scheme.name().toLowerCase(Locale.ROOT));
            item.setCheckable(true);
            item.setChecked(scheme == current);
            item.addClickListener(e -> {
                preferences.saveColorScheme(username, scheme);
                UiPreferences.applyColorScheme(UI.getCurrent(), scheme);
                schemes.getItems().forEach(other -> other.setChecked(other == item));
            });
        }

        SubMenu languages = menu.addItem(getTranslation("user.language")).getSubMenu();
        for (Locale locale : KontorI18NProvider.LOCALES) {
            MenuItem item = languages.addItem(locale.getDisplayLanguage(locale));
            item.setId("language-" + locale.getLanguage());
            item.setCheckable(true);
            item.setChecked(KontorI18NProvider.supported(getLocale()).equals(locale));
            item.addClickListener(e -> switchLanguage(username, locale));
        }

        menu.addItem(getTranslation("user.logout"), e -> authentication.logout())
                .setId("user-menu-logout");
        return bar;
    }

    private void switchLanguage(String username, Locale locale) {
        preferences.saveLocale(username, locale);
        VaadinSession.getCurrent().setLocale(locale);
        UI.getCurrent().refreshCurrentRoute(true);
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        // a module switched off (or on) since the menu was built shows with the next navigation
        moduleItems.forEach((item, view) -> item.setVisible(modules.enabledFor(view)));
        String title = titleOf(getContent());
        viewTitle.setText(title);
        viewTitle.setTitle(title);
    }

    private static String titleOf(HasElement content) {
        if (content instanceof HasDynamicTitle dynamic) {
            return dynamic.getPageTitle();
        }
        PageTitle title = content == null ? null : content.getClass().getAnnotation(PageTitle.class);
        return title == null ? "" : title.value();
    }

    List<String> menuTitles() {
        return MenuConfiguration.getMenuEntries().stream()
                .map(e -> getTranslation(e.title()))
                .toList();
    }
}
