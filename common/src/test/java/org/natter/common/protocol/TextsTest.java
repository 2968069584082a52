package org.natter.common.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TextsTest {

    @ParameterizedTest
    @ValueSource(strings = {"x", "Hello, world!", "line one\nline two", "a\tb", " padded ", "🙂", "<b>not html</b>"})
    void acceptsOrdinaryText(String text) {
        assertThat(Texts.problem(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\n\t \n", "\u3000", "bell\u0007", "cr\r", "esc\u001b[31m", "del\u007f", "c1\u0085"})
    void refusesEmptyBlankAndControlCharacters(String text) {
        assertThat(Texts.problem(text)).isPresent();
    }

    @Test
    void limitIs4000CharactersCountedAsCodePoints() {
        assertThat(Texts.problem("x".repeat(4000))).isEmpty();
        assertThat(Texts.problem("x".repeat(4001))).hasValueSatisfying(p -> assertThat(p).contains("4001"));
        assertThat(Texts.problem("🙂".repeat(4000))).isEmpty();
        assertThat(Texts.problem("🙂".repeat(4001))).isPresent();
    }

    @Test
    void refusesBrokenSurrogatePairs() {
        assertThat(Texts.problem("lonely \uD83D")).isPresent();
        assertThat(Texts.problem("\uDE42 backwards")).isPresent();
    }

    @Test
    void nullIsRefused() {
        assertThat(Texts.isValid(null)).isFalse();
    }
}
