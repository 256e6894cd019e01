package de.kontor.kiosk.ui;

import de.kontor.kiosk.ui.KioskCards.Arrangement;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The cards share a landscape screen so that together they fill it. */
class KioskCardsTest {

    @Test
    void fewPrintersStandSideBySideAndMoreFormRows() {
        assertThat(KioskCards.arrange(0)).isEqualTo(new Arrangement(1, 1));
        assertThat(KioskCards.arrange(1)).isEqualTo(new Arrangement(1, 1));
        assertThat(KioskCards.arrange(2)).isEqualTo(new Arrangement(2, 1));
        assertThat(KioskCards.arrange(4)).isEqualTo(new Arrangement(2, 2));
        assertThat(KioskCards.arrange(6)).isEqualTo(new Arrangement(3, 2));
        assertThat(KioskCards.arrange(12)).isEqualTo(new Arrangement(4, 3));
    }

    @Test
    void everyPrinterHasACellAndNoRowStaysEmpty() {
        for (int n = 1; n <= 40; n++) {
            Arrangement a = KioskCards.arrange(n);
            assertThat(a.columns() * a.rows()).as("%d printers", n).isGreaterThanOrEqualTo(n);
            assertThat(a.columns() * (a.rows() - 1)).as("%d printers", n).isLessThan(n);
        }
    }
}
