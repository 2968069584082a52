package org.natter.server.ui.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

/** The log on its own; AdminViewModelTest feeds it through the server events. */
class LogViewModelTest {

    private static final Instant T0 = Instant.parse("2026-11-22T09:00:00Z");
    private static final Executor DIRECT = Runnable::run;

    @Test
    void aBatchLargerThanTheCapacityKeepsItsNewestLines() {
        LogViewModel log = new LogViewModel(10, ZoneOffset.UTC, DIRECT);
        List<LogLine> batch = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            batch.add(new LogLine(T0, LogKind.MESSAGE, "m" + i));
        }
        log.append(batch);
        assertThat(log.lines()).extracting(LogLine::text).startsWith("m15").endsWith("m24").hasSize(10);
    }

    @Test
    void aLongOrMultiLineTextBecomesOneShortLine() {
        String shortened = LogViewModel.shorten("a\nb" + "x".repeat(1_000));
        assertThat(shortened).startsWith("a b").endsWith("…").hasSize(LogViewModel.MAX_TEXT_LENGTH);
    }

    @Test
    void hidingJoinsAndLeavesKeepsEverythingElse() {
        LogViewModel log = new LogViewModel(10, ZoneOffset.UTC, DIRECT);
        log.append(List.of(new LogLine(T0, LogKind.JOIN, "ada joined"), new LogLine(T0, LogKind.MESSAGE, "ada: hi"),
                new LogLine(T0, LogKind.KICK, "ada was removed"), new LogLine(T0, LogKind.LEAVE, "bob left")));

        log.showJoinsAndLeavesProperty().set(false);
        assertThat(log.visibleLines()).extracting(LogLine::text).containsExactly("ada: hi", "ada was removed");

        log.showJoinsAndLeavesProperty().set(true);
        assertThat(log.visibleLines()).hasSize(4);
    }

    @Test
    void whilePausedTheNewLinesAreCountedAndResumingForgetsThem() {
        LogViewModel log = new LogViewModel(10, ZoneOffset.UTC, DIRECT);
        log.append(List.of(new LogLine(T0, LogKind.MESSAGE, "before")));

        log.togglePause();
        log.append(List.of(new LogLine(T0, LogKind.MESSAGE, "one"), new LogLine(T0, LogKind.MESSAGE, "two")));
        log.append(List.of(new LogLine(T0, LogKind.MESSAGE, "three")));

        assertThat(log.autoScrollProperty().get()).isFalse();
        assertThat(log.unseenLinesProperty().get()).isEqualTo(3);
        log.togglePause();
        assertThat(log.autoScrollProperty().get()).isTrue();
        assertThat(log.unseenLinesProperty().get()).isZero();
    }
}
