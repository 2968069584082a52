package org.natter.common.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class StartTimeReportTest {

    @Test
    void modeFollowsTheVariableAndIsOffForAnythingElse() {
        assertThat(StartTimeReport.Mode.of(null)).isEqualTo(StartTimeReport.Mode.OFF);
        assertThat(StartTimeReport.Mode.of("")).isEqualTo(StartTimeReport.Mode.OFF);
        assertThat(StartTimeReport.Mode.of("later")).isEqualTo(StartTimeReport.Mode.OFF);
        assertThat(StartTimeReport.Mode.of("print")).isEqualTo(StartTimeReport.Mode.PRINT);
        assertThat(StartTimeReport.Mode.of(" 1 ")).isEqualTo(StartTimeReport.Mode.PRINT);
        assertThat(StartTimeReport.Mode.of("EXIT")).isEqualTo(StartTimeReport.Mode.EXIT);
    }

    @Test
    void lineGivesBothFiguresInWholeMilliseconds() {
        assertThat(StartTimeReport.line("Natter", Optional.of(Duration.ofMillis(1234)), Optional.of(Duration.ofNanos(2_345_900_000L))))
                .isEqualTo("natter start: Natter window shown 1234 ms after the process started, processor time 2345 ms");
    }

    @Test
    void lineSaysWhatTheSystemDoesNotTell() {
        assertThat(StartTimeReport.line("Natter Server", Optional.empty(), Optional.empty()))
                .isEqualTo("natter start: Natter Server window shown (time unknown) after the process started,"
                        + " processor time unknown");
    }

    @Test
    void theProcessStartIsInThePast() {
        assertThat(StartTimeReport.sinceProcessStart()).hasValueSatisfying(d -> assertThat(d).isPositive());
    }

    @Test
    void startIsCountedFromTheFieldAfterTheNameEvenWhenTheNameHoldsSpacesAndParentheses() {
        // Fields 3 to 21 are filler here; field 22, the start, is 1234 ticks (12.34 s after boot).
        String stat = "4242 (my (odd) name) S 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 1234 99 100 101\n";
        assertThat(StartTimeReport.sinceStart(stat, "15.00 40.10\n")).contains(Duration.ofMillis(2660));
    }

    @Test
    void textsOfAnotherFormGiveNoFigure() {
        assertThat(StartTimeReport.sinceStart("4242 no-parentheses S 1", "15.00 40.10")).isEmpty();
        assertThat(StartTimeReport.sinceStart("4242 (short) S 1 2 3", "15.00 40.10")).isEmpty();
        assertThat(StartTimeReport.sinceStart("4242 (x) S 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 start 1",
                "15.00")).isEmpty();
        assertThat(StartTimeReport.sinceStart("4242 (x) S 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 1234 1",
                "up")).isEmpty();
        assertThat(StartTimeReport.sinceStart("4242 (x) S 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 9999 1",
                "15.00")).as("a start after now").isEmpty();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void onLinuxTheTimeAgreesWithTheJvmsOwnUptime() {
        // The JVM starts a little after its process (the launcher: a few hundred milliseconds at most in a test
        // fork); a figure late by the boot time's missing fraction of a second would mostly fall outside.
        long jvmMillis = ManagementFactory.getRuntimeMXBean().getUptime();
        Duration since = StartTimeReport.sinceProcessStart().orElseThrow();
        assertThat(since.toMillis()).isBetween(jvmMillis - 20, jvmMillis + 400);
    }
}
