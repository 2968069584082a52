package org.natter.common.fx;

import java.io.PrintStream;
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
        return ProcessHandle.current().info().startInstant().map(start -> Duration.between(start, Instant.now()));
    }
}
