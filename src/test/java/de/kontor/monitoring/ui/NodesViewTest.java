package de.kontor.monitoring.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouterLink;
import de.kontor.KaribuTest;
import de.kontor.base.ui.NarrowLayout;
import de.kontor.monitoring.MonitoringModel.NewNode;
import de.kontor.monitoring.MonitoringModel.NodeSummary;
import de.kontor.monitoring.MonitoringService;
import de.kontor.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NodesViewTest extends KaribuTest {

    @Autowired
    MonitoringService monitoring;

    @SuppressWarnings("unchecked")
    private Grid<NodeSummary> grid() {
        return _get(Grid.class, s -> s.withId("nodes-grid"));
    }

    private List<String> names() {
        Grid<NodeSummary> grid = grid();
        return IntStream.range(0, GridKt._size(grid))
                .mapToObj(i -> GridKt._get(grid, i).name())
                .toList();
    }

    @Test
    void addingANodeShowsItsTokenOnceAndListsItAsWaiting() {
        loginAsAdmin();
        navigate("monitoring");
        String name = unique("Werkstatt-Pi");

        _click(_get(Button.class, s -> s.withId("node-add")));
        type(_get(TextField.class, s -> s.withId("node-name")), name);
        type(_get(MultiSelectComboBox.class, s -> s.withId("node-tags")), Set.of("pi"));
        _click(_get(Button.class, s -> s.withId("node-save")));

        String token = _get(Div.class, s -> s.withId("secret-value")).getText();
        assertThat(monitoring.authenticateNode(token)).isPresent();
        MockVaadin.clientRoundtrip(false);
        assertThat(names()).contains(name);
        NodeSummary row = GridKt._get(grid(), names().indexOf(name));
        assertThat(row.tags()).containsExactly("pi");
        assertThat(GridKt._getFormattedRow(grid(), names().indexOf(name)))
                .anyMatch(cell -> cell.contains("Waiting for the first report"))
                .contains("no data yet", "pi");
    }

    @Test
    void aTakenNameIsShownOnTheField() {
        loginAsAdmin();
        String name = unique("twin");
        monitoring.addNode(new NewNode(name, List.of()));
        navigate("monitoring");

        _click(_get(Button.class, s -> s.withId("node-add")));
        TextField field = _get(TextField.class, s -> s.withId("node-name"));
        type(field, name);
        _click(_get(Button.class, s -> s.withId("node-save")));

        assertThat(field.isInvalid()).isTrue();
        assertThat(field.getErrorMessage()).contains("exists already");
        assertThat(_find(Div.class, s -> s.withId("secret-value"))).isEmpty();
    }

    @Test
    void membersCannotOpenTheView() {
        login(unique("member"), Role.MEMBER);
        assertThatThrownBy(() -> navigate("monitoring")).hasMessageContaining("Access is denied");
    }

    @Test
    void onAPhoneANodeIsOneRowWithItsStateAndActions() {
        loginAsAdmin();
        String name = unique("Keller-Pi");
        long id = monitoring.addNode(new NewNode(name, List.of())).nodeId();
        navigate("monitoring");
        int row = names().indexOf(name);

        NarrowLayout.width(UI.getCurrent(), 390);

        assertThat(grid().getColumns())
                .filteredOn(Grid.Column::isVisible)
                .extracting(Grid.Column::getKey)
                .containsExactly("summary", "actions");
        Component summary = GridKt._getCellComponent(grid(), row, "summary");
        assertThat(summary.getElement().getTextRecursively()).contains(name, "Waiting for the first report");
        assertThat(_get(summary, RouterLink.class).getHref()).isEqualTo("monitoring/node/" + id);

        NarrowLayout.width(UI.getCurrent(), 1440);
        assertThat(grid().getColumnByKey("summary").isVisible()).isFalse();
        assertThat(grid().getColumnByKey("status").isVisible()).isTrue();
    }
}
