package org.natter.common.protocol;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * The naming rules: 1 to 24 characters, each a Unicode letter or digit or one of {@code _ - .}, none of them
 * invisible (the Hangul fillers are letters that show nothing), and no mix of scripts that look alike
 * ({@link NameRules}). Names are compared ignoring case and Unicode compatibility forms, so "Anna", "ANNA" and
 * "Ａｎｎａ" are one name; the server also keeps two names apart that only look alike ({@link NameSkeleton}).
 */
public final class Names {

    private Names() {
    }

    /** The name in the form the server keeps and shows (NFC), so that visually equal input is stored once. */
    public static String normalize(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC);
    }

    /**
     * Why this name breaks the rules, as a sentence for a person, or empty when it is valid.
     * The name is checked in its {@link #normalize normalized} form.
     */
    public static Optional<String> problem(String name) {
        return characterProblem(name).or(() -> NameRules.scriptProblem(normalize(name), "name"));
    }

    /**
     * As {@link #problem}, without the script rules: length and characters only. The server checks these first,
     * then whether the name looks like one already online, then the scripts, so that a look-alike of someone
     * online is told so.
     */
    public static Optional<String> characterProblem(String name) {
        return problem(name, ProtocolLimits.MAX_NAME_LENGTH, "name");
    }

    /**
     * Why this room name breaks the rules for rooms (the same characters as user names, 1 to 32 of them), or
     * empty when it is valid. A leading {@code #} is not part of the name.
     */
    public static Optional<String> roomProblem(String room) {
        return problem(room, ProtocolLimits.MAX_ROOM_NAME_LENGTH, "room name")
                .or(() -> NameRules.scriptProblem(normalize(room), "room name"));
    }

    private static Optional<String> problem(String name, int maxLength, String noun) {
        if (name == null || name.isEmpty()) {
            return Optional.of("Choose a " + noun + " of 1 to " + maxLength + " characters.");
        }
        String normalized = normalize(name);
        int length = normalized.codePointCount(0, normalized.length());
        if (length > maxLength) {
            return Optional.of("A " + noun + " can have at most " + maxLength + " characters.");
        }
        for (int i = 0; i < normalized.length(); ) {
            int cp = normalized.codePointAt(i);
            if (NameRules.isInvisible(cp)) {
                return Optional.of("A " + noun + " cannot contain invisible characters (" + TextRules.codeOf(cp) + ").");
            }
            if (!isAllowed(cp)) {
                return Optional.of(describe(cp, noun));
            }
            i += Character.charCount(cp);
        }
        return Optional.empty();
    }

    public static boolean isValid(String name) {
        return problem(name).isEmpty();
    }

    /** The key two names share exactly when they count as the same name. */
    public static String key(String name) {
        String compatible = Normalizer.normalize(name, Normalizer.Form.NFKC);
        // Upper then lower case folds the pairs that lower case alone misses, such as "ß" and "SS".
        return compatible.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }

    private static boolean isAllowed(int cp) {
        return Character.isLetter(cp) || Character.isDigit(cp) || cp == '_' || cp == '-' || cp == '.';
    }

    private static String describe(int cp, String noun) {
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return "A " + noun + " cannot contain spaces.";
        }
        if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
            return "A " + noun + " cannot contain control characters.";
        }
        if (cp == '#' && "room name".equals(noun)) {
            return "A room name is written without # (only the windows show it).";
        }
        return "A " + noun + " can only use letters, digits and _ - . (not \"" + new String(Character.toChars(cp)) + "\").";
    }
}
