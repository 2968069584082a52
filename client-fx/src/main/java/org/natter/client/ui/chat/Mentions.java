package org.natter.client.ui.chat;

import java.util.regex.Pattern;

/**
 * Whether a message names a user: the name as a whole word, ignoring case, with or without a leading {@code @}.
 * Immutable; made once per login rather than once per message.
 */
final class Mentions {

    static final Mentions NOBODY = new Mentions(null);

    private final Pattern word;

    private Mentions(Pattern word) {
        this.word = word;
    }

    static Mentions of(String name) {
        if (name == null || name.isEmpty()) {
            return NOBODY;
        }
        // Name characters are letters, digits and _ - . ; a trailing "." is allowed as the end of a sentence.
        return new Mentions(Pattern.compile("(?<![\\p{L}\\p{N}_.-])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}_-])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    boolean in(String text) {
        return word != null && text != null && word.matcher(text).find();
    }
}
