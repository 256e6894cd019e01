package de.kontor.security;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.data.provider.Query;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import de.kontor.base.ui.BestMatchOnEnter;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Choose a user (its user name is the value) by typing part of the name, user name or e-mail; shows
 * "Jana Vogel (jana.vogel)". Active accounts only, loaded page by page. A value that is no longer an
 * account (a former colleague named on an old record) is still shown. For other modules' forms.
 */
public class UserPicker extends ComboBox<String> {

    private final UserService users;
    private final Map<String, String> names = new HashMap<>();

    public UserPicker(UserService users, String label) {
        super(label);
        this.users = users;
        setItems(this::fetch, this::count);
        setItemLabelGenerator(this::label);
        setClearButtonVisible(true);
        BestMatchOnEnter.install(this, this::best);
    }

    private Optional<String> best(String typed) {
        return users.find(new UserQuery(typed, null, false), PageRequest.of(0, 1)).stream()
                .peek(a -> names.put(a.getUsername(), a.getDisplayName()))
                .map(UserAccount::getUsername)
                .findFirst();
    }

    private Stream<String> fetch(Query<String, String> query) {
        return users.find(filter(query), VaadinSpringDataHelpers.toSpringPageRequest(query)).stream()
                .peek(a -> names.put(a.getUsername(), a.getDisplayName()))
                .map(UserAccount::getUsername);
    }

    private int count(Query<String, String> query) {
        return (int) users.count(filter(query));
    }

    private static UserQuery filter(Query<String, String> query) {
        return new UserQuery(query.getFilter().orElse(null), null, false);
    }

    private String label(@Nullable String username) {
        if (username == null || username.isBlank()) {
            return "";
        }
        String name = names.computeIfAbsent(
                username,
                u -> users.findByUsername(u).map(UserAccount::getDisplayName).orElse(u));
        return name.equals(username) ? username : name + " (" + username + ")";
    }
}
