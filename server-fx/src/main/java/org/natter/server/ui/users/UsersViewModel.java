package org.natter.server.ui.users;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.natter.common.fx.Messages;
import org.natter.common.model.ServerEvent;
import org.natter.server.core.ChatServer;
import org.natter.server.ui.shared.Addresses;
import org.natter.server.ui.shared.Failures;
import org.natter.server.ui.shared.ListChanges;

/**
 * The Connected users table, with the rooms each user is in (from the rooms' member lists). Rows are looked up by connection id and changed in place; a batch of events becomes
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
    private final FilteredList<ConnectedUserItemViewModel> shownUsers = new FilteredList<>(users);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private Runnable sanctionsChanged = () -> { };

    public UsersViewModel(ChatServer server, Executor fxExecutor, Executor background, Messages messages,
                          Consumer<String> notices) {
        this.server = server;
        this.fxExecutor = fxExecutor;
        this.background = background;
        this.messages = messages;
        this.notices = notices;
        search.addListener((obs, old, text) -> shownUsers.setPredicate(matching(text)));
    }

    /** Runs on the FX thread after a ban or a mute from this table (the bans list refreshes). */
    public void setOnSanctionsChanged(Runnable action) {
        sanctionsChanged = action;
    }

    /** Everyone logged in. */
    public ObservableList<ConnectedUserItemViewModel> users() {
        return users;
    }

    /** The users whose name or address contains the search text; the table shows these. */
    public ObservableList<ConnectedUserItemViewModel> shownUsers() {
        return shownUsers;
    }

    public StringProperty searchProperty() {
        return search;
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
            } else if (event instanceof ServerEvent.RoomUpdated e) {
                Set<String> members = new HashSet<>(e.room().members());
                usersById.values().forEach(item -> item.setMember(e.room().name(), members.contains(item.name())));
            } else if (event instanceof ServerEvent.RoomRemoved e) {
                usersById.values().forEach(item -> item.setMember(e.name(), false));
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
     * Kicks several users with one reason, one after the other on the background executor; completes on the FX
     * thread with how many were removed.
     */
    public CompletableFuture<Integer> kick(List<ConnectedUserItemViewModel> items, String reason) {
        List<CompletableFuture<Boolean>> kicks = new ArrayList<>();
        for (ConnectedUserItemViewModel item : List.copyOf(items)) {
            kicks.add(kick(item, reason));
        }
        return CompletableFuture.allOf(kicks.toArray(CompletableFuture[]::new))
                .handleAsync((ignored, failure) -> {
                    int removed = (int) kicks.stream()
                            .filter(k -> !k.isCompletedExceptionally() && Boolean.TRUE.equals(k.join())).count();
                    if (removed > 1) {
                        notices.accept(messages.get("notice.kicked", removed));
                    }
                    return removed;
                }, fxExecutor);
    }

    /**
     * Asks the server to kick the user; the row goes when the server reports that the user left.
     *
     * @param reason shown to the removed user only; may be empty
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

    /**
     * Kicks the users, or with {@code choice.banFor()} bans them (which removes them with the reason), and with
     * {@code banAddress} their addresses as well. Completes on the FX thread with how many were kicked or banned.
     */
    public CompletableFuture<Integer> kick(List<ConnectedUserItemViewModel> items, KickChoice choice) {
        return choice.banFor() == null ? kick(items, choice.reason())
                : ban(items, choice.banFor().duration(), choice.reason(), choice.banAddress());
    }

    /**
     * Bans the users' names (which removes them; the reason is shown to them) and with {@code address} their IP
     * addresses too, on the background executor; completes on the FX thread with how many names were banned.
     *
     * @param duration {@code null} for good
     */
    public CompletableFuture<Integer> ban(List<ConnectedUserItemViewModel> items, Duration duration, String reason,
                                          boolean address) {
        return sanction(items, "notice.banned", "notice.banFailed", item -> {
            server.ban(item.name(), duration, reason);
            if (address) {
                server.ban(Addresses.hostOf(item.address()), duration, reason);
            }
        });
    }

    /** Mutes the users: they still read, but what they say is refused. Completes with how many were muted. */
    public CompletableFuture<Integer> mute(List<ConnectedUserItemViewModel> items, Duration duration, String reason) {
        return sanction(items, "notice.muted", "notice.muteFailed", item -> server.mute(item.name(), duration, reason));
    }

    private CompletableFuture<Integer> sanction(List<ConnectedUserItemViewModel> items, String doneKey,
                                                String failedKey, Consumer<ConnectedUserItemViewModel> call) {
        List<ConnectedUserItemViewModel> chosen = List.copyOf(items);
        if (chosen.isEmpty()) {
            return CompletableFuture.completedFuture(0);
        }
        chosen.forEach(item -> item.busyProperty().set(true));
        List<String> failures = new ArrayList<>();
        return CompletableFuture.supplyAsync(() -> {
            int done = 0;
            for (ConnectedUserItemViewModel item : chosen) {
                try {
                    call.accept(item);
                    done++;
                } catch (RuntimeException e) {
                    synchronized (failures) {
                        failures.add(messages.get(failedKey, item.name(), Failures.reasonOf(e)));
                    }
                }
            }
            return done;
        }, background).whenCompleteAsync((done, error) -> {
            chosen.forEach(item -> item.busyProperty().set(false));
            synchronized (failures) {
                if (error != null) {
                    notices.accept(messages.get(failedKey, chosen.get(0).name(), Failures.reasonOf(error)));
                } else if (!failures.isEmpty()) {
                    notices.accept(failures.get(0));
                } else {
                    notices.accept(messages.get(doneKey, done, chosen.get(0).name()));
                }
            }
            sanctionsChanged.run();
        }, fxExecutor);
    }

    private static Predicate<ConnectedUserItemViewModel> matching(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String needle = text.strip().toLowerCase(Locale.ROOT);
        return user -> user.name().toLowerCase(Locale.ROOT).contains(needle)
                || user.address().toLowerCase(Locale.ROOT).contains(needle);
    }
}
