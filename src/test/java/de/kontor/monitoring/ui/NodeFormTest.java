package de.kontor.monitoring.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static de.kontor.KaribuTest.type;
import static org.assertj.core.api.Assertions.assertThat;

/** The node form on its own: Save only with a valid name, and the event carries what was entered. */
class NodeFormTest {

    @BeforeEach
    void setUp() {
        MockVaadin.setup();
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void saveIsEnabledOnlyForAValidNameAndFiresTheDraft() {
        NodeForm form = new NodeForm();
        List<NodeDraft> saved = new ArrayList<>();
        form.addSaveListener(e -> saved.add(e.data()));
        assertThat(form.save.isEnabled()).isFalse();

        type(form.name, "x".repeat(101));
        assertThat(form.save.isEnabled()).isFalse();
        assertThat(form.name.isInvalid()).isTrue();

        type(form.name, "web-1");
        type(form.tags, Set.of("web", "berlin"));
        assertThat(form.save.isEnabled()).isTrue();
        form.save.click();

        assertThat(saved).hasSize(1);
        assertThat(saved.getFirst().getName()).isEqualTo("web-1");
        assertThat(saved.getFirst().getTags()).containsExactlyInAnyOrder("web", "berlin");
    }
}
