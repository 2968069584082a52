package org.natter.server.console;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The console's standard output, written by its own daemon thread from a bounded queue. Standard output can block:
 * a pipe nobody reads, a terminal paused with Ctrl+S. Whoever prints (a server listener, the command reader)
 * never waits for it: when the queue is full the line is dropped and counted, and once the output flows again
 * the printer says how many lines were lost, in the place where they would have been.
 */
final class ConsoleOutput implements AutoCloseable {

    /** A line to print, with how many lines had been dropped before it was queued; a flush marker has no text. */
    private record Line(String text, long droppedBefore, CountDownLatch printed) {
    }

    private final PrintStream out;
    private final BlockingQueue<Line> queue;
    private final AtomicLong dropped = new AtomicLong();
    private final Thread printer;
    /** How many dropped lines the printer has told about; only the printer thread uses it. */
    private long reported;

    private ConsoleOutput(PrintStream out, int capacity) {
        this.out = out;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.printer = new Thread(this::printLines, "natter-console-output");
        printer.setDaemon(true);
    }

    /** Starts the printer thread; {@code capacity} lines at most wait for the output. */
    static ConsoleOutput start(PrintStream out, int capacity) {
        ConsoleOutput output = new ConsoleOutput(out, capacity);
        output.printer.start();
        return output;
    }

    /** Queues one line (it may contain line breaks of its own, such as a table); never blocks. */
    void println(String text) {
        if (!queue.offer(new Line(text, dropped.get(), null))) {
            dropped.incrementAndGet();
        }
    }

    /** Lines dropped so far because the queue was full. */
    long droppedLines() {
        return dropped.get();
    }

    /**
     * Waits, at most {@code timeout}, until everything queued so far is printed, such as the last lines before
     * the process exits.
     *
     * @return false when the output did not take the lines in time
     */
    boolean flush(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        CountDownLatch printed = new CountDownLatch(1);
        if (!queue.offer(new Line(null, dropped.get(), printed), timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            return false;
        }
        return printed.await(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    /** Stops the printer; lines still queued are not printed (see {@link #flush}). */
    @Override
    public void close() {
        printer.interrupt();
    }

    static String droppedNotice(long count) {
        return String.format(Locale.ROOT, "… %,d console %s dropped: the output was not being read.",
                count, count == 1 ? "line" : "lines");
    }

    private void printLines() {
        try {
            while (true) {
                Line line = queue.poll();
                if (line == null) {
                    // Caught up: lines dropped since the last one queued are told about now, not at the next event.
                    reportDropped(dropped.get());
                    line = queue.take();
                }
                reportDropped(line.droppedBefore());
                if (line.text() != null) {
                    out.println(line.text());
                }
                if (line.printed() != null) {
                    line.printed().countDown();
                }
            }
        } catch (InterruptedException e) {
            // Closed: the thread ends.
        }
    }

    private void reportDropped(long droppedSoFar) {
        if (droppedSoFar > reported) {
            out.println(droppedNotice(droppedSoFar - reported));
            reported = droppedSoFar;
        }
    }
}
