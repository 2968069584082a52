package org.natter.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.natter.common.protocol.Names;
import org.natter.common.protocol.Texts;

/** The window words every rule of common's Names and Texts itself: in English exactly as common does. */
class InputProblemsTest {

    private static final List<String> NAMES = List.of("", "anna", "a".repeat(25), "a".repeat(33), "marie dupont",
            "a\u0007b", "a\u200bb", "#maths", "anna!", "ma\uD83D\uDE00", "Zoë", "\u0430lice", "x\u3164y", "a1\u0661");
    private static final List<String> MESSAGES = List.of("", "hello", "   ", "x".repeat(4001), "bell\u0007",
            "broken \uD83D", "line\nand\ttab", "evil \u202Etxt.exe", "\u200B\u200B");

    @Test
    void inEnglishEveryReasonIsCommonsOwnSentence() {
        for (String name : NAMES) {
            assertThat(InputProblems.name(name)).as(name).isEqualTo(Names.problem(name));
            assertThat(InputProblems.roomName(name)).as(name).isEqualTo(Names.roomProblem(name));
        }
        for (String text : MESSAGES) {
            assertThat(InputProblems.message(text)).as(text).isEqualTo(Texts.problem(text));
        }
    }

    @Test
    void inFrenchTheReasonsAreFrench() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.FRENCH);
            assertThat(InputProblems.name("marie dupont")).contains("Un nom ne peut pas contenir d’espace.");
            assertThat(InputProblems.roomName("#maths")).contains("Un nom de salon s’écrit sans # (seules les fenêtres l’affichent).");
            assertThat(InputProblems.message("x".repeat(4001)))
                    .contains("Le message est trop long\u00a0: 4001 caractères, 4000 au plus.");
            assertThat(InputProblems.name("\u0430lice")).hasValueSatisfying(reason -> assertThat(reason)
                    .contains("mélanger des lettres cyrilliques et latines"));
            assertThat(InputProblems.message("evil \u202Etxt.exe")).hasValueSatisfying(reason -> assertThat(reason)
                    .startsWith("Le message contient un caractère invisible"));
            assertThat(InputProblems.name("anna")).isEmpty();
        } finally {
            Locale.setDefault(before);
        }
    }
}
