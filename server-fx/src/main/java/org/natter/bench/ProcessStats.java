package org.natter.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time and resident memory of a process, read from Linux's /proc; this process's own CPU time from the JVM.
 * Where /proc is missing the figures are -1 and the report says "n/a".
 */
final class ProcessStats {

    /** Linux counts CPU time in clock ticks of 1/100 s on every common architecture (USER_HZ). */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private ProcessStats() {
    }

    /** A point in time: CPU used so far (ns) and resident memory (bytes), -1 when unknown. */
    record Sample(long atNanos, long cpuNanos, long rssBytes) {

        /** Average CPU from {@code earlier} to this sample, in percent of one core; -1 when unknown. */
        double cpuPercentSince(Sample earlier) {
            if (cpuNanos < 0 || earlier.cpuNanos < 0 || atNanos <= earlier.atNanos) {
                return -1;
            }
            return 100.0 * (cpuNanos - earlier.cpuNanos) / (atNanos - earlier.atNanos);
        }

        /** CPU nanoseconds used since {@code earlier} per unit of work; -1 when unknown. */
        double nanosPer(Sample earlier, long units) {
            if (cpuNanos < 0 || earlier.cpuNanos < 0 || units <= 0) {
                return -1;
            }
            return (double) (cpuNanos - earlier.cpuNanos) / units;
        }
    }

    /** This JVM (the load tool). */
    static Sample self() {
        long cpu = -1;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            cpu = os.getProcessCpuTime();
        }
        return new Sample(System.nanoTime(), cpu, rss("self"));
    }

    /** Another process, by id; 0 gives an unknown sample. */
    static Sample of(long pid) {
        if (pid <= 0) {
            return new Sample(System.nanoTime(), -1, -1);
        }
        return new Sample(System.nanoTime(), cpu(Long.toString(pid)), rss(Long.toString(pid)));
    }

    private static long cpu(String pid) {
        try {
            String stat = Files.readString(Path.of("/proc", pid, "stat"));
            // The command name may hold spaces and parentheses: the fields start after the last ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long rss(String pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or the process is gone.
        }
        return -1;
    }
}
