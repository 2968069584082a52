package org.natter.client.ui.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.natter.client.net.ConnectionFailure;
import org.natter.client.net.ConnectionState;
import org.natter.client.net.Conversation;
import org.natter.client.ui.rooms.ConversationKey;
import org.natter.client.ui.rooms.ConversationViewModel;
import org.natter.common.protocol.ErrorCode;
import org.natter.common.protocol.History;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.Message;
import org.natter.common.protocol.RoomState;

/** Scrolling back through a conversation's history, with a direct executor for the FX thread. */
class ScrollbackTest {

    private static final Instant T = Instant.parse("2026-11-22T09:15:00Z");

    private final FakeCommands commands = new FakeCommands();
    private ChatViewModel viewModel;
    private ChatFeed feed;

    @BeforeEach
    void annaInMaths() {
        viewModel = new ChatViewModel(commands, Runnable::run, "chat.lan:8020", 100);
        feed = viewModel.feed();
        feed.onStateChanged(ConnectionState.LOGGED_IN);
        feed.onLoggedIn(new LoginOk("c1", "anna", 1, null, List.of("anna"), null), false);
        feed.onRoomJoined(new RoomState("r", "maths", null, List.of("anna", "bob")));
    }

    private static Message inMaths(long id, String text) {
        return new Message(id, "bob", text, T.plusSeconds(id), null, "maths", null);
    }

    private static History page(boolean complete, Message... messages) {
        return new History(null, "maths", null, List.of(messages), complete);
    }

    private static List<String> texts(ConversationViewModel conversation) {
        return conversation.lines().all().stream().map(ChatEntry::text).toList();
    }

    @Test
    void olderPagesGoAboveTheOldestMessageUntilTheBeginning() {
        feed.onHistory(Conversation.room("maths"), List.of(inMaths(41, "c"), inMaths(42, "d")), false);
        ConversationViewModel maths = viewModel.conversations().open(ConversationKey.room("maths"));

        viewModel.loadOlder();
        viewModel.loadOlder();
        assertThat(commands.pageRequests).as("one page at a time").containsExactly("#maths before 41 limit 100");
        commands.pages.get(0).complete(page(false, inMaths(39, "a"), inMaths(40, "b")));
        assertThat(texts(maths)).containsExactly("a", "b", "c", "d", "Earlier messages");
        assertThat(maths.unreadProperty().get()).isZero();

        viewModel.loadOlder();
        commands.pages.get(1).complete(page(true, inMaths(38, "start")));
        assertThat(commands.pageRequests).endsWith("#maths before 39 limit 100");
        assertThat(texts(maths)).containsExactly("Beginning of the conversation", "start", "a", "b", "c", "d",
                "Earlier messages");
        assertThat(maths.lines().all().get(0).kind()).isEqualTo(ChatEntry.Kind.DIVIDER);

        viewModel.loadOlder();
        assertThat(commands.pageRequests).as("nothing older exists").hasSize(2);
    }

    @Test
    void aMessageThatCameLiveMeanwhileIsNotShownTwice() {
        ConversationViewModel bob = viewModel.conversations().open(ConversationKey.direct("bob"));

        viewModel.loadOlder();
        feed.onMessage(new Message(10, "bob", "live", T, null, null, "anna"));
        commands.pages.get(0).complete(new History(null, null, "bob", List.of(
                new Message(9, "anna", "earlier", T, null, null, "bob"),
                new Message(10, "bob", "live", T, null, null, "anna")), false));

        assertThat(commands.pageRequests).containsExactly("@bob before null limit 100");
        assertThat(texts(bob)).containsExactly("earlier", "live");
        assertThat(bob.lines().all()).extracting(ChatEntry::kind).containsExactly(ChatEntry.Kind.OWN, ChatEntry.Kind.OTHER);
    }

    @Test
    void aRefusedPageSaysSoOnceAndIsNotAskedAgain() {
        ConversationViewModel maths = viewModel.conversations().open(ConversationKey.room("maths"));

        viewModel.loadOlder();
        commands.pages.get(0).completeExceptionally(new ConnectionFailure(ConnectionFailure.Kind.NOT_LOGGED_IN, "Not logged in."));
        viewModel.loadOlder();
        assertThat(texts(maths)).as("offline: quietly tried again").isEmpty();
        commands.pages.get(1).completeExceptionally(new ConnectionFailure(ConnectionFailure.Kind.REFUSED,
                ErrorCode.UNAVAILABLE, "The history cannot be read just now.", null));
        viewModel.loadOlder();

        assertThat(texts(maths)).containsExactly("Could not load earlier messages: The history cannot be read just now.");
        assertThat(commands.pageRequests).hasSize(2);
    }
}
