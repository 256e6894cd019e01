package de.kontor.access.ui;

import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The block form on its own: what it accepts as an address and what it hands over. */
class BlockFormTest {

    @Test
    void saveStaysDisabledUntilTheAddressLooksLikeAnAddressOrRange() {
        BlockForm form = new BlockForm("Block", true);
        assertThat(form.save.isEnabled()).isFalse();

        form.cidr.setValue("example.org");
        assertThat(form.cidr.isInvalid()).isTrue();
        assertThat(form.save.isEnabled()).isFalse();

        form.cidr.setValue("2001:db8::/32");
        assertThat(form.save.isEnabled()).isTrue();
    }

    @Test
    void saveHandsOverAddressEndAndComment() {
        BlockForm form = new BlockForm("Block", true);
        List<BlockDraft> saved = new ArrayList<>();
        form.addSaveListener(e -> saved.add(e.data()));
        LocalDateTime end = LocalDateTime.of(2030, 1, 2, 3, 4);
        form.cidr.setValue("203.0.113.0/24");
        form.until.setValue(end);
        form.comment.setValue("brute force");
        form.save.click();

        assertThat(saved).hasSize(1);
        assertThat(saved.getFirst().getCidr()).isEqualTo("203.0.113.0/24");
        assertThat(saved.getFirst().getUntil()).isEqualTo(end);
        assertThat(saved.getFirst().getComment()).isEqualTo("brute force");
    }
}
