package org.natter.client.ui.chat;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Tab completion of names in the message field: the word before the caret ("ad" or "@ad") becomes the first name
 * that starts with it; pressing Tab again, with nothing typed in between, cycles through the other matches.
 *
 * <p><b>Threads:</b> the FX thread only.
 */
final class NameCompletion {

    /** The draft after a completion, and where the caret goes. */
    record Result(String text, int caret) {
    }

    private String lastText;
    private int lastCaret = -1;
    private int start;
    private boolean at;
    private List<String> candidates = List.of();
    private int index;

    /**
     * @param users the names to complete to, in the order to offer them
     * @return the completed draft, or empty when nothing before the caret can be completed
     */
    Optional<Result> complete(String text, int caret, List<String> users, String me) {
        if (text.equals(lastText) && caret == lastCaret && !candidates.isEmpty()) {
            index = (index + 1) % candidates.size();
            return Optional.of(apply(text, caret));
        }
        int wordStart = caret;
        while (wordStart > 0 && isNameChar(text.charAt(wordStart - 1))) {
            wordStart--;
        }
        String prefix = text.substring(wordStart, caret).toLowerCase(Locale.ROOT);
        if (prefix.isEmpty()) {
            return Optional.empty();
        }
        at = wordStart > 0 && text.charAt(wordStart - 1) == '@';
        start = at ? wordStart - 1 : wordStart;
        candidates = users.stream()
                .filter(name -> !name.equalsIgnoreCase(me) && name.toLowerCase(Locale.ROOT).startsWith(prefix))
                .toList();
        index = 0;
        return candidates.isEmpty() ? Optional.empty() : Optional.of(apply(text, caret));
    }

    private Result apply(String text, int caret) {
        String name = (at ? "@" : "") + candidates.get(index) + " ";
        lastText = text.substring(0, start) + name + text.substring(caret);
        lastCaret = start + name.length();
        return new Result(lastText, lastCaret);
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
    }
}
