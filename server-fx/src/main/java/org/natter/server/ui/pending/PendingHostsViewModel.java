package org.natter.server.ui.pending;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.natter.common.fx.Messages;
import org.natter.common.model.ServerEvent;
import org.natter.server.core.ChatServer;
import org.natter.server.ui.shared.Failures;
import org.natter.server.ui.shared.ListChanges;

/**
 * The Pending hosts table: connections that have not logged in yet. A host leaves it when it logs in (it becomes
 * a user) or its connection closes; a batch of events becomes at most one removal and one addition. FX thread only.
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

    public PendingHostsViewModel(ChatServer server, Executor fxExecutor, Executor background, Clock clock,
                                 Messages messages, Consumer<String> notices) {
        this.server = server;
        this.fxExecutor = fxExecutor;
        this.background = background;
        this.clock = clock;
        this.messages = messages;
        this.notices = notices;
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

    /** Refreshes the "connected for" column. */
    public void tick() {
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
