package org.natter.client.ui.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a message into plain text and http(s) links. Nothing else in a message means anything: no markup, no
 * other schemes.
 */
final class LinkText {

    /** A piece of a message; {@code link} when it is an address to open. */
    record Segment(String text, boolean link) {
    }

    private static final Pattern URL = Pattern.compile("(?i)\\bhttps?://[^\\s<>\"]+");
    private static final String TRAILING = ".,;:!?'\"";

    private LinkText() {
    }

    static List<Segment> split(String text) {
        List<Segment> segments = new ArrayList<>();
        Matcher matcher = URL.matcher(text);
        int plainFrom = 0;
        while (matcher.find()) {
            int end = trimmedEnd(text, matcher.start(), matcher.end());
            if (end - matcher.start() <= "http://".length()) {
                continue;
            }
            if (matcher.start() > plainFrom) {
                segments.add(new Segment(text.substring(plainFrom, matcher.start()), false));
            }
            segments.add(new Segment(text.substring(matcher.start(), end), true));
            plainFrom = end;
        }
        if (plainFrom < text.length()) {
            segments.add(new Segment(text.substring(plainFrom), false));
        }
        return segments;
    }

    /** Sentence punctuation after a link, and a closing bracket it did not open, belong to the sentence. */
    private static int trimmedEnd(String text, int start, int end) {
        while (end > start) {
            char last = text.charAt(end - 1);
            if (TRAILING.indexOf(last) >= 0
                    || last == ')' && text.substring(start, end).chars().filter(c -> c == '(').count()
                    < text.substring(start, end).chars().filter(c -> c == ')').count()) {
                end--;
            } else {
                break;
            }
        }
        return end;
    }
}
