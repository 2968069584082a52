package org.natter.client.ui.chat;

import java.util.regex.Pattern;

/** Whether a message names a user: the name as a whole word, ignoring case, with or without a leading {@code @}. */
final class Mentions {

    private Mentions() {
    }

    static boolean mentions(String text, String name) {
        if (text == null || name == null || name.isEmpty()) {
            return false;
        }
        // Name characters are letters, digits and _ - . ; a trailing "." is allowed as the end of a sentence.
        Pattern word = Pattern.compile("(?<![\\p{L}\\p{N}_.-])" + Pattern.quote(name) + "(?![\\p{L}\\p{N}_-])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return word.matcher(text).find();
    }
}
