package org.natter.server.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.natter.common.model.ServerEvent;

/** Collects a server's events so a test can wait for one, with a bounded wait. */
final class EventRecorder implements ServerListener {

    private final BlockingQueue<ServerEvent> events = new LinkedBlockingQueue<>();
    private final List<ServerEvent> seen = new ArrayList<>();

    @Override
    public void onEvent(ServerEvent event) {
        events.add(event);
    }

    /** The first event of this type matching the condition; events before it are kept in {@link #seen()}. */
    <T extends ServerEvent> T await(Class<T> type, Predicate<T> condition) throws InterruptedException {
        long deadline = System.nanoTime() + RawClient.WAIT.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            ServerEvent event = left > 0 ? events.poll(left, TimeUnit.NANOSECONDS) : null;
            if (event == null) {
                throw new AssertionError("No " + type.getSimpleName() + " event within " + RawClient.WAIT.toSeconds()
                        + " s; seen " + seen);
            }
            seen.add(event);
            if (type.isInstance(event) && condition.test(type.cast(event))) {
                return type.cast(event);
            }
        }
    }

    <T extends ServerEvent> T await(Class<T> type) throws InterruptedException {
        return await(type, e -> true);
    }

    List<ServerEvent> seen() {
        return seen;
    }
}
