package org.natter.client.ui.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.natter.client.net.Conversation;
import org.natter.client.net.ConnectionState;
import org.natter.client.ui.rooms.ConversationKey;
import org.natter.client.ui.rooms.ConversationViewModel;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.Message;
import org.natter.common.protocol.RoomState;

/** The replay, the catch-up and older pages in the chat view model, with a direct executor for the FX thread. */
class ChatHistoryViewModelTest {

    private static final Instant T = Instant.parse("2026-11-22T09:15:00Z");

    private final FakeCommands commands = new FakeCommands();
    private ChatViewModel viewModel;
    private ChatFeed feed;

    @BeforeEach
    void loggedInAsAnna() {
        viewModel = new ChatViewModel(commands, Runnable::run, "chat.lan:8020", 100);
        feed = viewModel.feed();
        feed.onStateChanged(ConnectionState.LOGGED_IN);
        feed.onLoggedIn(new LoginOk("c1", "anna", 1, null, List.of("anna"), null), false);
    }

    private static Message inMaths(long id, String from, String text) {
        return new Message(id, from, text, T.plusSeconds(id), null, "maths", null);
    }

    private ConversationViewModel maths() {
        return viewModel.conversations().find(ConversationKey.room("maths"));
    }

    private static List<String> texts(ConversationViewModel conversation) {
        return conversation.lines().all().stream().map(ChatEntry::text).toList();
    }

    @Test
    void replayComesBeforeLiveMessagesOldestFirstAndMarkedAsEarlier() {
        feed.onRoomJoined(new RoomState("r", "maths", null, List.of("anna", "bob")));
        feed.onHistory(Conversation.room("maths"), List.of(inMaths(41, "bob", "1/2"), inMaths(42, "anna", "@anna wrote")),
                false);
        feed.onMessage(inMaths(43, "bob", "live"));

        assertThat(texts(maths())).containsExactly("1/2", "@anna wrote", "Earlier messages", "live");
        assertThat(maths().lines().all()).extracting(ChatEntry::kind).containsExactly(ChatEntry.Kind.OTHER,
                ChatEntry.Kind.OWN, ChatEntry.Kind.DIVIDER, ChatEntry.Kind.OTHER);
        assertThat(maths().lines().all()).extracting(ChatEntry::id).containsExactly(41L, 42L, 0L, 43L);
    }

    @Test
    void replayCountsAsNeitherUnreadNorNotification() {
        List<ChatEntry> notified = new ArrayList<>();
        viewModel.setOnNotify((conversation, entry) -> notified.add(entry));
        viewModel.windowFocusedProperty().set(false);

        feed.onHistory(Conversation.room("maths"), List.of(inMaths(1, "bob", "hello @anna"), inMaths(2, "li", "hi")), true);
        feed.onHistory(Conversation.direct("bob"), List.of(new Message(3, "bob", "psst", T, null, null, "anna")), true);

        assertThat(maths().unreadProperty().get()).isZero();
        assertThat(viewModel.unreadProperty().get()).isZero();
        assertThat(notified).isEmpty();

        feed.onMessage(inMaths(4, "bob", "now @anna"));
        assertThat(maths().unreadProperty().get()).isEqualTo(1);
        assertThat(notified).extracting(ChatEntry::text).containsExactly("now @anna");
    }

    @Test
    void replayAfterJoiningAClosedRoomAgainRepeatsNothingStillShown() {
        feed.onRoomJoined(new RoomState("r", "maths", null, List.of("anna", "bob")));
        feed.onMessage(inMaths(5, "bob", "before the close"));
        feed.onRoomLeft("maths", org.natter.common.model.LeaveReason.ROOM_CLOSED);
        feed.onRoomJoined(new RoomState("r", "maths", null, List.of("anna", "bob")));
        feed.onHistory(Conversation.room("maths"), List.of(inMaths(5, "bob", "before the close"),
                inMaths(6, "bob", "said while away")), true);

        assertThat(texts(maths())).containsExactly("before the close", "The host closed #maths", "said while away",
                "Earlier messages");
    }

    @Test
    void emptyReplayAddsNoDivider() {
        feed.onRoomJoined(new RoomState("r", "maths", null, List.of("anna")));
        feed.onHistory(Conversation.room("maths"), List.of(), true);

        assertThat(texts(maths())).isEmpty();
    }

    @Test
    void catchUpWithMessagesSaysHowManyInItsConversation() {
        feed.onRoomJoined(new RoomState("r", "maths", null, List.of("anna", "bob")));
        feed.onMessage(inMaths(7, "bob", "while you were away"));
        feed.onMessage(inMaths(8, "bob", "and this"));
        feed.onCaughtUp(Conversation.room("maths"), 2);
        feed.onCaughtUp(Conversation.room("general"), 0);
        feed.onCaughtUp(Conversation.direct("li"), 1);

        assertThat(texts(maths())).containsExactly("while you were away", "and this", "Caught up: 2 messages");
        assertThat(viewModel.conversations().find(ConversationKey.GENERAL).lines().all())
                .noneMatch(entry -> entry.kind() == ChatEntry.Kind.DIVIDER);
        assertThat(texts(viewModel.conversations().find(ConversationKey.direct("li")))).containsExactly("Caught up: 1 message");
    }
}
