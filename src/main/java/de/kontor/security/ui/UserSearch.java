package de.kontor.security.ui;

import de.kontor.base.ui.SearchHit;
import de.kontor.base.ui.SearchProvider;
import de.kontor.security.UserQuery;
import de.kontor.security.UserService;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Users in the header search: by name, user name or e-mail; a hit opens the users list filtered to it. */
@Component
class UserSearch implements SearchProvider {

    private final UserService users;

    UserSearch(UserService users) {
        this.users = users;
    }

    @Override
    public String groupKey() {
        return "menu.users";
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public List<SearchHit> search(String text, int limit) {
        return users.find(new UserQuery(text, null, true), PageRequest.of(0, limit)).stream()
                .map(u -> new SearchHit(
                        u.getDisplayName(),
                        u.getUsername(),
                        "users?" + UsersView.SEARCH_PARAMETER + "="
                                + URLEncoder.encode(u.getUsername(), StandardCharsets.UTF_8)))
                .toList();
    }
}
