package org.natter.common.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "alice", "Zoë", "José_1", "o.k-2", "李小龙", "Ольга", "١٢٣", "abcdefghijklmnopqrstuvwx"})
    void acceptsLettersDigitsAndTheThreeMarks(String name) {
        assertThat(Names.problem(name)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "two words", "abcdefghijklmnopqrstuvwxy", "tab\tx", "new\nline", "nul\u0000",
        "semi;colon", "at@sign", "emoji🙂", "zero\u200Bwidth", "rtl\u202Eoverride", "slash/", "quote\""})
    void refusesEverythingElseWithASentence(String name) {
        assertThat(Names.problem(name)).hasValueSatisfying(reason -> assertThat(reason).endsWith("."));
    }

    @Test
    void nullIsRefused() {
        assertThat(Names.isValid(null)).isFalse();
    }

    @Test
    void lengthCountsCharactersNotUtf16Units() {
        String twentyFour = "𝔸".repeat(24);
        assertThat(twentyFour.length()).isEqualTo(48);
        assertThat(Names.problem(twentyFour)).isEmpty();
        assertThat(Names.problem(twentyFour + "𝔸")).isPresent();
    }

    @Test
    void decomposedAccentsCountAsTheComposedLetter() {
        String decomposed = "Zoe\u0308";
        assertThat(Names.problem(decomposed)).isEmpty();
        assertThat(Names.normalize(decomposed)).isEqualTo("Zoë");
        assertThat(Names.key(decomposed)).isEqualTo(Names.key("Zoë"));
    }

    @Test
    void keyIgnoresCaseAndCompatibilityForms() {
        assertThat(Names.key("Alice")).isEqualTo(Names.key("ALICE")).isEqualTo(Names.key("Ａｌｉｃｅ"));
        assertThat(Names.key("Straße")).isEqualTo(Names.key("STRASSE"));
        assertThat(Names.key("alice")).isNotEqualTo(Names.key("alicia"));
    }
}
