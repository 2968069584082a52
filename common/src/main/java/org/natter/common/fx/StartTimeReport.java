package org.natter.common.fx;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * Says how long an app took from the start of its process to its first window on screen, when the environment
 * variable {@value #VARIABLE} asks for it: {@code print} writes one line to standard error, {@code exit} writes it
 * and ends the program (the packager's training run, which records the classes a start needs). Without the
 * variable nothing is done, so the apps as people use them pay nothing for it.
 *
 * <p>"On screen" is the first pulse after the window was shown: the pulse that lays out and paints its first
 * frame. The start is the process's, as the operating system records it (on Linux to the hundredth of a second), so
 * the time includes the launcher and the JVM's own start. The line also gives the processor time used so far.
 *
 * <p>On Linux the time is taken from the clock the system counts a process's start on (the time since boot):
 * {@link ProcessHandle.Info#startInstant()} adds that count to the boot time, which Linux gives in whole seconds
 * only, so its figure is late by a constant share of a second (0.82 s on the machine of docs/PERFORMANCE.md).
 */
public final class StartTimeReport {

    /** The environment variable that turns the report on. */
    public static final String VARIABLE = "NATTER_START_REPORT";

    /** What the report does. */
    public enum Mode {
        /** Nothing: the variable is not set (or set to something else). */
        OFF,
        /** One line on standard error. */
        PRINT,
        /** One line on standard error, then the program ends with status 0. */
        EXIT;

        static Mode of(String value) {
            if (value == null) {
                return OFF;
            }
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "print", "1", "true" -> PRINT;
                case "exit" -> EXIT;
                default -> OFF;
            };
        }
    }

    private StartTimeReport() {
    }

    /** The mode the environment asks for. */
    public static Mode mode() {
        return Mode.of(System.getenv(VARIABLE));
    }

    /**
     * Call on the FX thread before the stage is first shown. Does nothing unless {@value #VARIABLE} asks for a
     * report.
     *
     * @param app the app's name as the report line shows it, such as {@code Natter Server}
     */
    public static void watch(Stage stage, String app) {
        Mode mode = mode();
        if (mode == Mode.OFF) {
            return;
        }
        stage.addEventHandler(WindowEvent.WINDOW_SHOWN, new javafx.event.EventHandler<>() {
            @Override
            public void handle(WindowEvent event) {
                stage.removeEventHandler(WindowEvent.WINDOW_SHOWN, this);
                Scene scene = stage.getScene();
                if (scene == null) {
                    report(app, mode);
                    return;
                }
                scene.addPostLayoutPulseListener(new Runnable() {
                    @Override
                    public void run() {
                        scene.removePostLayoutPulseListener(this);
                        report(app, mode);
                    }
                });
            }
        });
    }

    private static void report(String app, Mode mode) {
        PrintStream err = System.err;
        err.println(line(app, sinceProcessStart(), ProcessHandle.current().info().totalCpuDuration()));
        err.flush();
        if (mode == Mode.EXIT) {
            System.exit(0);
        }
    }

    /**
     * The report line. The processor time (all threads, the JVM's own included) says how much work the start was,
     * which other programs on the machine change much less than the elapsed time. A figure the system does not
     * give reads "unknown".
     */
    static String line(String app, Optional<Duration> elapsed, Optional<Duration> cpu) {
        return "natter start: " + app + " window shown " + elapsed.map(d -> d.toMillis() + " ms").orElse("(time unknown)")
                + " after the process started, processor time " + cpu.map(d -> d.toMillis() + " ms").orElse("unknown");
    }

    static Optional<Duration> sinceProcessStart() {
        Optional<Duration> sinceBoot = linuxSinceStart();
        if (sinceBoot.isPresent()) {
            return sinceBoot;
        }
        return ProcessHandle.current().info().startInstant().map(start -> Duration.between(start, Instant.now()));
    }

    /** Linux's clock ticks of {@code /proc}: fixed at 100 a second for programs, whatever the kernel's own rate. */
    private static final int TICKS_PER_SECOND = 100;

    /** The time since this process started, from {@code /proc} (Linux); empty elsewhere or when it cannot be read. */
    private static Optional<Duration> linuxSinceStart() {
        Path stat = Path.of("/proc/self/stat");
        Path uptime = Path.of("/proc/uptime");
        if (!Files.isReadable(stat) || !Files.isReadable(uptime)) {
            return Optional.empty();
        }
        try {
            return sinceStart(Files.readString(stat, StandardCharsets.US_ASCII),
                    Files.readString(uptime, StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The time from a process's start to now, from the text of its {@code /proc/PID/stat} (the start is its 22nd
     * field, in clock ticks since boot) and of {@code /proc/uptime} (seconds since boot). The second field, the
     * program's name, is in parentheses and may itself hold spaces and parentheses, so fields are counted from the
     * last closing parenthesis. Empty when the texts are not of that form.
     */
    static Optional<Duration> sinceStart(String stat, String uptime) {
        int nameEnd = stat.lastIndexOf(')');
        String[] up = uptime.strip().split("\\s+");
        if (nameEnd < 0) {
            return Optional.empty();
        }
        // After the name: field 3 (the state) is the first, so the start time (field 22) is the 20th.
        String[] fields = stat.substring(nameEnd + 1).strip().split("\\s+");
        if (fields.length < 20) {
            return Optional.empty();
        }
        try {
            long startTicks = Long.parseLong(fields[19]);
            Duration now = Duration.ofNanos(Math.round(Double.parseDouble(up[0]) * 1e9));
            Duration since = now.minus(Duration.ofMillis(startTicks * 1000 / TICKS_PER_SECOND));
            return since.isNegative() ? Optional.empty() : Optional.of(since);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
