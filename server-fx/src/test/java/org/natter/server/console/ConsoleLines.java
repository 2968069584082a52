package org.natter.server.console;

import java.io.ByteArrayOutputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Standard output for a console under test. Every printed line arrives in a queue that a test waits on, for a
 * bounded time, instead of polling. The output can also start held, like a pipe nobody reads: every write
 * blocks until the test lets it go.
 */
final class ConsoleLines extends OutputStream {

    static final Duration WAIT = Duration.ofSeconds(10);

    private final CountDownLatch released;
    private final CountDownLatch writerBlocked = new CountDownLatch(1);
    private final BlockingQueue<String> arrived = new LinkedBlockingQueue<>();
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private final PrintStream printStream = new PrintStream(this, true, StandardCharsets.UTF_8);

    private ConsoleLines(boolean held) {
        released = new CountDownLatch(held ? 1 : 0);
    }

    static ConsoleLines flowing() {
        return new ConsoleLines(false);
    }

    static ConsoleLines held() {
        return new ConsoleLines(true);
    }

    PrintStream printStream() {
        return printStream;
    }

    @Override
    public void write(int b) throws InterruptedIOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws InterruptedIOException {
        if (released.getCount() > 0) {
            writerBlocked.countDown();
            try {
                released.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("The output was closed while held");
            }
        }
        synchronized (partial) {
            for (int i = offset; i < offset + length; i++) {
                if (bytes[i] == '\n') {
                    String line = partial.toString(StandardCharsets.UTF_8).stripTrailing();
                    partial.reset();
                    lines.add(line);
                    arrived.add(line);
                } else {
                    partial.write(bytes[i]);
                }
            }
        }
    }

    /** Waits until a writer is stuck in this held output. */
    void awaitBlockedWriter() throws InterruptedException {
        if (!writerBlocked.await(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("Nothing tried to print within " + WAIT.toSeconds() + " s");
        }
    }

    /** Lets the held output flow: the blocked write and every later one go through. */
    void release() {
        released.countDown();
    }

    /** The next printed line containing {@code fragment}, skipping the lines before it; fails after {@link #WAIT}. */
    String awaitLine(String fragment) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        for (String line; (line = arrived.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) != null; ) {
            if (line.contains(fragment)) {
                return line;
            }
        }
        throw new AssertionError("No line containing \"" + fragment + "\" within " + WAIT.toSeconds()
                + " s; printed so far:\n" + String.join("\n", lines));
    }

    /** Every line printed so far. */
    List<String> lines() {
        return List.copyOf(lines);
    }

    String text() {
        return String.join("\n", lines);
    }
}
