package org.natter.server.ui.rooms;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.natter.common.fx.Messages;
import org.natter.common.model.RoomInfo;
import org.natter.common.model.ServerEvent;
import org.natter.server.core.ChatServer;
import org.natter.server.core.HistoryExport;
import org.natter.server.ui.shared.Failures;
import org.natter.server.ui.shared.ListChanges;

/**
 * The Rooms table and the history on disk. Rows are kept live from {@code RoomUpdated} / {@code RoomRemoved} and
 * changed in place; a snapshot from the server fills the table when the server starts and, every few seconds,
 * corrects the message counts (which the server counts when a message is said, while the window hears of it once
 * it is stored) and the size of the history. Every call into the server runs on the background executor; results
 * come back on the FX executor. FX thread only.
 */
public final class RoomsViewModel {

    /** Ticks (seconds) between two snapshots of the counts and the history's size. */
    static final int REFRESH_TICKS = 5;

    private final ChatServer server;
    private final Executor fxExecutor;
    private final Executor background;
    private final Messages messages;
    private final Consumer<String> notices;
    private final ObservableList<RoomItemViewModel> rooms = FXCollections.observableArrayList();
    private final Map<String, RoomItemViewModel> roomsByKey = new HashMap<>();
    private final ReadOnlyLongWrapper historyBytes = new ReadOnlyLongWrapper(this, "historyBytes");
    private final StringBinding historySize;
    /** Rooms an event changed while a snapshot was on its way: the event is newer than the snapshot. */
    private final Set<String> changedSinceSnapshot = new HashSet<>();
    private boolean running;
    private int ticks;

    public RoomsViewModel(ChatServer server, Executor fxExecutor, Executor background, Messages messages,
                          Consumer<String> notices) {
        this.server = server;
        this.fxExecutor = fxExecutor;
        this.background = background;
        this.messages = messages;
        this.notices = notices;
        historySize = Bindings.createStringBinding(
                () -> messages.get("rooms.history.size", ByteSizes.format(historyBytes.get(), messages.locale())), historyBytes);
    }

    /** Every room, in the order the window learnt of them (the table sorts). */
    public ObservableList<RoomItemViewModel> rooms() {
        return rooms;
    }

    /** The bytes the stored history takes on disk. */
    public ReadOnlyLongProperty historyBytesProperty() {
        return historyBytes.getReadOnlyProperty();
    }

    /** "History on disk: 2.4 MB". */
    public StringBinding historySizeText() {
        return historySize;
    }

    /** Applies a batch of server events to the table. */
    public void apply(List<ServerEvent> batch) {
        ListChanges<RoomItemViewModel> changes = new ListChanges<>();
        for (ServerEvent event : batch) {
            if (event instanceof ServerEvent.RoomUpdated e) {
                changedSinceSnapshot.add(key(e.room().name()));
                RoomItemViewModel item = roomsByKey.get(key(e.room().name()));
                if (item == null) {
                    item = new RoomItemViewModel(e.room(), messages.get("rooms.creator.host"), this::rulesText);
                    roomsByKey.put(key(item.name()), item);
                    changes.replace(null, item);
                } else {
                    item.update(e.room());
                }
            } else if (event instanceof ServerEvent.RoomRemoved e) {
                changedSinceSnapshot.add(key(e.name()));
                changes.remove(roomsByKey.remove(key(e.name())));
            } else if (event instanceof ServerEvent.MessageSent e && e.message().room() != null) {
                RoomItemViewModel item = roomsByKey.get(key(e.message().room()));
                if (item != null) {
                    item.countMessage();
                }
            } else if (event instanceof ServerEvent.Started) {
                running = true;
                refresh();
            } else if (event instanceof ServerEvent.Stopped) {
                running = false;
                roomsByKey.clear();
                changes = new ListChanges<>();
                rooms.clear();
            }
        }
        changes.applyTo(rooms);
    }

    /** Once a second: while running, every {@link #REFRESH_TICKS} seconds a snapshot of the rooms and the history's size. */
    public void tick() {
        if (running && ++ticks % REFRESH_TICKS == 0) {
            try {
                refresh();
            } catch (RejectedExecutionException e) {
                // The window is closing and its background executor is gone; there is nothing left to show.
            }
        }
    }

    /** Reads the rooms and the history's size from the server; completes on the FX thread once applied. */
    public CompletableFuture<Void> refresh() {
        changedSinceSnapshot.clear();
        boolean wanted = running;
        return CompletableFuture.supplyAsync(() -> new Snapshot(wanted ? server.rooms() : List.of(),
                        server.historyBytes()), background)
                .thenAcceptAsync(this::applySnapshot, fxExecutor);
    }

    /** The room with this name (ignoring case), or null. */
    public RoomItemViewModel find(String name) {
        return roomsByKey.get(key(name));
    }

    /** A form for a new room; its {@code create} calls the server. */
    public CreateRoomViewModel newRoomForm() {
        return new CreateRoomViewModel(server::createRoom, fxExecutor, background);
    }

    /** "Close #maths? Its 12 members are taken out." */
    public String deleteQuestion(RoomItemViewModel item) {
        return messages.get("rooms.delete.header", item.name(), item.memberCountProperty().get());
    }

    /** Closes a room; its members leave it. The row goes when the server reports the room removed. */
    public CompletableFuture<Boolean> delete(RoomItemViewModel item) {
        return command(item, () -> server.deleteRoom(item.name()), "rooms.delete.failed", deleted -> {
            if (!deleted) {
                notices.accept(messages.get("rooms.gone", item.name()));
            }
        });
    }

    /** Sets (or, with an empty text, clears) the room's topic; the row changes when the server reports it. */
    public CompletableFuture<Void> setTopic(RoomItemViewModel item, String text) {
        return command(item, () -> {
            server.setTopic(item.name(), text.strip());
            return null;
        }, "rooms.topic.failed", ignored -> notices.accept(messages.get("rooms.topic.done", item.name())));
    }

    /**
     * Changes the room's rules to {@code choice}: moderated or not, who may write (names added and taken off),
     * slow mode; the row changes when the server reports the room. Completes on the FX thread.
     */
    public CompletableFuture<Void> applyRules(RoomItemViewModel item, RoomRulesChoice choice) {
        RoomRulesChoice before = item.currentRules();
        return command(item, () -> {
            for (String name : choice.allowed()) {
                if (!before.allowed().contains(name)) {
                    server.allowToWrite(item.name(), name, true);
                }
            }
            for (String name : before.allowed()) {
                if (!choice.allowed().contains(name)) {
                    server.allowToWrite(item.name(), name, false);
                }
            }
            server.setModerated(item.name(), choice.moderated());
            server.setSlowMode(item.name(), java.time.Duration.ofSeconds(choice.slowSeconds()));
            return null;
        }, "rooms.rules.failed", ignored -> notices.accept(messages.get("rooms.rules.done", item.name())));
    }

    /** "moderated, slow 30 s"; empty for a room open to everyone. */
    String rulesText(RoomRulesChoice rules) {
        String moderated = rules.moderated() ? messages.get("rooms.rules.isModerated", rules.allowed().size()) : "";
        String slow = rules.slowSeconds() > 0 ? messages.get("rooms.rules.isSlow", rules.slowSeconds()) : "";
        return moderated.isEmpty() || slow.isEmpty() ? moderated + slow : moderated + ", " + slow;
    }

    /** "Delete the history of #maths? Its 120 messages …" */
    public String clearQuestion(RoomItemViewModel item) {
        return messages.get("rooms.clear.header", item.name(), item.messagesProperty().get());
    }

    /** Deletes the room's stored history; the notice says how many messages went. */
    public CompletableFuture<Integer> clearHistory(RoomItemViewModel item) {
        item.busyProperty().set(true);
        return CompletableFuture.supplyAsync(() -> server.clearHistory(item.name()), background)
                .thenCompose(future -> future)
                .whenCompleteAsync((count, failure) -> {
                    item.busyProperty().set(false);
                    notices.accept(failure == null ? messages.get("rooms.clear.done", count, item.name())
                            : messages.get("rooms.clear.failed", item.name(), Failures.reasonOf(failure)));
                    refresh();
                }, fxExecutor);
    }

    /** Writes the room's history to {@code file} in the format its name asks for; the notice says where. */
    public CompletableFuture<Integer> exportHistory(RoomItemViewModel item, Path file, HistoryExport.Format chosen) {
        item.busyProperty().set(true);
        HistoryExport.Format format = formatFor(file, chosen);
        return CompletableFuture.supplyAsync(() -> server.exportHistory(item.name(), file, format), background)
                .thenCompose(future -> future)
                .whenCompleteAsync((count, failure) -> {
                    item.busyProperty().set(false);
                    notices.accept(failure == null ? messages.get("rooms.export.done", count, item.name(), file.toString())
                            : messages.get("rooms.export.failed", item.name(), Failures.reasonOf(failure)));
                }, fxExecutor);
    }

    /**
     * The format for a file: JSON lines for {@code .jsonl} and {@code .json}, text for {@code .txt} and
     * {@code .log}, else what the operator chose in the save dialog.
     */
    public static HistoryExport.Format formatFor(Path file, HistoryExport.Format chosen) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".json")) {
            return HistoryExport.Format.JSON_LINES;
        }
        if (name.endsWith(".txt") || name.endsWith(".log")) {
            return HistoryExport.Format.TEXT;
        }
        return chosen;
    }

    private <T> CompletableFuture<T> command(RoomItemViewModel item, Supplier<T> call, String failureKey,
                                             Consumer<T> done) {
        item.busyProperty().set(true);
        return CompletableFuture.supplyAsync(call, background)
                .whenCompleteAsync((result, failure) -> {
                    item.busyProperty().set(false);
                    if (failure != null) {
                        notices.accept(messages.get(failureKey, item.name(), Failures.reasonOf(failure)));
                    } else {
                        done.accept(result);
                    }
                }, fxExecutor);
    }

    private void applySnapshot(Snapshot snapshot) {
        historyBytes.set(snapshot.historyBytes());
        if (!running) {
            return;
        }
        ListChanges<RoomItemViewModel> changes = new ListChanges<>();
        Set<String> present = new HashSet<>();
        for (RoomInfo room : snapshot.rooms()) {
            String key = key(room.name());
            present.add(key);
            RoomItemViewModel item = roomsByKey.get(key);
            if (changedSinceSnapshot.contains(key)) {
                if (item != null) {
                    item.messagesProperty().set(Math.max(item.messagesProperty().get(), room.messages()));
                }
            } else if (item == null) {
                item = new RoomItemViewModel(room, messages.get("rooms.creator.host"), this::rulesText);
                roomsByKey.put(key, item);
                changes.replace(null, item);
            } else {
                item.update(room);
            }
        }
        roomsByKey.entrySet().removeIf(entry -> {
            boolean stale = !present.contains(entry.getKey()) && !changedSinceSnapshot.contains(entry.getKey());
            if (stale) {
                changes.remove(entry.getValue());
            }
            return stale;
        });
        changedSinceSnapshot.clear();
        changes.applyTo(rooms);
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private record Snapshot(List<RoomInfo> rooms, long historyBytes) {
    }
}
