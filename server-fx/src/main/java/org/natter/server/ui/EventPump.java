package org.natter.server.ui;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.natter.common.fx.FxBatcher;
import org.natter.common.fx.FxLatest;
import org.natter.common.model.ServerEvent;
import org.natter.common.model.ServerState;
import org.natter.server.core.ServerListener;

/**
 * Carries server callbacks (Netty threads) to the FX thread without flooding it: events travel in capped batches
 * through an {@link FxBatcher}, the state through an {@link FxLatest}, so only the newest state is delivered. The
 * two are separate runLaters, so a state may reach the window just before or after the events around it; the
 * control recomputes its text from both and checks the state again before it shows addresses.
 */
final class EventPump implements ServerListener {

    /** The most events one drain applies, so that one huge burst cannot freeze the window. */
    static final int MAX_BATCH = 5_000;

    private final FxBatcher<ServerEvent> events;
    private final FxLatest<ServerState> state;

    EventPump(Executor fxExecutor, Consumer<List<ServerEvent>> eventSink, Consumer<ServerState> stateSink) {
        this.events = new FxBatcher<>(fxExecutor, MAX_BATCH, eventSink);
        this.state = new FxLatest<>(fxExecutor, stateSink);
    }

    /** Any thread. */
    @Override
    public void stateChanged(ServerState newState) {
        state.set(newState);
    }

    /** Any thread. */
    @Override
    public void onEvent(ServerEvent event) {
        events.offer(event);
    }

    /** The most events that ever waited at once; the benchmark reports it. */
    int maxQueued() {
        return events.maxQueued();
    }

    /** How many batches were handed to the FX thread. */
    long drains() {
        return events.drains();
    }
}
