package org.natter.server.ui.users;

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
 * The Connected users table. Rows are looked up by connection id and changed in place; a batch of events becomes
 * at most one removal and one addition. FX thread only.
 */
public final class UsersViewModel {

    private final ChatServer server;
    private final Executor fxExecutor;
    private final Executor background;
    private final Consumer<String> notices;
    private final Messages messages;
    private final ObservableList<ConnectedUserItemViewModel> users = FXCollections.observableArrayList();
    private final Map<Long, ConnectedUserItemViewModel> usersById = new HashMap<>();

    public UsersViewModel(ChatServer server, Executor fxExecutor, Executor background, Messages messages,
                          Consumer<String> notices) {
        this.server = server;
        this.fxExecutor = fxExecutor;
        this.background = background;
        this.messages = messages;
        this.notices = notices;
    }

    public ObservableList<ConnectedUserItemViewModel> users() {
        return users;
    }

    /** Applies a batch of server events to the table. */
    public void apply(List<ServerEvent> batch) {
        ListChanges<ConnectedUserItemViewModel> changes = new ListChanges<>();
        for (ServerEvent event : batch) {
            if (event instanceof ServerEvent.MessageSent e) {
                ConnectedUserItemViewModel item = usersById.get(e.user().connectionId());
                if (item != null) {
                    item.update(e.user());
                }
            } else if (event instanceof ServerEvent.UserJoined e) {
                ConnectedUserItemViewModel item = new ConnectedUserItemViewModel(e.user());
                changes.replace(usersById.put(item.connectionId(), item), item);
            } else if (event instanceof ServerEvent.UserLeft e) {
                changes.remove(usersById.remove(e.user().connectionId()));
            } else if (event instanceof ServerEvent.Stopped) {
                clear();
                changes = new ListChanges<>();
            }
        }
        changes.applyTo(users);
    }

    public void clear() {
        usersById.clear();
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
                        notices.accept(messages.get("notice.kickFailed", item.name(), Failures.reasonOf(error)));
                    } else if (!kicked) {
                        notices.accept(messages.get("notice.userGone", item.name()));
                    }
                }, fxExecutor);
    }
}
