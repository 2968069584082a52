package org.natter.common.fx;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessagesTest {

    private final Messages messages = Messages.load("org.natter.common.fx.TestMessages");

    @Test
    void aTextWithoutArgumentsIsTakenAsItIs() {
        assertThat(messages.get("plain")).isEqualTo("Hello");
        assertThat(messages.bundle().getString("plain")).isEqualTo("Hello");
    }

    @Test
    void argumentsAreFilledIn() {
        assertThat(messages.get("counted", 3, "lab")).isEqualTo("3 online on lab");
    }

    @Test
    void aDoubledApostropheIsOneWithOrWithoutArgumentsAndInFxml() {
        assertThat(messages.get("quoted")).isEqualTo("the room's topic");
        assertThat(messages.get("quotedWithArgument", "maths")).isEqualTo("maths's topic");
        assertThat(messages.bundle().getString("quoted")).isEqualTo("the room's topic");
        assertThat(messages.bundle().containsKey("quoted")).isTrue();
    }
}
