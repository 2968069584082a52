package org.natter.client.ui.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.natter.client.net.ConnectionState;
import org.natter.client.ui.rooms.ConversationKey;
import org.natter.client.ui.rooms.ConversationViewModel;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.Message;

/** The "New messages" line, with no JavaFX toolkit: a direct executor stands in for the FX thread. */
class UnreadMarkerTest {

    private static final String NEW_MESSAGES = "New messages";

    private ChatViewModel viewModel;
    private ChatFeed feed;
    private long ids;

    @BeforeEach
    void loggedInAsAnna() {
        viewModel = new ChatViewModel(new FakeCommands(), Runnable::run, "chat.lan:8020", 100);
        feed = viewModel.feed();
        feed.onStateChanged(ConnectionState.LOGGED_IN);
        feed.onLoggedIn(new LoginOk("c1", "anna", 1, null, List.of("anna", "bob"), null), false);
    }

    private void say(String from, String room, String text) {
        feed.onMessage(new Message(++ids, from, text, Instant.now(), from.equals("anna") ? "c" + ids : null, room, null));
    }

    private ConversationViewModel open(String room) {
        return viewModel.conversations().open(ConversationKey.room(room));
    }

    private List<String> texts(String room) {
        return viewModel.conversations().find(ConversationKey.room(room)).lines().all().stream()
                .filter(entry -> entry.isMessage() || entry.kind() == ChatEntry.Kind.UNREAD).map(ChatEntry::text).toList();
    }

    @Test
    void comingBackToARoomPutsTheLineAboveTheFirstMessageMissed() {
        say("bob", "general", "seen");
        open("chess");
        say("bob", "general", "one");
        say("anna", "general", "mine, from elsewhere");
        say("bob", "general", "two");

        open("general");

        assertThat(texts("general")).containsExactly("seen", NEW_MESSAGES, "one", "mine, from elsewhere", "two");
        assertThat(viewModel.conversations().current().unreadProperty().get()).isZero();
    }

    @Test
    void theLineGoesAwayOnTheNextVisit() {
        open("chess");
        say("bob", "general", "one");
        open("general");
        assertThat(texts("general")).containsExactly(NEW_MESSAGES, "one");
        say("bob", "general", "read while here");

        open("chess");
        open("general");
        assertThat(texts("general")).containsExactly("one", "read while here");

        open("chess");
        say("bob", "general", "later");
        open("general");
        assertThat(texts("general")).containsExactly("one", "read while here", NEW_MESSAGES, "later");
    }

    @Test
    void comingBackToTheWindowMarksWhatCameWhileItWasInTheBackground() {
        say("bob", "general", "seen");
        viewModel.windowFocusedProperty().set(false);
        say("bob", "general", "while away");
        assertThat(texts("general")).containsExactly("seen", "while away");

        viewModel.windowFocusedProperty().set(true);
        assertThat(texts("general")).containsExactly("seen", NEW_MESSAGES, "while away");
    }

    @Test
    void nothingMissedMeansNoLine() {
        open("chess");
        say("anna", "general", "only mine");
        say("bob", "chess", "here, while I look");
        open("general");
        open("chess");

        assertThat(texts("general")).containsExactly("only mine");
        assertThat(texts("chess")).containsExactly("here, while I look");
    }
}
