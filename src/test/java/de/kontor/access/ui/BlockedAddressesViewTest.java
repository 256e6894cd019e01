package de.kontor.access.ui;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;
import de.kontor.KaribuTest;
import de.kontor.access.AccessService;
import de.kontor.access.AddressBlock;
import de.kontor.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;

import java.util.ArrayList;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

class BlockedAddressesViewTest extends KaribuTest {

    @Autowired
    AccessService access;

    @SuppressWarnings("unchecked")
    @Test
    void anAdminBlocksARangeInTheFormAndUnblocksItFromTheList() {
        loginAsAdmin();
        navigate("blocked-addresses");
        _click(_get(Button.class, s -> s.withId("block-add")));
        type(_get(TextField.class, s -> s.withId("block-cidr")), "10.55.0.0/16");
        type(_get(TextField.class, s -> s.withId("block-comment")), "scanner from the view");
        _click(_get(Button.class, s -> s.withId("block-save")));

        assertThat(access.isBlocked("10.55.1.2")).isTrue();
        assertThat(rows()).anyMatch(r -> r.contains("10.55.0.0/16") && r.contains("scanner from the view"));

        String id = access.blocks(PageRequest.of(0, 500)).stream()
                .filter(b -> b.subject().equals("10.55.0.0/16"))
                .map(AddressBlock::id)
                .findFirst()
                .orElseThrow();
        Grid<AddressBlock> grid = _get(Grid.class, s -> s.withId("blocked-addresses"));
        int row = rows().indexOf(rows().stream()
                .filter(r -> r.contains("10.55.0.0/16"))
                .findFirst()
                .orElseThrow());
        Button unblock = (Button) GridKt._getCellComponent(grid, row, "unblock");
        assertThat(unblock.getId()).hasValue("unblock-" + id);
        _click(unblock);
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, s -> s.withId("unblock-confirm")));
        assertThat(access.isBlocked("10.55.1.2")).isFalse();
    }

    @Test
    void aMalformedAddressKeepsSaveDisabled() {
        loginAsAdmin();
        navigate("blocked-addresses");
        _click(_get(Button.class, s -> s.withId("block-add")));
        type(_get(TextField.class, s -> s.withId("block-cidr")), "not an address");

        assertThat(_get(Button.class, s -> s.withId("block-save")).isEnabled()).isFalse();
    }

    @Test
    void viewersSeeTheListsWithoutAnyButton() {
        login(unique("viewer"), Role.VIEWER);
        navigate("blocked-addresses");

        _get(Grid.class, s -> s.withId("blocked-addresses"));
        _get(Grid.class, s -> s.withId("admin-networks"));
        _assertNone(Button.class, s -> s.withId("block-add"));
        _assertNone(Button.class, s -> s.withId("network-add"));
        Grid<?> grid = _get(Grid.class, s -> s.withId("blocked-addresses"));
        assertThat(grid.getColumnByKey("unblock")).isNull();
    }

    @SuppressWarnings("unchecked")
    private List<String> rows() {
        Grid<AddressBlock> grid = _get(Grid.class, s -> s.withId("blocked-addresses"));
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < GridKt._size(grid); i++) {
            rows.add(String.join(" ", GridKt._getFormattedRow(grid, i)));
        }
        return rows;
    }
}
