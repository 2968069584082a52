package org.natter.common.protocol;

import java.util.Optional;

/**
 * The rules for message text: 1 to 4,000 characters, not only blank (see {@link TextRules#isBlank}: zero-width
 * characters, fillers and braille blanks count as blank), no control characters except newline and tab, and no
 * bidirectional controls ({@link TextRules#isBidiControl}). Text that breaks them is refused, never shortened.
 */
public final class Texts {

    private Texts() {
    }

    /** Why this text cannot be sent, as a sentence for a person, or empty when it is fine. */
    public static Optional<String> problem(String text) {
        return problem(text, ProtocolLimits.MAX_TEXT_LENGTH);
    }

    /** As {@link #problem(String)}, with another upper limit (used for kick reasons). */
    public static Optional<String> problem(String text, int maxLength) {
        if (text == null || text.isEmpty()) {
            return Optional.of("The message is empty.");
        }
        int length = 0;
        boolean onlyWhitespace = true;
        for (int i = 0; i < text.length(); ) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return Optional.of("The message contains a broken character.");
                }
            }
            int cp = text.codePointAt(i);
            if (Character.isISOControl(cp) && cp != '\n' && cp != '\t') {
                return Optional.of("The message contains a control character.");
            }
            if (TextRules.isBidiControl(cp)) {
                return Optional.of("The message contains an invisible character that turns the writing direction ("
                        + TextRules.codeOf(cp) + "), which can make a text read differently from what it says.");
            }
            if (onlyWhitespace && !TextRules.isBlank(cp)) {
                onlyWhitespace = false;
            }
            length++;
            i += Character.charCount(cp);
        }
        if (length > maxLength) {
            return Optional.of("The message is too long: " + length + " characters, at most " + maxLength + ".");
        }
        if (onlyWhitespace) {
            return Optional.of("The message is only blank space.");
        }
        return Optional.empty();
    }

    public static boolean isValid(String text) {
        return problem(text).isEmpty();
    }
}
