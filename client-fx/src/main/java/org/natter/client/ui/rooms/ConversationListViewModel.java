package org.natter.client.ui.rooms;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;
import org.natter.client.net.OpenRoom;
import org.natter.client.ui.I18n;
import org.natter.client.ui.chat.ChatEntry;
import org.natter.common.model.NameOrder;
import org.natter.common.model.LeaveReason;

/**
 * The sidebar: the rooms this user is in and its direct conversations, which one is open, and the unread and mention
 * counts. Lines arrive already addressed ({@link Routed}); a line for a room or person without a conversation opens
 * one (a leave of the server opens none). A conversation in front of the user in a focused window counts nothing.
 *
 * <p><b>Threads:</b> the FX thread only.
 */
public final class ConversationListViewModel {

    private final int maxLines;
    private final Comparator<String> nameOrder = NameOrder.comparator();
    // No extractor: a sorted list re-inserts an updated element, which would move the list view's selection.
    private final ObservableList<ConversationViewModel> all = FXCollections.observableArrayList();
    private final SortedList<ConversationViewModel> sorted = new SortedList<>(all, this::compare);
    private final ObjectProperty<ConversationViewModel> selected = new SimpleObjectProperty<>();
    private final BooleanProperty windowFocused = new SimpleBooleanProperty(true);
    private final BooleanProperty showPresence = new SimpleBooleanProperty(true);
    private final ObservableList<String> members = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper totalUnread = new ReadOnlyIntegerWrapper();
    private final InvalidationListener recount = observable -> recount();
    private final ListChangeListener<String> memberChanges = change -> showMembers();
    private BiConsumer<ConversationViewModel, ChatEntry> onNotify = (conversation, entry) -> { };
    private Consumer<List<String>> onJoinedRoomsChanged = rooms -> { };
    private boolean membersFrozen;

    public ConversationListViewModel(int maxLines) {
        this.maxLines = maxLines;
        all.addListener(recount);
        selected.addListener((obs, old, now) -> {
            if (old != null) {
                old.members().removeListener(memberChanges);
            }
            if (now != null) {
                now.members().addListener(memberChanges);
                if (windowFocused.get()) {
                    now.markRead();
                }
            }
            showMembers();
        });
        windowFocused.addListener((obs, was, focused) -> {
            if (focused && selected.get() != null) {
                selected.get().markRead();
            }
        });
        select(ensure(ConversationKey.GENERAL));
    }

    /** Rooms first ({@code #general} at the top), then direct conversations, each by name. */
    public ObservableList<ConversationViewModel> conversations() {
        return sorted;
    }

    public ObjectProperty<ConversationViewModel> selectedProperty() {
        return selected;
    }

    public ConversationViewModel current() {
        return selected.get();
    }

    /** The open conversation's members (or the other person), in the name order. */
    public ObservableList<String> members() {
        return members;
    }

    public BooleanProperty windowFocusedProperty() {
        return windowFocused;
    }

    /** Whether every conversation shows its join and leave lines. */
    public BooleanProperty showPresenceProperty() {
        return showPresence;
    }

    /** Unread messages in all conversations together. */
    public ReadOnlyIntegerProperty totalUnreadProperty() {
        return totalUnread.getReadOnlyProperty();
    }

    /** A direct message or a mention arrived while the window was not focused: once per batch, the latest. */
    public void setOnNotify(BiConsumer<ConversationViewModel, ChatEntry> handler) {
        onNotify = Objects.requireNonNull(handler);
    }

    /** The rooms this user is in changed (their names, as the server spells them), to remember for the next start. */
    public void setOnJoinedRoomsChanged(Consumer<List<String>> handler) {
        onJoinedRoomsChanged = Objects.requireNonNull(handler);
    }

    public List<String> joinedRooms() {
        return all.stream().filter(c -> c.isRoom() && c.joinedProperty().get()).map(c -> c.key().name()).toList();
    }

    public ConversationViewModel find(ConversationKey key) {
        return all.stream().filter(c -> c.key().equals(key)).findFirst().orElse(null);
    }

    /** The conversation whose lines hold this very entry, or null. */
    public ConversationViewModel holding(ChatEntry entry) {
        return all.stream().filter(c -> c.lines().all().stream().anyMatch(e -> e == entry)).findFirst().orElse(null);
    }

    public void select(ConversationViewModel conversation) {
        if (conversation != null) {
            selected.set(conversation);
        }
    }

    /** Opens (creating when needed) and shows a conversation. */
    public ConversationViewModel open(ConversationKey key) {
        ConversationViewModel conversation = ensure(key);
        select(conversation);
        return conversation;
    }

    /** Removes a direct conversation, or a room this user has left; selects {@code #general} if it was open. */
    public void close(ConversationViewModel conversation) {
        if (conversation == null || conversation.key().equals(ConversationKey.GENERAL) && all.size() == 1) {
            return;
        }
        all.remove(conversation);
        if (selected.get() == conversation) {
            ConversationViewModel general = find(ConversationKey.GENERAL);
            select(general != null ? general : sorted.isEmpty() ? ensure(ConversationKey.GENERAL) : sorted.get(0));
        }
        joinedRoomsChanged();
    }

    /** Adds a batch of addressed lines, in order, and counts what the user has not seen. */
    public void append(List<Routed> batch) {
        ConversationViewModel target = null;
        Run run = new Run();
        ChatEntry notify = null;
        ConversationViewModel notifyIn = null;
        for (Routed routed : batch) {
            for (ConversationKey key : routed.to()) {
                ConversationViewModel conversation = key.kind() == ConversationKey.Kind.CURRENT ? selected.get()
                        : routed.existingOnly() ? find(key) : ensure(key);
                if (conversation == null || repeated(conversation, routed)) {
                    continue;
                }
                if (conversation != target) {
                    flush(target, run);
                    target = conversation;
                }
                run.add(routed, conversation.isRoom());
                if (!routed.earlier() && !windowFocused.get() && routed.entry().kind() == ChatEntry.Kind.OTHER
                        && (routed.entry().mentionsMe() || !conversation.isRoom())) {
                    notify = routed.entry();
                    notifyIn = conversation;
                }
            }
        }
        flush(target, run);
        if (notify != null) {
            onNotify.accept(notifyIn, notify);
        }
    }

    /** This user is in a room now (a join, the login's {@code #general}, a join again after reconnecting). */
    public void roomJoined(String room, String topic, List<String> roomMembers) {
        ConversationViewModel conversation = ensure(ConversationKey.room(room));
        conversation.setJoined(true);
        conversation.update(topic, sortedNames(roomMembers));
        joinedRoomsChanged();
    }

    /** This user left a room: after a part its conversation goes; a room the host closed stays, marked as left. */
    public void roomLeft(String room, LeaveReason reason) {
        ConversationViewModel conversation = find(ConversationKey.room(room));
        if (conversation == null) {
            return;
        }
        if (reason == LeaveReason.ROOM_CLOSED) {
            conversation.setJoined(false);
            conversation.update("", List.of());
            conversation.append(List.of(ChatEntry.event(ChatEntry.Kind.WARNING, "",
                    I18n.text("event.left.roomClosed", room), null)));
            joinedRoomsChanged();
        } else {
            close(conversation);
        }
    }

    /** The rooms' topics and members as the connection knows them now; rooms it does not list are left alone. */
    public void updateRooms(List<OpenRoom> rooms) {
        for (OpenRoom room : rooms) {
            ConversationViewModel conversation = find(ConversationKey.room(room.name()));
            if (conversation != null) {
                conversation.update(room.topic(), sortedNames(room.members()));
            }
        }
    }

    /** The session is over (removed by the host): nobody is listed any more, and nothing brings them back. */
    public void clearMembers() {
        membersFrozen = true;
        members.clear();
    }

    /** A replay into a room joined again (after the host closed it) repeats what its lines still show. */
    private static boolean repeated(ConversationViewModel conversation, Routed routed) {
        return routed.earlier() && routed.entry().id() > 0 && routed.entry().id() <= conversation.lines().newestId();
    }

    private void flush(ConversationViewModel conversation, Run run) {
        if (conversation == null || run.entries.isEmpty()) {
            return;
        }
        conversation.append(List.copyOf(run.entries));
        if (conversation != selected.get() || !windowFocused.get()) {
            conversation.addUnread(run.messages, run.mentioned);
        }
        run.clear();
    }

    /** The lines for one conversation in a row, and how many of them are new messages from others. */
    private static final class Run {
        private final List<ChatEntry> entries = new ArrayList<>();
        private int messages;
        private int mentioned;

        void add(Routed routed, boolean room) {
            ChatEntry entry = routed.entry();
            entries.add(entry);
            if (!routed.earlier() && entry.kind() == ChatEntry.Kind.OTHER) {
                messages++;
                mentioned += entry.mentionsMe() || !room ? 1 : 0;
            }
        }

        void clear() {
            entries.clear();
            messages = 0;
            mentioned = 0;
        }
    }

    private ConversationViewModel ensure(ConversationKey key) {
        ConversationViewModel existing = find(key);
        if (existing != null) {
            return existing;
        }
        ConversationViewModel created = new ConversationViewModel(key, maxLines);
        created.lines().showPresenceProperty().bind(showPresence);
        created.unreadProperty().addListener(recount);
        all.add(created);
        return created;
    }

    private void recount() {
        totalUnread.set(all.stream().mapToInt(c -> c.unreadProperty().get()).sum());
    }

    private void joinedRoomsChanged() {
        onJoinedRoomsChanged.accept(joinedRooms());
    }

    private void showMembers() {
        if (!membersFrozen) {
            members.setAll(selected.get() == null ? List.of() : sortedNames(selected.get().members()));
        }
    }

    private List<String> sortedNames(List<String> names) {
        return names.stream().sorted(nameOrder).toList();
    }

    private int compare(ConversationViewModel a, ConversationViewModel b) {
        if (a.isRoom() != b.isRoom()) {
            return a.isRoom() ? -1 : 1;
        }
        boolean aGeneral = a.key().equals(ConversationKey.GENERAL);
        if (aGeneral != b.key().equals(ConversationKey.GENERAL)) {
            return aGeneral ? -1 : 1;
        }
        return nameOrder.compare(a.key().name(), b.key().name());
    }
}
