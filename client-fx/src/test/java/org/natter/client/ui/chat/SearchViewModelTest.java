package org.natter.client.ui.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.natter.client.net.ConnectionFailure;
import org.natter.client.net.ConnectionState;
import org.natter.client.net.Conversation;
import org.natter.client.ui.rooms.ConversationKey;
import org.natter.common.protocol.History;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.Message;

/** Searching the open conversation, with no JavaFX toolkit: a direct executor stands in for the FX thread. */
class SearchViewModelTest {

    private final FakeCommands commands = new FakeCommands();
    private final List<ChatEntry> revealed = new ArrayList<>();
    private ChatViewModel viewModel;
    private SearchViewModel search;

    @BeforeEach
    void loggedInAsAnna() {
        viewModel = new ChatViewModel(commands, Runnable::run, "chat.lan:8020", 1_000);
        viewModel.feed().onStateChanged(ConnectionState.LOGGED_IN);
        viewModel.feed().onLoggedIn(new LoginOk("c1", "anna", 1, null, List.of("anna", "bob"), null), false);
        search = viewModel.search();
        search.setOnReveal(revealed::add);
    }

    private static Message message(long id, String text) {
        return new Message(id, "bob", text, Instant.parse("2026-11-22T09:15:00Z"), null, "general", null);
    }

    private static List<Message> messages(long from, long to) {
        return LongStream.rangeClosed(from, to).mapToObj(id -> message(id, "message " + id)).toList();
    }

    @Test
    void searchesTheOpenConversationAndSaysHowItWent() {
        search.queryProperty().set("  fractions ");
        search.search();

        assertThat(commands.searchRequests).containsExactly("#general: fractions limit 100");
        assertThat(search.statusProperty().get()).isEqualTo("Searching…");
        assertThat(search.searchingProperty().get()).isTrue();

        commands.searches.get(0).complete(List.of(message(9, "fractions again"), message(4, "fractions?")));
        assertThat(search.results()).extracting(Message::id).containsExactly(9L, 4L);
        assertThat(search.statusProperty().get()).startsWith("2 messages found");
        assertThat(search.searchingProperty().get()).isFalse();
    }

    @Test
    void nothingFoundAndFailuresAreSentences() {
        search.queryProperty().set("zebra");
        search.search();
        commands.searches.get(0).complete(List.of());
        assertThat(search.statusProperty().get()).isEqualTo("No message in #general contains “zebra”.");

        search.search();
        commands.searches.get(1).completeExceptionally(new ConnectionFailure(ConnectionFailure.Kind.NOT_LOGGED_IN, "Not logged in."));
        assertThat(search.statusProperty().get()).isEqualTo("The search did not work: you are not connected just now.");

        search.queryProperty().set("   ");
        search.search();
        assertThat(commands.searchRequests).hasSize(2);
        assertThat(search.statusProperty().get()).isEqualTo("Type the words to search for.");
    }

    @Test
    void aMessageShownAlreadyIsRevealedAtOnce() {
        viewModel.feed().onHistory(Conversation.room("general"), messages(10, 20), false);
        search.queryProperty().set("message");
        search.search();
        commands.searches.get(0).complete(List.of(message(15, "message 15")));

        search.show(search.results().get(0));

        assertThat(commands.gapRequests).isEmpty();
        assertThat(revealed).extracting(ChatEntry::id).containsExactly(15L);
    }

    @Test
    void anOlderMessageIsLoadedWithEverythingUpToTheLinesShownThenRevealed() {
        viewModel.feed().onHistory(Conversation.room("general"), messages(100, 120), false);
        search.queryProperty().set("message");
        search.search();
        commands.searches.get(0).complete(List.of(message(40, "message 40")));

        search.show(search.results().get(0));
        assertThat(commands.gapRequests).containsExactly("#general before 100 after 39 limit 500");
        commands.gaps.get(0).complete(new History(null, "general", null, messages(40, 99), true));

        assertThat(revealed).extracting(ChatEntry::id).containsExactly(40L);
        assertThat(viewModel.conversations().current().lines().all()).filteredOn(ChatEntry::isMessage)
                .extracting(ChatEntry::id).containsExactlyElementsOf(LongStream.rangeClosed(40, 120).boxed().toList());
    }

    @Test
    void aMessageFurtherBackThanOnePageIsNotForcedIn() {
        viewModel.feed().onHistory(Conversation.room("general"), messages(1_000, 1_010), false);
        search.queryProperty().set("message");
        search.search();
        commands.searches.get(0).complete(List.of(message(3, "message 3")));

        search.show(search.results().get(0));
        commands.gaps.get(0).complete(new History(null, "general", null, messages(3, 502), false));

        assertThat(revealed).isEmpty();
        assertThat(search.statusProperty().get()).startsWith("That message is too far back");
        assertThat(viewModel.conversations().current().lines().oldestId()).as("no gap left in the lines").isEqualTo(1_000);
    }

    @Test
    void openingAnotherConversationClearsTheResults() {
        search.queryProperty().set("message");
        search.search();
        commands.searches.get(0).complete(List.of(message(3, "message 3")));
        assertThat(search.scopeProperty().get()).isEqualTo("#general");

        viewModel.conversations().open(ConversationKey.room("chess"));

        assertThat(search.results()).isEmpty();
        assertThat(search.statusProperty().get()).isEmpty();
        assertThat(search.scopeProperty().get()).isEqualTo("#chess");
        assertThat(search.queryProperty().get()).as("the words stay").isEqualTo("message");
    }
}
