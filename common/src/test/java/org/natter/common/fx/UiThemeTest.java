package org.natter.common.fx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UiThemeTest {

    @Test
    void anUnknownOrMissingNameGivesTheLightTheme() {
        assertThat(UiTheme.parse(" dark ")).isEqualTo(UiTheme.DARK);
        assertThat(UiTheme.parse("Light")).isEqualTo(UiTheme.LIGHT);
        assertThat(UiTheme.parse("purple")).isEqualTo(UiTheme.LIGHT);
        assertThat(UiTheme.parse(null)).isEqualTo(UiTheme.LIGHT);
    }

    @Test
    void eachThemeTogglesToTheOtherAndOffersItsIcon() {
        assertThat(UiTheme.of(true).toggled()).isEqualTo(UiTheme.LIGHT);
        assertThat(UiTheme.of(false).toggled()).isEqualTo(UiTheme.DARK);
        assertThat(UiTheme.DARK.toggleIconLiteral()).isEqualTo("fth-sun");
        assertThat(UiTheme.LIGHT.toggleIconLiteral()).isEqualTo("fth-moon");
    }

    @Test
    void theStylesheetsComeFromAtlantaFx() {
        assertThat(UiTheme.LIGHT.userAgentStylesheet()).endsWith("primer-light.css");
        assertThat(UiTheme.DARK.userAgentStylesheet()).endsWith("primer-dark.css");
    }
}
