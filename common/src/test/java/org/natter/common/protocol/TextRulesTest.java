package org.natter.common.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextRulesTest {

    @ParameterizedTest
    @ValueSource(ints = {0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069})
    void refusesEveryBidiControlWithASentence(int control) {
        String text = "pay " + new String(Character.toChars(control)) + "gnp.exe";
        assertThat(Texts.problem(text)).hasValueSatisfying(reason -> assertThat(reason)
                .contains("writing direction").contains(String.format("U+%04X", control)));
        assertThat(TextRules.firstBidiControl(text)).isEqualTo(control);
    }

    @Test
    void keepsTheMarksRightToLeftWritingNeeds() {
        assertThat(Texts.problem("שלום\u200E world \u200Fمرحبا")).isEmpty();
        assertThat(TextRules.firstBidiControl("plain")).isEqualTo(-1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u200B", "\u200B\u200C\u200D", "\u3164", "\u115F\u1160", "\uFFA0", "\u2800\u2800",
        " \u2800 \n\u200B", "\u2060\uFEFF", "\u00AD"})
    void textOfOnlyInvisibleCharactersIsBlank(String text) {
        assertThat(TextRules.looksBlank(text)).isTrue();
        assertThat(Texts.problem(text)).contains("The message is only blank space.");
    }

    @Test
    void invisibleCharactersBesideRealOnesAreNotBlank() {
        assertThat(Texts.problem("\u200Bhello\u2800")).isEmpty();
        assertThat(Texts.problem("👨\u200D👩\u200D👧")).isEmpty();
    }

    @Test
    void cleaningDropsOnlyTheBidiControls() {
        assertThat(TextRules.withoutBidiControls("be \u202Enice\u202C, \u2067please\u2069\u200F"))
                .isEqualTo("be nice, please\u200F");
    }
}
