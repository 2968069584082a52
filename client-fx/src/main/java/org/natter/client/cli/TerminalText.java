package org.natter.client.cli;

/**
 * Makes text from the server safe to print on a terminal. A terminal obeys control characters: ESC starts a
 * sequence that can move the cursor, rewrite earlier lines, change the window title or colours; a carriage return
 * overwrites the line; bidi overrides (U+202A–U+202E, U+2066–U+2069) reorder what follows; zero-width characters
 * hide text. So every such character is shown as a visible escape instead, {@code \}{@code u} and four lowercase
 * hex digits, as in Java and JSON: ESC appears as {@code \}{@code u001b}, a right-to-left override as
 * {@code \}{@code u202e}. A character beyond U+FFFF is written as its two UTF-16 halves ({@code \}{@code udb40}
 * {@code \}{@code udc01}), as in JSON. See docs/CLIENT.md.
 *
 * <p>Escaped: C0 controls (U+0000–U+001F), DEL (U+007F), C1 controls (U+0080–U+009F), every Unicode format
 * character (category Cf: bidi marks and overrides, zero-width space and joiners, soft hyphen, byte-order mark,
 * invisible operators, tags), the line and paragraph separators (U+2028, U+2029) and lone surrogates. A message text
 * keeps its line breaks and tabs (the protocol allows them) and the zero-width joiner and non-joiner, which emoji
 * sequences and some scripts need; names and other one-line values keep nothing.
 *
 * <p>Pure functions; any thread.
 */
final class TerminalText {

    private static final int ZWNJ = 0x200C;
    private static final int ZWJ = 0x200D;

    private TerminalText() {
    }

    /** A one-line value (a name, a reason, a server's sentence): everything above is escaped, line breaks too. */
    static String line(String text) {
        return escape(text, false);
    }

    /** A message text: as {@link #line}, but line breaks, tabs and the zero-width joiners are kept. */
    static String message(String text) {
        return escape(text, true);
    }

    private static String escape(String text, boolean message) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int end = i + Character.charCount(cp);
            if (isUnsafe(cp, message)) {
                for (int j = i; j < end; j++) {
                    out.append(String.format("\\u%04x", (int) text.charAt(j)));
                }
            } else {
                out.append(text, i, end);
            }
            i = end;
        }
        return out.toString();
    }

    private static boolean isUnsafe(int cp, boolean message) {
        if (message && (cp == '\n' || cp == '\t' || cp == ZWJ || cp == ZWNJ)) {
            return false;
        }
        if (cp < 0x20 || cp >= 0x7F && cp <= 0x9F) {
            return true;
        }
        int type = Character.getType(cp);
        // A lone surrogate half (code points come out whole when paired) is escaped too.
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || type == Character.SURROGATE;
    }
}
