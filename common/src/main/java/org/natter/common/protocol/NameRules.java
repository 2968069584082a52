package org.natter.common.protocol;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;
import com.ibm.icu.lang.UScript;
import com.ibm.icu.text.SpoofChecker;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The rules that keep a name (user or room) from posing as another, on top of the character rules of
 * {@link Names}: no invisible characters (the Hangul fillers U+3164, U+115F, U+1160, U+FFA0 are letters that
 * show nothing, and every other Unicode default-ignorable character), and no mixing of scripts that look alike,
 * such as Latin with Cyrillic (UTS #39, moderately restrictive: see {@link Uts39#CHECKER}). Any thread.
 */
public final class NameRules {

    private NameRules() {
    }

    /** A character that takes no room on screen: a filler, a zero-width space or joiner, a variation selector. */
    public static boolean isInvisible(int cp) {
        return UCharacter.hasBinaryProperty(cp, UProperty.DEFAULT_IGNORABLE_CODE_POINT) || cp == TextRules.BRAILLE_BLANK;
    }

    /**
     * Why the (normalized) name mixes scripts or number systems, as a sentence, or empty. {@code noun} is "name"
     * or "room name".
     */
    public static Optional<String> scriptProblem(String name, String noun) {
        SpoofChecker.CheckResult result = new SpoofChecker.CheckResult();
        if (!Uts39.CHECKER.failsChecks(name, result)) {
            return Optional.empty();
        }
        if ((result.checks & SpoofChecker.MIXED_NUMBERS) != 0) {
            return Optional.of("A " + noun + " cannot mix digits of different number systems.");
        }
        Set<String> scripts = scriptsOf(name);
        if (scripts.size() > 1) {
            return Optional.of("A " + noun + " cannot mix " + String.join(" and ", scripts)
                    + " letters, because such names can pass for others. Use the letters of one alphabet.");
        }
        return Optional.of("A " + noun + " cannot use a letter that is easily mistaken for another.");
    }

    /** The scripts of the letters in a name, by their English names, in the order they first appear. */
    static Set<String> scriptsOf(String name) {
        Set<String> scripts = new LinkedHashSet<>();
        name.codePoints().map(UScript::getScript)
                .filter(script -> script != UScript.COMMON && script != UScript.INHERITED)
                .forEach(script -> scripts.add(UScript.getName(script)));
        return scripts;
    }
}
