package org.natter.server.ui.control;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.natter.common.fx.Messages;
import org.natter.common.model.ServerState;
import org.natter.server.core.ChatServer;
import org.natter.server.core.LocalAddresses;
import org.natter.server.ui.shared.Failures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The top bar: port, Start and Stop, the state, the addresses to give to users, a start error. FX thread only. */
public final class ServerControlViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ServerControlViewModel.class);

    private final ChatServer server;
    private final Executor fxExecutor;
    private final Executor background;
    private final Messages messages;
    private final StringProperty portText = new SimpleStringProperty(this, "portText");
    private final ReadOnlyStringWrapper portProblem = new ReadOnlyStringWrapper(this, "portProblem", "");
    private final ReadOnlyObjectWrapper<ServerState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper stateText = new ReadOnlyStringWrapper(this, "stateText");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");
    private final ObservableList<String> addresses = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper reachNote = new ReadOnlyStringWrapper(this, "reachNote", "");
    private final BooleanBinding canStart;
    private final BooleanBinding canStop;
    private int runningPort = -1;

    public ServerControlViewModel(ChatServer server, int port, Executor fxExecutor, Executor background, Messages messages) {
        this.server = server;
        this.fxExecutor = fxExecutor;
        this.background = background;
        this.messages = messages;
        portText.addListener((obs, old, text) -> portProblem.set(problemWith(text)));
        portText.set(Integer.toString(port));
        state.addListener((obs, old, now) -> updateStateText());
        state.set(server.state());
        canStart = Bindings.createBooleanBinding(
                () -> state.get() == ServerState.STOPPED && !busy.get() && portProblem.get().isEmpty(),
                state, busy, portProblem);
        canStop = Bindings.createBooleanBinding(() -> state.get() == ServerState.RUNNING && !busy.get(), state, busy);
    }

    public StringProperty portTextProperty() {
        return portText;
    }

    /** Why the port text is not a port, or empty. */
    public ReadOnlyStringProperty portProblemProperty() {
        return portProblem.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ServerState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty stateTextProperty() {
        return stateText.getReadOnlyProperty();
    }

    /** True while a start or stop is under way. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanBinding canStartProperty() {
        return canStart;
    }

    public BooleanBinding canStopProperty() {
        return canStop;
    }

    /** Why the server could not start, as a sentence; empty when there is nothing to say. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Where users reach this server while it runs, such as "192.168.1.20:8020". */
    public ObservableList<String> addresses() {
        return addresses;
    }

    /** "Only this computer can connect (listening on 127.0.0.1)" for a loopback bind; empty otherwise. */
    public ReadOnlyStringProperty reachNoteProperty() {
        return reachNote.getReadOnlyProperty();
    }

    /** "Stop the server and disconnect 61 users?" while users are online; empty when stopping needs no asking. */
    public Optional<String> stopQuestion(int usersOnline) {
        return usersOnline == 0 ? Optional.empty() : Optional.of(messages.get("stop.header", usersOnline));
    }

    public void dismissError() {
        error.set("");
    }

    /** Starts on the port typed in; completes on the FX thread with the real port. */
    public CompletableFuture<Integer> start() {
        if (!canStart.get()) {
            return CompletableFuture.failedFuture(new IllegalStateException("Cannot start now"));
        }
        int port = Integer.parseInt(portText.get().strip());
        busy.set(true);
        error.set("");
        return server.startInBackground(port).whenCompleteAsync((realPort, failure) -> {
            busy.set(false);
            if (failure != null) {
                String reason = Failures.reasonOf(failure);
                LOG.info("Could not start on port {}: {}", port, reason);
                error.set(messages.get("error.startFailed", reason));
            }
            stateChanged(server.state());
            // The server's Started event comes on its own event thread, maybe later: the port is known here.
            if (realPort != null && server.state() == ServerState.RUNNING && runningPort != realPort) {
                started(realPort);
            }
        }, fxExecutor);
    }

    public CompletableFuture<Void> stop() {
        if (!canStop.get()) {
            return CompletableFuture.completedFuture(null);
        }
        busy.set(true);
        return server.stopInBackground().whenCompleteAsync((ignored, failure) -> {
            busy.set(false);
            if (failure != null) {
                LOG.warn("Stopping the server failed", failure);
                error.set(messages.get("error.stopFailed", Failures.reasonOf(failure)));
            }
            stateChanged(server.state());
        }, fxExecutor);
    }

    public void stateChanged(ServerState newState) {
        if (newState == ServerState.STOPPED) {
            runningPort = -1;
        }
        if (newState != ServerState.RUNNING) {
            addresses.clear();
            reachNote.set("");
        }
        state.set(newState);
    }

    /** The server is listening on {@code port}: look up the machine's addresses off the FX thread. */
    public void started(int port) {
        runningPort = port;
        updateStateText();
        String bind = server.settings().bindAddress();
        // Both may resolve a name: off the FX thread.
        CompletableFuture.supplyAsync(() -> new Reach(LocalAddresses.reachableAt(bind, port),
                        LocalAddresses.onlyThisComputer(bind)), background)
                .whenCompleteAsync((Reach found, Throwable failure) -> {
                    if (found != null && state.get() == ServerState.RUNNING && runningPort == port) {
                        reachNote.set(found.onlyThisComputer() ? messages.get("bar.reachAt.localOnly", bind) : "");
                        addresses.setAll(found.addresses());
                    }
                }, fxExecutor);
    }

    private void updateStateText() {
        ServerState now = state.get();
        stateText.set(now == ServerState.RUNNING && runningPort >= 0
                ? messages.get("state.RUNNING.port", Integer.toString(runningPort))
                : messages.get("state." + now));
    }

    private String problemWith(String text) {
        try {
            int port = Integer.parseInt(text == null ? "" : text.strip());
            return port >= 0 && port <= 65_535 ? "" : messages.get("error.portRange");
        } catch (NumberFormatException e) {
            return messages.get("error.portRange");
        }
    }

    private record Reach(List<String> addresses, boolean onlyThisComputer) {
    }
}
