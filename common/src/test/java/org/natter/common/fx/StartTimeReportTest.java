package org.natter.common.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

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
}
