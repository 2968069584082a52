package org.natter.client.ui.chat;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The part of a found message to show in the search results, with the matched word picked out: the text on one
 * line, cut to about {@value #BEFORE} characters before the first match and {@value #AFTER} after it. The server
 * matches whole words ignoring case (and accents); here a word is looked for ignoring case, so a match the server
 * made through an accent shows the text without a highlight rather than a wrong one.
 *
 * @param before the text before the match, starting with "…" when cut
 * @param match  the matched characters as written in the message, or empty when none was found here
 * @param after  the text after the match, ending with "…" when cut
 */
record SearchSnippet(String before, String match, String after) {

    static final int BEFORE = 40;
    static final int AFTER = 120;
    private static final String CUT = "\u2026";

    static SearchSnippet of(String text, String query) {
        String line = text.replaceAll("\\s+", " ").strip();
        int[] found = find(line, query);
        if (found == null) {
            return new SearchSnippet("", "", cutEnd(line, BEFORE + AFTER));
        }
        int start = found[0];
        int end = found[1];
        String head = line.substring(0, start);
        if (head.length() > BEFORE) {
            int from = boundary(head, head.length() - BEFORE);
            int space = head.indexOf(' ', from);
            head = CUT + head.substring(space >= 0 && space < head.length() - 1 ? space + 1 : from);
        }
        return new SearchSnippet(head, line.substring(start, end), cutEnd(line.substring(end), AFTER));
    }

    /** Where the longest word of the query first occurs (at the start of a word if it does there), or null. */
    private static int[] find(String line, String query) {
        String[] words = Arrays.stream(query.replace("\"", " ").strip().split("\\s+"))
                .filter(word -> !word.isEmpty()).sorted(Comparator.comparingInt(String::length).reversed())
                .toArray(String[]::new);
        for (String word : words) {
            int anywhere = -1;
            for (int i = 0; i + word.length() <= line.length(); i++) {
                if (line.regionMatches(true, i, word, 0, word.length())) {
                    if (i == 0 || !Character.isLetterOrDigit(line.charAt(i - 1))) {
                        return new int[] {i, i + word.length()};
                    }
                    if (anywhere < 0) {
                        anywhere = i;
                    }
                }
            }
            if (anywhere >= 0) {
                return new int[] {anywhere, anywhere + word.length()};
            }
        }
        return null;
    }

    private static String cutEnd(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int space = text.lastIndexOf(' ', max);
        return text.substring(0, space > max / 2 ? space : boundary(text, max)) + CUT;
    }

    /** The index, moved past the middle of a surrogate pair so that no character is cut in two. */
    private static int boundary(String text, int index) {
        return index > 0 && index < text.length() && Character.isLowSurrogate(text.charAt(index)) ? index + 1 : index;
    }
}
