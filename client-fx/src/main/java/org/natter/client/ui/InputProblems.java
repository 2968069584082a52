package org.natter.client.ui;

import java.util.Optional;
import org.natter.common.protocol.NameRules;
import org.natter.common.protocol.Names;
import org.natter.common.protocol.ProtocolLimits;
import org.natter.common.protocol.TextRules;
import org.natter.common.protocol.Texts;

/**
 * The protocol's rules for names and messages ({@link Names}, {@link Texts}) as sentences in the window's language.
 * The rules stay in {@code common}, which says whether something is wrong; this only words the reason (in English
 * exactly as {@code common} does, which {@code InputProblemsTest} checks).
 */
public final class InputProblems {

    private InputProblems() {
    }

    /** Why this user name breaks the rules, or empty. */
    public static Optional<String> name(String name) {
        return Names.problem(name).map(english -> nameReason(name, english, ProtocolLimits.MAX_NAME_LENGTH, "name"));
    }

    /** Why this room name (without {@code #}) breaks the rules, or empty. */
    public static Optional<String> roomName(String room) {
        return Names.roomProblem(room).map(english -> nameReason(room, english, ProtocolLimits.MAX_ROOM_NAME_LENGTH, "room"));
    }

    /** Why this message cannot be sent, or empty. */
    public static Optional<String> message(String text) {
        return Texts.problem(text).map(english -> messageReason(text));
    }

    private static String nameReason(String name, String english, int maxLength, String kind) {
        if (name == null || name.isEmpty()) {
            return I18n.text("problem." + kind + ".empty", maxLength);
        }
        String normalized = Names.normalize(name);
        if (normalized.codePointCount(0, normalized.length()) > maxLength) {
            return I18n.text("problem." + kind + ".tooLong", maxLength);
        }
        int invisible = normalized.codePoints().filter(NameRules::isInvisible).findFirst().orElse(-1);
        if (invisible >= 0) {
            return I18n.text("problem." + kind + ".invisible", TextRules.codeOf(invisible));
        }
        int cp = normalized.codePoints().filter(c -> !(Character.isLetter(c) || Character.isDigit(c)
                || c == '_' || c == '-' || c == '.')).findFirst().orElse(-1);
        if (cp < 0) {
            return scriptReason(english, kind);
        }
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return I18n.text("problem." + kind + ".spaces");
        }
        if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
            return I18n.text("problem." + kind + ".control");
        }
        if (cp == '#' && kind.equals("room")) {
            return I18n.text("problem.room.hash");
        }
        return I18n.text("problem." + kind + ".character", new String(Character.toChars(cp)));
    }

    /** Every character is allowed, so the scripts are mixed (common's sentence names them, in English). */
    private static String scriptReason(String english, String kind) {
        if (english.contains("number systems")) {
            return I18n.text("problem." + kind + ".mixedNumbers");
        }
        int from = english.indexOf("cannot mix ");
        int to = english.indexOf(" letters");
        if (from >= 0 && to > from) {
            return I18n.text("problem." + kind + ".mixedScripts", scriptNames(english.substring(from + "cannot mix ".length(), to)));
        }
        return I18n.text("problem." + kind + ".confusable");
    }

    /** "Latin and Cyrillic" (common's English, from ICU's script names) in the window's language. */
    private static String scriptNames(String english) {
        java.util.List<String> names = new java.util.ArrayList<>();
        for (String script : english.split(" and ")) {
            String key = "script." + script.strip();
            names.add(I18n.bundle().containsKey(key) ? I18n.text(key) : script.strip());
        }
        return String.join(I18n.text("script.and"), names);
    }

    private static String messageReason(String text) {
        if (text == null || text.isEmpty()) {
            return I18n.text("problem.message.empty");
        }
        int length = text.codePointCount(0, text.length());
        boolean broken = false;
        boolean control = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                broken = true;
                break;
            } else if (Character.isISOControl(c) && c != '\n' && c != '\t') {
                control = true;
                break;
            } else if (TextRules.isBidiControl(c)) {
                return I18n.text("problem.message.bidi", TextRules.codeOf(c));
            }
        }
        if (broken) {
            return I18n.text("problem.message.broken");
        }
        if (control) {
            return I18n.text("problem.message.control");
        }
        if (length > ProtocolLimits.MAX_TEXT_LENGTH) {
            return I18n.text("problem.message.tooLong", length, ProtocolLimits.MAX_TEXT_LENGTH);
        }
        return I18n.text("problem.message.blank");
    }
}
