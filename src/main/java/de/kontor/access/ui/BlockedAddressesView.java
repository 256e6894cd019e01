package de.kontor.access.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import de.kontor.access.AccessService;
import de.kontor.access.AddressBlock;
import de.kontor.access.AdminNetwork;
import de.kontor.access.BlockSource;
import de.kontor.base.CurrentUser;
import de.kontor.base.error.DomainException;
import de.kontor.base.ui.Badges;
import de.kontor.base.ui.Confirmations;
import de.kontor.base.ui.Formats;
import de.kontor.base.ui.Grids;
import de.kontor.base.ui.LazyGrids;
import de.kontor.base.ui.Notifications;
import de.kontor.base.ui.ViewHeader;
import jakarta.annotation.security.RolesAllowed;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.time.ZoneId;

/**
 * Blocked addresses: the admin's blocks (an address or range, until a time or until removed) and the login
 * throttling's current locks of addresses and accounts, each with "unblock"; below, the networks admins may
 * sign in from. Viewers see both lists without the buttons.
 */
@Route("blocked-addresses")
@Menu(title = "menu.blockedAddresses", order = 965, icon = "vaadin:ban")
@RolesAllowed({"ADMIN", "VIEWER"})
class BlockedAddressesView extends Div implements HasDynamicTitle {

    private final AccessService access;
    private final ZoneId zone;
    private final Grid<AddressBlock> blocks = new Grid<>();
    private final Grid<AdminNetwork> networks = new Grid<>();

    BlockedAddressesView(AccessService access, ZoneId zone) {
        this.access = access;
        this.zone = zone;
        addClassName("kontor-view");
        setId("blocked-addresses-view");
        boolean write = CurrentUser.canWrite();

        Button add = new Button(getTranslation("access.block.add"), e -> openBlockForm());
        add.setId("block-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setVisible(write);
        Paragraph intro = new Paragraph(getTranslation("access.intro"));
        intro.addClassName("kontor-muted");
        add(new ViewHeader(new H3(getTranslation("menu.blockedAddresses"))).actions(add), intro);

        blocks.setId("blocked-addresses");
        blocks.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        Grids.key(blocks.addColumn(AddressBlock::subject).setHeader(getTranslation("access.subject")));
        Grids.key(blocks.addComponentColumn(b -> Badges.of(
                        getTranslation("access.source." + b.source()),
                        b.source() == BlockSource.MANUAL ? Badges.Tone.ERROR : Badges.Tone.WARNING))
                .setHeader(getTranslation("access.source")));
        Grids.key(blocks.addColumn(b ->
                        b.until() == null ? getTranslation("access.untilRemoved") : Formats.dateTime(b.until(), zone))
                .setHeader(getTranslation("access.until")));
        Grids.text(blocks, b -> b.comment() == null ? "" : b.comment(), "10rem")
                .setHeader(getTranslation("access.comment"));
        Grids.key(blocks.addColumn(b -> b.createdBy() + ", " + Formats.dateTime(b.createdAt(), zone))
                .setHeader(getTranslation("access.createdBy")));
        if (write) {
            Grids.actions(blocks.addComponentColumn(this::unblockButton).setKey("unblock"));
        }
        blocks.setItems(LazyGrids.pages(access::blocks));
        Grids.counted(blocks, getTranslation("access.empty"));
        blocks.setHeight("24rem");
        add(blocks);

        Button allow = new Button(getTranslation("access.network.add"), e -> openNetworkForm());
        allow.setId("network-add");
        allow.setVisible(write);
        Paragraph networksIntro = new Paragraph(getTranslation("access.networks.intro"));
        networksIntro.addClassName("kontor-muted");
        add(new ViewHeader(new H3(getTranslation("access.networks"))).actions(allow), networksIntro);
        networks.setId("admin-networks");
        networks.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        Grids.key(networks.addColumn(AdminNetwork::cidr).setHeader(getTranslation("access.cidr")));
        Grids.text(networks, n -> n.comment() == null ? "" : n.comment(), "10rem")
                .setHeader(getTranslation("access.comment"));
        Grids.key(networks.addColumn(n -> n.createdBy() + ", " + Formats.dateTime(n.createdAt(), zone))
                .setHeader(getTranslation("access.createdBy")));
        if (write) {
            Grids.actions(networks.addComponentColumn(this::removeNetworkButton));
        }
        Grids.counted(networks, getTranslation("access.networks.empty"));
        networks.setAllRowsVisible(true);
        refreshNetworks();
        add(networks);
    }

    private Button unblockButton(AddressBlock block) {
        Button unblock = new Button(
                getTranslation("access.unblock"),
                e -> Confirmations.ask(
                        "unblock-confirm",
                        getTranslation("access.unblock"),
                        getTranslation("access.unblock.confirm", block.subject()),
                        getTranslation("access.unblock"),
                        false,
                        () -> {
                            try {
                                access.unblock(block.id());
                                Notifications.success(getTranslation("access.unblocked", block.subject()));
                            } catch (DomainException ex) {
                                Notifications.error(getTranslation(ex.messageKey(), ex.args()));
                            }
                            blocks.getDataProvider().refreshAll();
                        }));
        unblock.setId("unblock-" + block.id());
        unblock.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return unblock;
    }

    private Button removeNetworkButton(AdminNetwork network) {
        Button remove = new Button(getTranslation("action.delete"), e -> {
            try {
                access.removeAdminNetwork(network.id(), ownAddress());
                Notifications.success(getTranslation("access.network.removed", network.cidr()));
            } catch (DomainException ex) {
                Notifications.error(getTranslation(ex.messageKey(), ex.args()));
            }
            refreshNetworks();
        });
        remove.setId("network-remove-" + network.id());
        remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        return remove;
    }

    private void openBlockForm() {
        BlockForm form = new BlockForm(getTranslation("access.block.add"), true);
        form.onSave(draft -> {
            @Nullable
            Instant until = draft.getUntil() == null
                    ? null
                    : draft.getUntil().atZone(zone).toInstant();
            access.block(draft.getCidr(), until, draft.getComment(), ownAddress());
            Notifications.success(
                    getTranslation("access.blocked", draft.getCidr().strip()));
            blocks.getDataProvider().refreshAll();
        });
        form.open();
    }

    private void openNetworkForm() {
        BlockForm form = new BlockForm(getTranslation("access.network.add"), false);
        form.onSave(draft -> {
            access.allowAdminNetwork(draft.getCidr(), draft.getComment(), ownAddress());
            refreshNetworks();
        });
        form.open();
    }

    private void refreshNetworks() {
        networks.setItems(access.adminNetworks());
    }

    private static @Nullable String ownAddress() {
        VaadinRequest request = VaadinRequest.getCurrent();
        return request == null ? null : request.getRemoteAddr();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("menu.blockedAddresses");
    }
}
