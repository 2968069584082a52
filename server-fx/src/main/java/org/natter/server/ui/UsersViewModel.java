package org.natter.server.ui;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.natter.common.model.ServerEvent;
import org.natter.server.core.ChatServer;

/**
 * The Pending hosts and Connected users tables. Rows are looked up by connection id and changed in place; a batch
 * of events becomes at most one removal and one addition per list. FX thread only.
 */
public final class UsersViewModel {

    private final ChatServer server;
    private final Executor fxExecutor;
    private final Executor background;
    private final Clock clock;
    private final Consumer<String> notices;
    private final Messages messages;
    private final ObservableList<PendingHostItemViewModel> pendingHosts = FXCollections.observableArrayList();
    private final ObservableList<ConnectedUserItemViewModel> users = FXCollections.observableArrayList();
    private final Map<Long, PendingHostItemViewModel> pendingById = new HashMap<>();
    private final Map<Long, ConnectedUserItemViewModel> usersById = new HashMap<>();

    UsersViewModel(ChatServer server, Executor fxExecutor, Executor background, Clock clock, Messages messages,
                   Consumer<String> notices) {
        this.server = server;
        this.fxExecutor = fxExecutor;
        this.background = background;
        this.clock = clock;
        this.messages = messages;
        this.notices = notices;
    }

    public ObservableList<PendingHostItemViewModel> pendingHosts() {
        return pendingHosts;
    }

    public ObservableList<ConnectedUserItemViewModel> users() {
        return users;
    }

    /** Applies a batch of server events to both tables. */
    void apply(List<ServerEvent> batch) {
        Changes<PendingHostItemViewModel> pending = new Changes<>();
        Changes<ConnectedUserItemViewModel> joined = new Changes<>();
        for (ServerEvent event : batch) {
            if (event instanceof ServerEvent.MessageSent e) {
                ConnectedUserItemViewModel item = usersById.get(e.user().connectionId());
                if (item != null) {
                    item.update(e.user());
                }
            } else if (event instanceof ServerEvent.HostPending e) {
                PendingHostItemViewModel item = new PendingHostItemViewModel(e.host(), clock.instant());
                PendingHostItemViewModel old = pendingById.put(item.connectionId(), item);
                pending.replace(old, item);
            } else if (event instanceof ServerEvent.HostClosed e) {
                pending.remove(pendingById.remove(e.connectionId()));
            } else if (event instanceof ServerEvent.UserJoined e) {
                pending.remove(pendingById.remove(e.user().connectionId()));
                ConnectedUserItemViewModel item = new ConnectedUserItemViewModel(e.user());
                joined.replace(usersById.put(item.connectionId(), item), item);
            } else if (event instanceof ServerEvent.UserLeft e) {
                joined.remove(usersById.remove(e.user().connectionId()));
            } else if (event instanceof ServerEvent.Stopped) {
                clear();
                pending = new Changes<>();
                joined = new Changes<>();
            }
        }
        pending.applyTo(pendingHosts);
        joined.applyTo(users);
    }

    /** Refreshes the "connected for" column. */
    void tick() {
        var now = clock.instant();
        pendingHosts.forEach(item -> item.tick(now));
    }

    void clear() {
        pendingById.clear();
        usersById.clear();
        pendingHosts.clear();
        users.clear();
    }

    /**
     * Asks the server to kick the user; the row goes when the server reports that the user left.
     *
     * @param reason shown to the user; may be empty
     */
    public CompletableFuture<Boolean> kick(ConnectedUserItemViewModel item, String reason) {
        item.busyProperty().set(true);
        String why = reason == null ? "" : reason.strip();
        return CompletableFuture.supplyAsync(() -> server.kick(item.name(), why), background)
                .whenCompleteAsync((kicked, error) -> {
                    item.busyProperty().set(false);
                    if (error != null) {
                        notices.accept(messages.get("notice.kickFailed", item.name(), AdminViewModel.reasonOf(error)));
                    } else if (!kicked) {
                        notices.accept(messages.get("notice.userGone", item.name()));
                    }
                }, fxExecutor);
    }

    /** Asks the server to close a pending connection; the row goes when the server reports it closed. */
    public CompletableFuture<Boolean> drop(PendingHostItemViewModel item) {
        item.busyProperty().set(true);
        return CompletableFuture.supplyAsync(() -> server.dropPending(item.connectionId()), background)
                .whenCompleteAsync((dropped, error) -> {
                    item.busyProperty().set(false);
                    if (error != null) {
                        notices.accept(messages.get("notice.dropFailed", item.address(), AdminViewModel.reasonOf(error)));
                    }
                }, fxExecutor);
    }

    /** What one batch does to one list: rows to remove, then rows to add, each applied in one list change. */
    private static final class Changes<T> {
        private final Set<T> added = new LinkedHashSet<>();
        private final Set<T> removed = new HashSet<>();

        void replace(T old, T item) {
            remove(old);
            added.add(item);
        }

        void remove(T item) {
            // A row added and removed within the same batch never reaches the list.
            if (item != null && !added.remove(item)) {
                removed.add(item);
            }
        }

        void applyTo(ObservableList<T> list) {
            if (!removed.isEmpty()) {
                list.removeAll(removed);
            }
            if (!added.isEmpty()) {
                list.addAll(added);
            }
        }
    }
}
