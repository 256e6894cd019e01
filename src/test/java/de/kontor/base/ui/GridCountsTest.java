package de.kontor.base.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import de.kontor.KaribuTest;
import de.kontor.security.Role;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Grids say how many rows they show, say what to do when there are none, and keep their actions in sight:
 * users, API tokens and lead tags, which had neither.
 */
class GridCountsTest extends KaribuTest {

    @SuppressWarnings("unchecked")
    static Grid<Object> grid(String id) {
        return _get(Grid.class, s -> s.withId(id));
    }

    static String count(String gridId) {
        MockVaadin.clientRoundtrip(false);
        return _get(Span.class, s -> s.withId(gridId + "-count")).getText();
    }

    @Test
    void theUserListCountsItsRowsAndSaysWhatToDoWhenNothingMatches() {
        loginAsAdmin();
        navigate("users");
        Grid<Object> users = grid("users-grid");
        assertThat(count("users-grid")).isEqualTo(entries(_size(users), "No entries", "1 entry", " entries"));
        assertThat(users.getColumnByKey("actions").isFrozenToEnd())
                .as("edit stays in sight")
                .isTrue();

        type(_get(TextField.class, s -> s.withId("users-search")), unique("nobody-"));

        assertThat(count("users-grid")).isEqualTo("No entries");
        assertThat(users.getEmptyStateText()).contains("create a user");
    }

    @Test
    void theTokenListCountsItsRowsAndPointsToNewTokenWhenEmpty() {
        login(unique("tokenless"), Role.ADMIN);
        navigate("api-tokens");
        Grid<Object> tokens = grid("tokens-grid");
        // the list shows every personal token, and other tests may have made some: count what it shows
        assertThat(count("tokens-grid")).isEqualTo(entries(_size(tokens), "No entries", "1 entry", " entries"));
        assertThat(tokens.getEmptyStateText()).contains("\"New token\"");
        assertThat(tokens.getColumnByKey("revoke").isFrozenToEnd()).isTrue();
    }

    private static String entries(int rows, String none, String one, String many) {
        return rows == 0 ? none : rows == 1 ? one : rows + many;
    }

    @Test
    void leadTagsAreCountedAndTheirSaveButtonStaysInSight() {
        loginAsAdmin();
        navigate("leads/tags");
        Grid<Object> tags = grid("lead-tags");
        assertThat(count("lead-tags")).isEqualTo(entries(_size(tags), "No entries", "1 entry", " entries"));
        assertThat(tags.getEmptyStateText()).contains("Enter a name");
        assertThat(tags.getColumnByKey("edit").isFrozenToEnd()).isTrue();
    }

    @Test
    void germanCountsAndEmptyTextsAddressTheUserWithDu() {
        setUpUi(Locale.GERMAN);
        login(unique("tokenlos"), Role.ADMIN);
        navigate("api-tokens");
        assertThat(count("tokens-grid"))
                .isEqualTo(entries(_size(grid("tokens-grid")), "Keine Einträge", "1 Eintrag", " Einträge"));
        assertThat(grid("tokens-grid").getEmptyStateText()).startsWith("Noch keine API-Tokens. Leg");
    }

    @Test
    void countingAGridAgainOnlyChangesItsEmptyText() {
        Grid<String> grid = new Grid<>();
        grid.addColumn(s -> s).setHeader("a");
        grid.addColumn(String::length).setHeader("b");
        Span first = Grids.counted(grid, "first");
        Span again = Grids.counted(grid, "again");
        assertThat(again).isSameAs(first);
        assertThat(grid.getHeaderRows())
                .as("the column headers and one count row")
                .hasSize(2);
        assertThat(grid.getEmptyStateText()).isEqualTo("again");
    }
}
