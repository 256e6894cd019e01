package de.kontor.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.KeyModifier;
import com.vaadin.flow.component.Shortcuts;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import de.kontor.base.CurrentUser;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The search field in the header: customers, licenses, leads, tally persons, printers, users, whatever the
 * modules offer ({@link SearchProvider}) and the user may open. Hits are grouped by kind; Enter opens the
 * highlighted hit, or the first one; Ctrl+K (⌘K) jumps into the field from anywhere.
 */
public class GlobalSearch extends ComboBox<GlobalSearch.Hit> {

    /** A hit with the (translated) name of its group. */
    public record Hit(String group, SearchHit hit) {}

    /** Hits per group: enough to pick from, few enough to see every group at once. */
    static final int PER_GROUP = 5;

    private final List<SearchProvider> providers;

    public GlobalSearch(List<SearchProvider> providers) {
        this.providers = providers.stream()
                .sorted(Comparator.comparingInt(SearchProvider::order))
                .toList();
        setId("global-search");
        addClassName("kontor-global-search");
        setPlaceholder(getTranslation("search.placeholder"));
        setPrefixComponent(VaadinIcon.SEARCH.create());
        getElement().setAttribute("aria-label", getTranslation("search.label"));
        setItems(query -> {
            List<Hit> hits = search(query.getFilter().orElse(""));
            return hits.stream().skip(query.getOffset()).limit(query.getLimit());
        });
        setItemLabelGenerator(h -> h.hit().title());
        setRenderer(new ComponentRenderer<>(this::render));
        BestMatchOnEnter.install(this, typed -> search(typed).stream().findFirst());
        addValueChangeListener(e -> {
            Hit found = e.getValue();
            if (found != null) {
                clear();
                getUI().ifPresent(ui -> ui.navigate(found.hit().location()));
            }
        });
    }

    /** Ctrl+K (and ⌘K on a Mac) anywhere in {@code scope} puts the cursor into the field. */
    public void focusOnShortcut(Component scope) {
        Shortcuts.addShortcutListener(scope, () -> focus(), Key.KEY_K, KeyModifier.CONTROL)
                .listenOn(scope);
        Shortcuts.addShortcutListener(scope, () -> focus(), Key.KEY_K, KeyModifier.META)
                .listenOn(scope);
    }

    /** Whether the current user would find anything at all (members without searchable modules do not). */
    public boolean hasAnythingToSearch() {
        return providers.stream().anyMatch(GlobalSearch::visible);
    }

    /** The hits for {@code text}, grouped in the providers' order. */
    List<Hit> search(String text) {
        String t = text.strip();
        if (t.length() < 2) {
            return List.of();
        }
        List<Hit> hits = new ArrayList<>();
        providers.stream().filter(GlobalSearch::visible).forEach(p -> {
            String group = getTranslation(p.groupKey());
            p.search(t, PER_GROUP).forEach(h -> hits.add(new Hit(group, h)));
        });
        return hits;
    }

    private static boolean visible(SearchProvider provider) {
        return Optional.ofNullable(provider.role()).map(CurrentUser::hasRole).orElse(true);
    }

    private Component render(Hit found) {
        SearchHit hit = found.hit();
        Span group = new Span(found.group());
        group.addClassName("kontor-search-group");
        Span title = new Span(hit.title());
        title.addClassName("kontor-card-title");
        Div item = new Div(group, title);
        if (hit.detail() != null && !hit.detail().isBlank()) {
            Span detail = new Span(hit.detail());
            detail.addClassName("kontor-muted");
            item.add(detail);
        }
        item.addClassName("kontor-search-hit");
        return item;
    }
}
