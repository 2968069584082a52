package org.natter.common.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WindowBoundsTest {

    @Test
    void survivesBeingStoredAsText() {
        WindowBounds bounds = new WindowBounds(120.5, 80, 1100, 720, true);
        assertThat(WindowBounds.parse(bounds.format())).contains(bounds);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1,2,3", "a,b,c,d,true", "1,2,0,5,false", "1,2,-3,5,false", "1,2,NaN,5,false",
        "1,2,3,Infinity,false", "1,2,3,4,5,6"})
    void anythingElseReadsAsNothing(String text) {
        assertThat(WindowBounds.parse(text)).isEmpty();
    }

    @Test
    void nullReadsAsNothing() {
        assertThat(WindowBounds.parse(null)).isEmpty();
    }

    @Test
    void windowIsReachableOnlyWhenItsTopIsOnTheScreen() {
        assertThat(new WindowBounds(100, 100, 800, 600, false).reachableOn(0, 0, 1920, 1080)).isTrue();
        assertThat(new WindowBounds(2000, 100, 800, 600, false).reachableOn(0, 0, 1920, 1080))
                .as("saved on a second monitor that is gone").isFalse();
        assertThat(new WindowBounds(100, -300, 800, 600, false).reachableOn(0, 0, 1920, 1080))
                .as("title bar above the screen").isFalse();
        assertThat(new WindowBounds(1870, 100, 800, 600, false).reachableOn(0, 0, 1920, 1080))
                .as("only 50 px left to grab").isFalse();
    }
}
