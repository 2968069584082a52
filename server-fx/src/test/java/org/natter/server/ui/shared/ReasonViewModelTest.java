package org.natter.server.ui.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.natter.common.fx.Messages;
import org.natter.server.ui.AdminWindow;

class ReasonViewModelTest {

    private final ReasonViewModel reason = new ReasonViewModel(Messages.load(AdminWindow.BUNDLE));

    @Test
    void theCounterCountsCharactersAsTheServerDoes() {
        reason.reasonProperty().set("  please 🙂 keep it friendly  ");

        assertThat(reason.counterText().get()).isEqualTo("25/200"); // 26 UTF-16 units: the emoji counts once
        assertThat(reason.tooLongProperty().get()).isFalse();
        assertThat(reason.problemText().get()).isEmpty();
        assertThat(reason.reason()).isEqualTo("please 🙂 keep it friendly");
    }

    @Test
    void aReasonOverTheLimitIsRefusedWithASentenceAndKeptWhole() {
        reason.reasonProperty().set("x".repeat(203));

        assertThat(reason.counterText().get()).isEqualTo("203/200");
        assertThat(reason.tooLongProperty().get()).isTrue();
        assertThat(reason.problemText().get()).isEqualTo("Too long by 3: shorten the reason to kick.");
        assertThat(reason.reason()).hasSize(203);

        reason.reasonProperty().set("x".repeat(200));
        assertThat(reason.tooLongProperty().get()).isFalse();
        assertThat(reason.problemText().get()).isEmpty();
    }

    @Test
    void directionControlsAreLeftOutOfTheReasonAndTheCount() {
        reason.reasonProperty().set("be \u202Enice\u202C");

        assertThat(reason.reason()).isEqualTo("be nice");
        assertThat(reason.counterText().get()).isEqualTo("7/200");
    }
}
