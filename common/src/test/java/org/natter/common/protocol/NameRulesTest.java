package org.natter.common.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NameRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"\u3164", "alice\u3164", "\u115Fbob", "b\u1160ob", "\uFFA0", "ann\u00ADa", "an\u2060na",
        "al\u034Fice", "ali\uFE0Fce", "ali\u180Ece", "a\u2800b"})
    void refusesInvisibleFillersAndZeroWidthCharacters(String name) {
        assertThat(Names.problem(name)).hasValueSatisfying(reason -> assertThat(reason).contains("invisible"));
        assertThat(Names.roomProblem(name)).hasValueSatisfying(reason -> assertThat(reason).contains("invisible"));
    }

    @Test
    void fillerMessageNamesTheCharacter() {
        assertThat(Names.problem("alice\u3164")).contains("A name cannot contain invisible characters (U+3164).");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u0430lice", "al\u0456ce", "p\u0430ypal", "Ab\u03B3"})
    void refusesLatinMixedWithCyrillicOrGreek(String name) {
        assertThat(Names.problem(name)).hasValueSatisfying(reason -> assertThat(reason).contains("cannot mix"));
        assertThat(Names.roomProblem(name)).hasValueSatisfying(reason -> assertThat(reason).startsWith("A room name cannot mix"));
    }

    @Test
    void mixedScriptMessageNamesTheScripts() {
        assertThat(Names.problem("\u0430lice")).hasValueSatisfying(
                reason -> assertThat(reason).contains("Cyrillic and Latin"));
        assertThat(Names.problem("al\u0456ce")).hasValueSatisfying(
                reason -> assertThat(reason).contains("Latin and Cyrillic"));
    }

    @Test
    void refusesDigitsOfTwoNumberSystems() {
        assertThat(Names.problem("a1\u0661")).hasValueSatisfying(reason -> assertThat(reason).contains("number systems"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"alice", "Анна", "Ольга", "Ελένη", "山田John", "Ali_علي", "田中さくら", "김민준", "Zoë", "user1"})
    void acceptsOneScriptAndTheMixesNamesNeed(String name) {
        assertThat(Names.problem(name)).isEmpty();
    }

    @Test
    void characterProblemLeavesTheScriptsAlone() {
        assertThat(Names.characterProblem("\u0430lice")).isEmpty();
        assertThat(Names.characterProblem("alice\u3164")).isPresent();
    }
}
