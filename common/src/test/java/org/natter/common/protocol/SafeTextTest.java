package org.natter.common.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SafeTextTest {

    @Test
    void aForgedLogLineStaysOnTheLineItCameIn() {
        String name = "alice\n12:00:00  Server stopped.";
        String text = "hi\r\n12:00:01  bob was removed (spam).";

        assertThat(SafeText.escape(name)).isEqualTo("alice\\n12:00:00  Server stopped.");
        assertThat(SafeText.escape(text)).isEqualTo("hi\\r\\n12:00:01  bob was removed (spam).").doesNotContain("\n", "\r");
    }

    @Test
    void newlineReturnAndTabHaveTheirShortEscapes() {
        assertThat(SafeText.escape("a\nb\rc\td")).isEqualTo("a\\nb\\rc\\td");
    }

    @Test
    void terminalEscapeSequencesCannotRecolourOrMoveTheCursor() {
        assertThat(SafeText.escape("\u001b[31mred\u001b[0m \u001b[2J\u0007"))
                .isEqualTo("\\u001b[31mred\\u001b[0m \\u001b[2J\\u0007");
    }

    static IntStream c0ControlsButTheShortOnes() {
        return IntStream.rangeClosed(0x00, 0x1F).filter(cp -> cp != '\n' && cp != '\r' && cp != '\t');
    }

    @ParameterizedTest
    @MethodSource("c0ControlsButTheShortOnes")
    void everyC0ControlIsEscaped(int cp) {
        assertThat(SafeText.escape("a" + (char) cp + "b")).isEqualTo(String.format("a\\u%04xb", cp));
    }

    @Test
    void deleteIsEscaped() {
        assertThat(SafeText.escape("x\u007fy")).isEqualTo("x\\u007fy");
    }

    static IntStream c1Controls() {
        return IntStream.rangeClosed(0x80, 0x9F);
    }

    @ParameterizedTest
    @MethodSource("c1Controls")
    void everyC1ControlIsEscapedNextLineIncluded(int cp) {
        assertThat(SafeText.escape("a" + (char) cp + "b")).isEqualTo(String.format("a\\u%04xb", cp));
    }

    @ParameterizedTest
    @CsvSource({
            "202a, left-to-right embedding", "202b, right-to-left embedding", "202c, pop directional formatting",
            "202d, left-to-right override", "202e, right-to-left override", "2066, left-to-right isolate",
            "2067, right-to-left isolate", "2068, first strong isolate", "2069, pop directional isolate",
            "200e, left-to-right mark", "200f, right-to-left mark", "061c, Arabic letter mark"})
    void bidiControlsAreEscaped(String hex, String what) {
        int cp = Integer.parseInt(hex, 16);
        assertThat(SafeText.escape("name" + (char) cp + "gpj.exe")).as(what).isEqualTo("name\\u" + hex + "gpj.exe");
    }

    @ParameterizedTest
    @CsvSource({
            "200b, zero-width space", "2060, word joiner", "feff, byte order mark", "00ad, soft hyphen",
            "180e, Mongolian vowel separator", "2061, function application", "fff9, interlinear annotation anchor"})
    void invisibleFormatCharactersAreEscaped(String hex, String what) {
        int cp = Integer.parseInt(hex, 16);
        assertThat(SafeText.escape("ad" + (char) cp + "min")).as(what).isEqualTo("ad\\u" + hex + "min");
    }

    @Test
    void formatCharactersBeyondTheBasicPlaneGetTheLongEscape() {
        assertThat(SafeText.escape("a" + Character.toString(0xE0001) + "b")).isEqualTo("a\\U000e0001b");
        assertThat(SafeText.escape("a" + Character.toString(0x1D173) + "b")).isEqualTo("a\\U0001d173b");
        // Tags on their own spell hidden text ("hi" here), so they are shown.
        assertThat(SafeText.escape("ok" + Character.toString(0xE0068) + Character.toString(0xE0069)))
                .isEqualTo("ok\\U000e0068\\U000e0069");
    }

    @Test
    void lineAndParagraphSeparatorsAreEscaped() {
        assertThat(SafeText.escape("one\u2028two\u2029three")).isEqualTo("one\\u2028two\\u2029three");
    }

    @Test
    void unpairedSurrogatesAreEscaped() {
        assertThat(SafeText.escape("lonely \uD83D")).isEqualTo("lonely \\ud83d");
        assertThat(SafeText.escape("\uDE42 backwards")).isEqualTo("\\ude42 backwards");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Hello, world!", "Grüße aus Köln", "Ελληνικά", "Привет", "مرحبا", "שלום", "नमस्ते", "สวัสดี", "你好，世界",
            "こんにちは", "안녕하세요", "ǅemal", "e\u0301 with a combining accent", "C:\\Users\\ada", "50% off <b>",
            "no\u00a0break", "ideographic\u3000space", "   padded   ", ""})
    void ordinaryTextOfEveryScriptIsLeftAlone(String text) {
        assertThat(SafeText.escape(text)).isSameAs(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "🙂", "👍🏽", "👨\u200d👩\u200d👧", "❤\ufe0f\u200d🔥", "🏳\ufe0f\u200d🌈", "👩🏽\u200d💻", "🇩🇪", "1\ufe0f\u20e3",
            "🏴\udb40\udc67\udb40\udc62\udb40\udc65\udb40\udc6e\udb40\udc67\udb40\udc7f"})
    void emojiAreLeftAloneJoinedSequencesAndFlagsIncluded(String emoji) {
        assertThat(SafeText.escape("so " + emoji + " much")).isEqualTo("so " + emoji + " much");
    }

    @Test
    void joinersThatShapeAWordAreLeftAlone() {
        String persian = "می\u200cخواهم";
        String devanagari = "क्\u200dष";
        assertThat(SafeText.escape(persian)).isSameAs(persian);
        assertThat(SafeText.escape(devanagari)).isSameAs(devanagari);
    }

    @Test
    void joinersThatJoinNothingAreEscaped() {
        assertThat(SafeText.escape("\u200dadmin")).isEqualTo("\\u200dadmin");
        assertThat(SafeText.escape("admin\u200c")).isEqualTo("admin\\u200c");
        assertThat(SafeText.escape("a \u200d b")).isEqualTo("a \\u200d b");
        assertThat(SafeText.escape("a\u200d\u200db")).isEqualTo("a\\u200d\\u200db");
    }

    @Test
    void flagTagsThatDoNotMakeAFlagAreEscaped() {
        String unterminated = "🏴" + Character.toString(0xE0067) + Character.toString(0xE0062);
        assertThat(SafeText.escape(unterminated)).isEqualTo("🏴\\U000e0067\\U000e0062");
        String tooLong = "🏴" + Character.toString(0xE0061).repeat(8) + Character.toString(0xE007F);
        assertThat(SafeText.escape(tooLong)).isEqualTo("🏴" + "\\U000e0061".repeat(8) + "\\U000e007f");
    }

    @Test
    void nullStaysNull() {
        assertThat(SafeText.escape(null)).isNull();
    }

    /** Every code point, between two letters: what comes out can neither break a line nor hide or reorder text. */
    @Test
    void noCodePointSurvivesThatCouldForgeOrDisguiseALine() {
        List<String> survivors = new ArrayList<>();
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            if (cp == 0x200C || cp == 0x200D) {
                continue; // between two letters they shape the word; joinersThatJoinNothingAreEscaped covers the rest
            }
            String escaped = SafeText.escape("a" + Character.toString(cp) + "b");
            if (escaped.codePoints().anyMatch(SafeTextTest::isUnsafe)) {
                survivors.add(String.format("U+%04X", cp));
            }
        }
        assertThat(survivors).isEmpty();
    }

    private static boolean isUnsafe(int cp) {
        int type = Character.getType(cp);
        return Character.isISOControl(cp) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE;
    }
}
