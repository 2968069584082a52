package org.natter.server.ui.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class ByteSizesTest {

    @Test
    void englishBytesAndFrenchOctets() {
        assertThat(ByteSizes.format(0, Locale.ROOT)).isEqualTo("0 B");
        assertThat(ByteSizes.format(812, Locale.ROOT)).isEqualTo("812 B");
        assertThat(ByteSizes.format(2_400_000, Locale.ROOT)).isEqualTo("2.4 MB");
        assertThat(ByteSizes.format(999_960, Locale.ROOT)).isEqualTo("1.0 MB");
        assertThat(ByteSizes.format(812, Locale.FRENCH)).isEqualTo("812\u00a0o");
        assertThat(ByteSizes.format(2_400_000, Locale.FRENCH)).isEqualTo("2,4\u00a0Mo");
    }
}
