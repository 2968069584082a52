package org.natter.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the terminal client shows for characters that could steer a terminal. */
class TerminalTextTest {

    @Test
    void escapeSequencesAreShownNotObeyed() {
        assertThat(TerminalText.line("\u001b[2J\u001b]0;owned\u0007")).isEqualTo("\\u001b[2J\\u001b]0;owned\\u0007");
    }

    @Test
    void everyC0ControlDelAndC1ControlIsEscaped() {
        for (int c = 0; c < 0x20; c++) {
            assertThat(TerminalText.line(String.valueOf((char) c))).isEqualTo(String.format("\\u%04x", c));
        }
        assertThat(TerminalText.line("a\u007fb")).isEqualTo("a\\u007fb");
        for (int c = 0x80; c <= 0x9f; c++) {
            assertThat(TerminalText.line(String.valueOf((char) c))).isEqualTo(String.format("\\u%04x", c));
        }
    }

    @Test
    void bidiOverridesIsolatesAndZeroWidthCharactersAreEscaped() {
        assertThat(TerminalText.line("abc\u202Eevil\u202C")).isEqualTo("abc\\u202eevil\\u202c");
        assertThat(TerminalText.line("\u202A\u202B\u202D\u2066\u2067\u2068\u2069"))
                .isEqualTo("\\u202a\\u202b\\u202d\\u2066\\u2067\\u2068\\u2069");
        assertThat(TerminalText.line("an\u200Bna\u200E\u200F\uFEFF\u00AD\u2060"))
                .isEqualTo("an\\u200bna\\u200e\\u200f\\ufeff\\u00ad\\u2060");
        assertThat(TerminalText.line("x\u2028y\u2029")).isEqualTo("x\\u2028y\\u2029");
    }

    @Test
    void formatCharactersBeyondTheBasicPlaneAndLoneSurrogatesAreEscaped() {
        assertThat(TerminalText.line("tag\uDB40\uDC01")).isEqualTo("tag\\udb40\\udc01");
        assertThat(TerminalText.line("half\uD83D")).isEqualTo("half\\ud83d");
    }

    @Test
    void ordinaryTextIsUnchanged() {
        String text = "Grüße, Ærøskøbing! 漢字 русский עברית 😀 👩‍💻 [a] \\u1234";
        assertThat(TerminalText.message(text)).isEqualTo(text);
        assertThat(TerminalText.line("anna_2.b-c")).isEqualTo("anna_2.b-c");
    }

    @Test
    void messageKeepsLineBreaksTabsAndJoinersButNameKeepsNone() {
        assertThat(TerminalText.message("a\nb\tc\u200Dd\u200Ce\r")).isEqualTo("a\nb\tc\u200Dd\u200Ce\\u000d");
        assertThat(TerminalText.line("a\nb\tc\u200Dd")).isEqualTo("a\\u000ab\\u0009c\\u200dd");
    }

    @Test
    void nullIsEmpty() {
        assertThat(TerminalText.line(null)).isEmpty();
    }
}
