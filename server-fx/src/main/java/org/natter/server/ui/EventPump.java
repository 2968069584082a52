package org.natter.server.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.natter.common.model.ServerEvent;
import org.natter.common.model.ServerState;
import org.natter.server.core.ServerListener;

/**
 * Carries server callbacks (Netty threads) to the FX thread without flooding it: events go into a concurrent queue,
 * at most one drain is pending on the FX executor at any time, and each drain hands over one batch. The state is
 * latest-value, so only the newest one is delivered. A drain takes at most {@link #MAX_BATCH} events and schedules
 * itself again for the rest, so that one huge burst cannot freeze the window.
 */
final class EventPump implements ServerListener {

    static final int MAX_BATCH = 5_000;

    private final Executor fxExecutor;
    private final Consumer<List<ServerEvent>> eventSink;
    private final Consumer<ServerState> stateSink;
    private final Queue<ServerEvent> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicInteger maxQueued = new AtomicInteger();
    private final AtomicLong drains = new AtomicLong();
    private final AtomicReference<ServerState> latestState = new AtomicReference<>();
    private final AtomicBoolean drainPending = new AtomicBoolean();

    EventPump(Executor fxExecutor, Consumer<List<ServerEvent>> eventSink, Consumer<ServerState> stateSink) {
        this.fxExecutor = fxExecutor;
        this.eventSink = eventSink;
        this.stateSink = stateSink;
    }

    /** Any thread. */
    @Override
    public void stateChanged(ServerState state) {
        latestState.set(state);
        scheduleDrain();
    }

    /** Any thread. */
    @Override
    public void onEvent(ServerEvent event) {
        queue.offer(event);
        maxQueued.accumulateAndGet(queued.incrementAndGet(), Math::max);
        scheduleDrain();
    }

    /** The most events that ever waited at once; the benchmark reports it. */
    int maxQueued() {
        return maxQueued.get();
    }

    /** How many batches were handed to the FX thread. */
    long drains() {
        return drains.get();
    }

    private void scheduleDrain() {
        if (drainPending.compareAndSet(false, true)) {
            fxExecutor.execute(this::drain);
        }
    }

    /** FX thread. */
    private void drain() {
        // Cleared before polling: an event offered after the last poll schedules the next drain itself.
        drainPending.set(false);
        drains.incrementAndGet();
        List<ServerEvent> batch = new ArrayList<>();
        ServerEvent event;
        while (batch.size() < MAX_BATCH && (event = queue.poll()) != null) {
            batch.add(event);
        }
        queued.addAndGet(-batch.size());
        if (!batch.isEmpty()) {
            eventSink.accept(batch);
        }
        ServerState state = latestState.getAndSet(null);
        if (state != null) {
            stateSink.accept(state);
        }
        if (!queue.isEmpty()) {
            scheduleDrain();
        }
    }
}
