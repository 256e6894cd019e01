package de.kontor.base.ui;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a search hit shows under its title. */
class SearchHitTest {

    @Test
    void theDetailJoinsThePartsAHitHasAndLeavesOutMissingOnes() {
        assertThat(SearchHit.detail("K-1001", "Berlin")).isEqualTo("K-1001 · Berlin");
        assertThat(SearchHit.detail(null, "Berlin")).isEqualTo("Berlin");
        assertThat(SearchHit.detail("K-1001", null)).isEqualTo("K-1001");
        assertThat(SearchHit.detail(null, null)).isEmpty();
    }
}
