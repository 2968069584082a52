package org.natter.common.protocol;

/**
 * Makes text that a client chose (a name, a frame type, a reason, a message) safe to print in a terminal, a log
 * file or a log view: characters that could start a new line, move the cursor, recolour the terminal, reorder
 * the text (bidi overrides) or hide in it (zero-width characters) are shown as visible escapes instead.
 *
 * <p>Escaped: the C0 and C1 controls and DEL ({@code \n}, {@code \r} and {@code \t} in their short forms,
 * every other one as <code>&#92;u001b</code>), the Unicode format characters (category Cf: bidi marks,
 * embeddings, overrides and isolates, zero-width space, word joiner, byte order mark, soft hyphen, tags, ...),
 * the line and paragraph separators U+2028 and U+2029, and unpaired surrogates: each as <code>&#92;u</code> and
 * four lower-case hex digits, or {@code \U} and eight for a character beyond U+FFFF. Letters of every script,
 * marks, spaces and emoji are left alone, and so are the format characters that emoji and some scripts need to
 * display right: a zero-width joiner or non-joiner between two letters or symbols (Persian words, Indic half
 * forms, family and profession emoji) and the tags of a subdivision flag such as England's.
 *
 * <p>The escapes are for reading, not reversible: a backslash the client typed is left as it is, so
 * {@code C:\Users} reads normally and a literal <code>&#92;u001b</code> in a message looks like an escaped one.
 */
public final class SafeText {

    private static final int ZERO_WIDTH_NON_JOINER = 0x200C;
    private static final int ZERO_WIDTH_JOINER = 0x200D;
    private static final int BLACK_FLAG = 0x1F3F4;
    private static final int FIRST_TAG = 0xE0020;
    private static final int CANCEL_TAG = 0xE007F;
    /** Subdivision flags use codes of a few letters ("gbeng"); a longer run of tags is hiding something. */
    private static final int MAX_FLAG_TAGS = 7;

    private SafeText() {
    }

    /**
     * The text with every character that could forge or disguise a line escaped, as described above. Returns
     * {@code text} itself when nothing needs escaping; {@code null} stays {@code null}.
     */
    public static String escape(String text) {
        if (text == null) {
            return null;
        }
        int first = firstUnsafe(text);
        if (first < 0) {
            return text;
        }
        StringBuilder escaped = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); ) {
            int kept = keptSequenceLength(text, i);
            if (kept > 0) {
                escaped.append(text, i, i + kept);
                i += kept;
                continue;
            }
            int cp = text.codePointAt(i);
            if (needsEscape(text, i, cp)) {
                appendEscape(escaped, cp);
            } else {
                escaped.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        return escaped.toString();
    }

    private static int firstUnsafe(String text) {
        for (int i = 0; i < text.length(); ) {
            int kept = keptSequenceLength(text, i);
            if (kept > 0) {
                i += kept;
                continue;
            }
            int cp = text.codePointAt(i);
            if (needsEscape(text, i, cp)) {
                return i;
            }
            i += Character.charCount(cp);
        }
        return -1;
    }

    private static boolean needsEscape(String text, int index, int cp) {
        if (Character.isISOControl(cp)) {
            return true;
        }
        switch (Character.getType(cp)) {
            case Character.FORMAT:
                return !isJoinerInWord(text, index, cp);
            case Character.LINE_SEPARATOR:
            case Character.PARAGRAPH_SEPARATOR:
            case Character.SURROGATE:
                // codePointAt returns a lone surrogate as itself; a proper pair never gets here.
                return true;
            default:
                return false;
        }
    }

    /** A joiner or non-joiner shapes the characters either side of it; alone or at an edge it only hides. */
    private static boolean isJoinerInWord(String text, int index, int cp) {
        if (cp != ZERO_WIDTH_JOINER && cp != ZERO_WIDTH_NON_JOINER) {
            return false;
        }
        if (index == 0 || index + 1 >= text.length()) {
            return false;
        }
        return isJoinable(text.codePointBefore(index)) && isJoinable(text.codePointAt(index + 1));
    }

    private static boolean isJoinable(int cp) {
        if (Character.isLetter(cp)) {
            return true;
        }
        switch (Character.getType(cp)) {
            case Character.NON_SPACING_MARK:        // viramas, the emoji variation selector U+FE0F
            case Character.COMBINING_SPACING_MARK:
            case Character.ENCLOSING_MARK:
            case Character.OTHER_SYMBOL:            // emoji
            case Character.MODIFIER_SYMBOL:         // skin tones
                return true;
            default:
                return false;
        }
    }

    /** The length in chars of a subdivision flag (black flag, a few tags, cancel tag) at {@code index}, or 0. */
    private static int keptSequenceLength(String text, int index) {
        if (text.codePointAt(index) != BLACK_FLAG) {
            return 0;
        }
        int i = index + Character.charCount(BLACK_FLAG);
        int tags = 0;
        while (i < text.length()) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == CANCEL_TAG) {
                return tags > 0 ? i - index : 0;
            }
            if (cp < FIRST_TAG || cp > CANCEL_TAG || ++tags > MAX_FLAG_TAGS) {
                return 0;
            }
        }
        return 0;
    }

    private static void appendEscape(StringBuilder escaped, int cp) {
        switch (cp) {
            case '\n' -> escaped.append("\\n");
            case '\r' -> escaped.append("\\r");
            case '\t' -> escaped.append("\\t");
            default -> {
                String hex = Integer.toHexString(cp);
                if (Character.isBmpCodePoint(cp)) {
                    escaped.append("\\u").append("0".repeat(4 - hex.length())).append(hex);
                } else {
                    escaped.append("\\U").append("0".repeat(8 - hex.length())).append(hex);
                }
            }
        }
    }
}
