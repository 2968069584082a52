package org.natter.common.protocol;

/**
 * What a text (a message, a topic, a reason) may not hide: the bidirectional embeddings, overrides and isolates
 * (U+202A–U+202E, U+2066–U+2069), which reorder what follows them so that a line reads differently from what
 * it says, are refused; the marks U+200E and U+200F, which right-to-left writing needs, are kept. A text of
 * nothing but blanks, zero-width characters, fillers and braille blanks (U+2800) counts as blank. Any thread.
 */
public final class TextRules {

    /** The braille pattern without dots: a letter-sized blank that no whitespace test catches. */
    public static final int BRAILLE_BLANK = 0x2800;

    private TextRules() {
    }

    /** An embedding, override or isolate control, or their terminators. */
    public static boolean isBidiControl(int cp) {
        return cp >= 0x202A && cp <= 0x202E || cp >= 0x2066 && cp <= 0x2069;
    }

    /** The first bidirectional control in the text, or -1. */
    public static int firstBidiControl(String text) {
        return text.codePoints().filter(TextRules::isBidiControl).findFirst().orElse(-1);
    }

    /** The text without its bidirectional controls (how the operator's kick and ban reasons are cleaned). */
    public static String withoutBidiControls(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        text.codePoints().filter(cp -> !isBidiControl(cp)).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    /** A character that shows nothing: whitespace, a space, a zero-width character, a filler, a braille blank. */
    public static boolean isBlank(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || NameRules.isInvisible(cp);
    }

    /** True when nothing in the text would show (an empty text too). */
    public static boolean looksBlank(String text) {
        return text.codePoints().allMatch(TextRules::isBlank);
    }

    /** "U+202E", for a sentence that names a character a person cannot see. */
    public static String codeOf(int cp) {
        return String.format("U+%04X", cp);
    }
}
