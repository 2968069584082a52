package org.natter.server.ui.pending;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.natter.common.fx.Messages;
import org.natter.common.model.ServerEvent;
import org.natter.server.core.ChatServer;
import org.natter.server.ui.shared.Addresses;
import org.natter.server.ui.shared.Failures;
import org.natter.server.ui.shared.ListChanges;

/**
 * The Pending hosts table: connections that have not logged in yet, and those that wait for the operator to let them
 * in (the waiting room, switched by {@link #waitingRoomProperty()}). A host leaves it when it logs in (it becomes a
 * user) or its connection closes; a batch of events becomes at most one removal and one addition. FX thread only.
 */
public final class PendingHostsViewModel {

    private final ChatServer server;
    private final Executor fxExecutor;
    private final Executor background;
    private final Clock clock;
    private final Consumer<String> notices;
    private final Messages messages;
    private final ObservableList<PendingHostItemViewModel> hosts = FXCollections.observableArrayList();
    private final Map<Long, PendingHostItemViewModel> hostsById = new HashMap<>();
    private final BooleanProperty waitingRoom = new SimpleBooleanProperty(this, "waitingRoom");
    /** Switch changes on their way to the server; while any is, the switch is not read back from the server. */
    private int switching;
    private boolean syncing;
    private CompletableFuture<Void> lastSwitch = CompletableFuture.completedFuture(null);

    public PendingHostsViewModel(ChatServer server, Executor fxExecutor, Executor background, Clock clock,
                                 Messages messages, Consumer<String> notices) {
        this.server = server;
        this.fxExecutor = fxExecutor;
        this.background = background;
        this.clock = clock;
        this.messages = messages;
        this.notices = notices;
        waitingRoom.set(server.waitingRoom());
        // The server's setting follows the switch, off the FX thread like every call into the server; one change
        // after the other, so that two quick clicks end as the last one says.
        waitingRoom.addListener((obs, was, on) -> {
            if (syncing) {
                return;
            }
            switching++;
            lastSwitch = lastSwitch.exceptionally(failure -> null).thenRunAsync(() -> server.setWaitingRoom(on), background)
                    .whenCompleteAsync((done, failure) -> switching--, fxExecutor);
        });
    }

    /** "Admit new users by hand": while on, a new login waits here until the operator admits or refuses it. */
    public BooleanProperty waitingRoomProperty() {
        return waitingRoom;
    }

    /** Lets a waiting user in; the row goes when the server reports that they joined. */
    public CompletableFuture<Boolean> admit(PendingHostItemViewModel item) {
        return act(item, () -> server.admit(item.waitingName()));
    }

    /**
     * Turns a waiting user away, and with a ban in the choice bans the name (and the address) for that long; the row
     * goes when the server reports the connection closed.
     */
    public CompletableFuture<Boolean> refuse(PendingHostItemViewModel item, RefuseChoice choice) {
        return act(item, () -> {
            if (choice.banFor() == null) {
                return server.refuse(item.waitingName(), choice.reason());
            }
            // The name first, so that the refused user is told why; the address ban then keeps them out for good.
            server.refuseAndBan(item.waitingName(), choice.reason(), choice.banFor().duration());
            if (choice.banAddress()) {
                server.ban(Addresses.hostOf(item.address()), choice.banFor().duration(), choice.reason());
            }
            return true;
        });
    }

    private CompletableFuture<Boolean> act(PendingHostItemViewModel item, Supplier<Boolean> action) {
        item.busyProperty().set(true);
        return CompletableFuture.supplyAsync(action, background)
                .whenCompleteAsync((done, error) -> {
                    item.busyProperty().set(false);
                    if (error != null) {
                        notices.accept(messages.get("notice.waitingFailed", item.waitingName(), Failures.reasonOf(error)));
                    } else if (!done) {
                        notices.accept(messages.get("notice.waitingGone", item.waitingName()));
                    }
                }, fxExecutor);
    }

    public ObservableList<PendingHostItemViewModel> hosts() {
        return hosts;
    }

    /** Applies a batch of server events to the table. */
    public void apply(List<ServerEvent> batch) {
        ListChanges<PendingHostItemViewModel> changes = new ListChanges<>();
        for (ServerEvent event : batch) {
            if (event instanceof ServerEvent.HostPending e) {
                PendingHostItemViewModel item = new PendingHostItemViewModel(e.host(), clock.instant());
                changes.replace(hostsById.put(item.connectionId(), item), item);
            } else if (event instanceof ServerEvent.HostClosed e) {
                changes.remove(hostsById.remove(e.connectionId()));
            } else if (event instanceof ServerEvent.UserJoined e) {
                changes.remove(hostsById.remove(e.user().connectionId()));
            } else if (event instanceof ServerEvent.Stopped) {
                clear();
                changes = new ListChanges<>();
            }
        }
        changes.applyTo(hosts);
    }

    /** Refreshes the "connected for" column, and the switch when the waiting room was turned on or off elsewhere. */
    public void tick() {
        if (switching == 0 && waitingRoom.get() != server.waitingRoom()) {
            syncing = true;
            waitingRoom.set(server.waitingRoom());
            syncing = false;
        }
        var now = clock.instant();
        hosts.forEach(item -> item.tick(now));
    }

    public void clear() {
        hostsById.clear();
        hosts.clear();
    }

    /** Asks the server to close a pending connection; the row goes when the server reports it closed. */
    public CompletableFuture<Boolean> drop(PendingHostItemViewModel item) {
        item.busyProperty().set(true);
        return CompletableFuture.supplyAsync(() -> server.dropPending(item.connectionId()), background)
                .whenCompleteAsync((dropped, error) -> {
                    item.busyProperty().set(false);
                    if (error != null) {
                        notices.accept(messages.get("notice.dropFailed", item.address(), Failures.reasonOf(error)));
                    }
                }, fxExecutor);
    }
}
