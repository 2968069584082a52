package org.natter.client.ui.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchSnippetTest {

    @Test
    void picksOutTheMatchIgnoringCase() {
        assertThat(SearchSnippet.of("Exercise sheet 7 is due on Friday", "friday"))
                .isEqualTo(new SearchSnippet("Exercise sheet 7 is due on ", "Friday", ""));
    }

    @Test
    void prefersTheStartOfAWordAndTheLongestWord() {
        assertThat(SearchSnippet.of("concatenate the cat", "cat").match()).isEqualTo("cat");
        assertThat(SearchSnippet.of("concatenate the cat", "cat").before()).isEqualTo("concatenate the ");
        assertThat(SearchSnippet.of("a big dog and a dogma", "big dogma").match()).isEqualTo("dogma");
    }

    @Test
    void cutsLongTextAroundTheMatchOnOneLine() {
        String text = "word ".repeat(30) + "needle\nin the\thay " + "stack ".repeat(40);
        SearchSnippet snippet = SearchSnippet.of(text, "needle");

        assertThat(snippet.before()).startsWith("\u2026").hasSizeLessThanOrEqualTo(SearchSnippet.BEFORE + 1).endsWith("word ");
        assertThat(snippet.match()).isEqualTo("needle");
        assertThat(snippet.after()).startsWith(" in the hay stack").endsWith("\u2026")
                .hasSizeLessThanOrEqualTo(SearchSnippet.AFTER + 1);
    }

    @Test
    void noMatchHereShowsTheStartWithoutAHighlight() {
        SearchSnippet snippet = SearchSnippet.of("Café au lait", "cafe");
        assertThat(snippet.match()).isEmpty();
        assertThat(snippet.after()).isEqualTo("Café au lait");
    }
}
