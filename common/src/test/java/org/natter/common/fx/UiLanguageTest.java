package org.natter.common.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class UiLanguageTest {

    @Test
    void namesAreReadInAnyCaseAndAnythingElseMeansTheSystemLanguage() {
        assertThat(UiLanguage.parse(" french ")).isEqualTo(UiLanguage.FRENCH);
        assertThat(UiLanguage.parse("ENGLISH")).isEqualTo(UiLanguage.ENGLISH);
        assertThat(UiLanguage.parse("klingon")).isEqualTo(UiLanguage.SYSTEM);
        assertThat(UiLanguage.parse(null)).isEqualTo(UiLanguage.SYSTEM);
    }

    @Test
    void applyingAChoiceSetsTheDefaultLocaleAndSystemBringsTheComputersBack() {
        Locale before = Locale.getDefault();
        try {
            UiLanguage.FRENCH.apply();
            assertThat(Locale.getDefault()).isEqualTo(Locale.FRENCH);
            UiLanguage.ENGLISH.apply();
            assertThat(Locale.getDefault()).isEqualTo(Locale.ENGLISH);
            UiLanguage.SYSTEM.apply();
            assertThat(Locale.getDefault()).isEqualTo(UiLanguage.SYSTEM.locale());
        } finally {
            Locale.setDefault(before);
        }
    }
}
