package org.natter.client.ui.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.natter.client.net.ConnectionFailure;
import org.natter.client.net.ConnectionState;
import org.natter.client.net.DisconnectReason;
import org.natter.client.net.OpenRoom;
import org.natter.common.model.LeaveReason;
import org.natter.common.protocol.Announcement;
import org.natter.common.protocol.ErrorCode;
import org.natter.common.protocol.Joined;
import org.natter.common.protocol.Left;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.Message;
import org.natter.common.protocol.Welcome;

/** The chat view model with no JavaFX toolkit: a direct executor stands in for the FX thread. */
class ChatViewModelTest {

    private final FakeCommands commands = new FakeCommands();
    private final List<Runnable> deferred = new ArrayList<>();
    private ChatViewModel viewModel;
    private ChatFeed feed;

    @BeforeEach
    void loggedInAsAnna() {
        viewModel = new ChatViewModel(commands, Runnable::run, "chat.lan:8020", 100);
        feed = viewModel.feed();
        feed.onStateChanged(ConnectionState.LOGGED_IN);
        feed.onLoggedIn(new LoginOk("c1", "anna", 1, "You are user number 1.", List.of("anna"), null), false);
        feed.onUsersChanged(List.of("anna"));
    }

    private static Message message(String from, String text, String re) {
        return new Message(1, from, text, Instant.parse("2026-11-22T09:15:00Z"), re);
    }

    @Test
    void ownAndOthersMessagesAreToldApart() {
        feed.onMessage(message("anna", "hi", "c2"));
        feed.onMessage(message("bob", "hello", null));

        assertThat(viewModel.entries()).extracting(ChatEntry::kind)
                .containsExactly(ChatEntry.Kind.EVENT, ChatEntry.Kind.OWN, ChatEntry.Kind.OTHER);
    }

    @Test
    void mentionOfMyNameIsMarkedAndNotifiedOnlyWhileAway() {
        List<ChatEntry> notified = new ArrayList<>();
        viewModel.setOnNotify((conversation, entry) -> notified.add(entry));

        feed.onMessage(message("bob", "Anna, look", null));
        viewModel.windowFocusedProperty().set(false);
        feed.onMessage(message("bob", "@anna are you there?", null));
        feed.onMessage(message("bob", "annabel is not you", null));

        assertThat(viewModel.entries()).filteredOn(ChatEntry::isMessage).extracting(ChatEntry::mentionsMe)
                .containsExactly(true, true, false);
        assertThat(notified).extracting(ChatEntry::text).containsExactly("@anna are you there?");
    }

    @Test
    void titleShowsNameServerAndUnreadCountWhileUnfocused() {
        assertThat(viewModel.titleBinding().get()).isEqualTo("Natter — anna @ chat.lan:8020");

        viewModel.windowFocusedProperty().set(false);
        feed.onMessage(message("bob", "one", null));
        feed.onMessage(message("bob", "two", null));
        feed.onMessage(message("anna", "mine do not count", "c9"));

        assertThat(viewModel.titleBinding().get()).isEqualTo("(2) Natter — anna @ chat.lan:8020");
        viewModel.windowFocusedProperty().set(true);
        assertThat(viewModel.titleBinding().get()).isEqualTo("Natter — anna @ chat.lan:8020");
    }

    @Test
    void listIsCappedKeepingTheNewest() {
        for (int i = 0; i < 250; i++) {
            feed.onMessage(message("bob", "m" + i, null));
        }

        assertThat(viewModel.entries()).hasSize(100);
        assertThat(viewModel.entries().get(99).text()).isEqualTo("m249");
        assertThat(viewModel.entries().get(0).text()).isEqualTo("m150");
    }

    @Test
    void burstIsAppliedInOneBatchPerUiTurn() {
        ChatViewModel batched = new ChatViewModel(commands, deferred::add, "x:1", 20_000);
        List<Integer> batchSizes = new ArrayList<>();
        batched.entries().addListener((javafx.collections.ListChangeListener<ChatEntry>) change -> {
            while (change.next()) {
                batchSizes.add(change.getAddedSize());
            }
        });

        for (int i = 0; i < 10_000; i++) {
            batched.feed().onMessage(message("bob", "m" + i, null));
        }
        assertThat(deferred).as("one pending UI task for the whole burst").hasSize(1);
        deferred.remove(0).run();

        assertThat(batchSizes).containsExactly(10_000);
        assertThat(batched.entries()).hasSize(10_000);
    }

    @Test
    void feedChangesNothingUntilTheUiThreadRunsItsHandOvers() {
        ChatViewModel deferredModel = new ChatViewModel(commands, deferred::add, "x:1", 100);
        ChatFeed network = deferredModel.feed();

        network.onStateChanged(ConnectionState.LOGGED_IN);
        network.onLoggedIn(new LoginOk("c1", "anna", 1, "Hi.", List.of("anna"), null), false);
        network.onUsersChanged(List.of("anna", "bob"));
        network.onMessage(message("bob", "hello", null));
        network.onReconnecting(1, Duration.ofSeconds(1));

        assertThat(deferredModel.stateProperty().get()).isEqualTo(ConnectionState.CONNECTING);
        assertThat(deferredModel.myNameProperty().get()).isEmpty();
        assertThat(deferredModel.people().users()).isEmpty();
        assertThat(deferredModel.entries()).isEmpty();
        assertThat(deferredModel.reconnectDetailProperty().get()).isEmpty();

        new ArrayList<>(deferred).forEach(Runnable::run);

        assertThat(deferredModel.stateProperty().get()).isEqualTo(ConnectionState.LOGGED_IN);
        assertThat(deferredModel.myNameProperty().get()).isEqualTo("anna");
        assertThat(deferredModel.people().users()).containsExactly("anna", "bob");
        assertThat(deferredModel.entries()).extracting(ChatEntry::text)
                .containsExactly("Welcome to x:1 — you are the 1st person to join since it opened.", "hello");
    }

    @Test
    void usersJoinsLeavesAndAnnouncementsShowUp() {
        feed.onJoined(new Joined("bob", Instant.now()));
        feed.onUsersChanged(List.of("anna", "bob"));
        feed.onLeft(new Left("bob", LeaveReason.KICKED, null, Instant.now()));
        feed.onUsersChanged(List.of("anna"));
        feed.onAnnouncement(new Announcement("Lunch!", Instant.now()));

        assertThat(viewModel.people().users()).containsExactly("anna");
        assertThat(viewModel.people().userCountProperty().get()).isEqualTo(1);
        assertThat(viewModel.entries()).extracting(ChatEntry::text)
                .contains("bob joined", "bob was removed by the host", "Lunch!");
    }

    @Test
    void sendClearsTheDraftAndIsOnlyPossibleWhileLoggedInWithText() {
        assertThat(viewModel.canSendBinding().get()).isFalse();
        viewModel.draftProperty().set("hello");
        assertThat(viewModel.canSendBinding().get()).isTrue();

        viewModel.send();

        assertThat(commands.sent()).containsExactly("hello");
        assertThat(viewModel.draftProperty().get()).isEmpty();
        viewModel.draftProperty().set("again");
        feed.onStateChanged(ConnectionState.RECONNECTING);
        assertThat(viewModel.canSendBinding().get()).isFalse();
        assertThat(viewModel.reconnectingBinding().get()).isTrue();
    }

    @Test
    void refusedMessageGetsItsOwnRowAndNeverMergesWithWhatIsTypedNext() {
        commands.failNext = new ConnectionFailure(ConnectionFailure.Kind.REFUSED, ErrorCode.RATE_LIMITED,
                "Too many messages.", null);
        viewModel.draftProperty().set("spam 27");
        viewModel.send();
        viewModel.draftProperty().set("spam 28");

        assertThat(viewModel.draftProperty().get()).isEqualTo("spam 28");
        ChatEntry unsent = viewModel.entries().get(viewModel.entries().size() - 1);
        assertThat(unsent.kind()).isEqualTo(ChatEntry.Kind.UNSENT);
        assertThat(unsent.text()).isEqualTo("spam 27");
        assertThat(unsent.note()).isEqualTo("You are sending too fast; wait a moment, then retry.");

        viewModel.rooms().retry(unsent);

        assertThat(commands.sent()).containsExactly("spam 27", "spam 27");
        assertThat(viewModel.entries()).noneMatch(e -> e.kind() == ChatEntry.Kind.UNSENT);
        assertThat(viewModel.draftProperty().get()).isEqualTo("spam 28");
    }

    @Test
    void unsentMessageCanBeDismissed() {
        commands.failNext = new ConnectionFailure(ConnectionFailure.Kind.LOST, "gone");
        viewModel.draftProperty().set("hello");
        viewModel.send();
        ChatEntry unsent = viewModel.entries().get(viewModel.entries().size() - 1);
        assertThat(unsent.note()).isEqualTo("You are not connected right now.");

        viewModel.rooms().dismiss(unsent);

        assertThat(viewModel.entries()).noneMatch(e -> e.kind() == ChatEntry.Kind.UNSENT);
        assertThat(commands.sent()).containsExactly("hello");
    }

    @Test
    void welcomeNamesTheServerAndSaysTheLoginNumberAsAnOrdinal() {
        ChatViewModel fresh = new ChatViewModel(commands, Runnable::run, "chat.lan:8020", 100);
        fresh.feed().onWelcome(new Welcome("Room 12", 1, "Welcome to Room 12."));
        fresh.feed().onLoggedIn(new LoginOk("c1", "anna", 16, "You are user number 16.", List.of("anna"),
                "Be kind."), false);

        assertThat(fresh.entries()).extracting(ChatEntry::text).containsExactly(
                "Welcome to Room 12 — you are the 16th person to join since it opened.", "Be kind.");
        assertThat(fresh.serverNameProperty().get()).isEqualTo("Room 12");
        assertThat(fresh.titleBinding().get()).isEqualTo("Natter — anna @ Room 12 (chat.lan:8020)");
    }

    @Test
    void runsOfJoinsAndLeavesAreOneLineThatCanBeHidden() {
        for (int i = 0; i < 59; i++) {
            feed.onJoined(new Joined("pupil" + i, Instant.now()));
        }
        feed.onLeft(new Left("pupil3", LeaveReason.LOGOUT, null, Instant.now()));
        feed.onMessage(message("bob", "hi", null));
        feed.onJoined(new Joined("late", Instant.now()));

        assertThat(viewModel.entries()).extracting(ChatEntry::text).containsExactly(
                "Welcome to chat.lan:8020 — you are the 1st person to join since it opened.",
                "pupil0 and 58 others joined; pupil3 left", "hi", "late joined");

        viewModel.showJoinsAndLeavesProperty().set(false);

        assertThat(viewModel.shownEntries()).extracting(ChatEntry::kind).doesNotContain(ChatEntry.Kind.PRESENCE);
        assertThat(viewModel.entries()).hasSize(4);
    }

    @Test
    void usersAreSortedForPeopleAndCanBeFiltered() {
        feed.onUsersChanged(List.of("zed", "Émile", "anna", "bob", "Zoë", "annika"));

        feed.onRoomsChanged(List.of(new OpenRoom("general", "", List.of("zed", "Émile", "anna", "bob", "Zoë", "annika"))));

        assertThat(viewModel.people().users()).containsExactly("anna", "annika", "bob", "Émile", "zed", "Zoë");
        assertThat(viewModel.people().shownUsers()).as("the open room's members").containsExactly("anna", "annika", "bob", "Émile", "zed", "Zoë");

        viewModel.people().userFilterProperty().set(" ANN ");

        assertThat(viewModel.people().shownUsers()).containsExactly("anna", "annika");
        assertThat(viewModel.people().userCountProperty().get()).isEqualTo(6);
    }

    @Test
    void tabCompletesTheNameBeforeTheCaretAndCyclesThroughMatches() {
        feed.onUsersChanged(List.of("anna", "adam", "adrian", "bob"));
        viewModel.draftProperty().set("hi ad");

        assertThat(viewModel.completeName(5)).isEqualTo(8);
        assertThat(viewModel.draftProperty().get()).isEqualTo("hi adam ");
        assertThat(viewModel.completeName(8)).isEqualTo(10);
        assertThat(viewModel.draftProperty().get()).isEqualTo("hi adrian ");
        assertThat(viewModel.completeName(10)).isEqualTo(8);
        assertThat(viewModel.draftProperty().get()).isEqualTo("hi adam ");

        viewModel.draftProperty().set("@BO");
        assertThat(viewModel.completeName(3)).isEqualTo(5);
        assertThat(viewModel.draftProperty().get()).isEqualTo("@bob ");

        viewModel.draftProperty().set("an");
        assertThat(viewModel.completeName(2)).as("not my own name").isEqualTo(-1);
        viewModel.draftProperty().set("");
        assertThat(viewModel.completeName(0)).as("nothing to complete: Tab moves the focus").isEqualTo(-1);
    }

    @Test
    void mentionPutsTheNameAtTheCaret() {
        viewModel.draftProperty().set("thanks!");

        int caret = viewModel.mention("bob", 6);

        assertThat(viewModel.draftProperty().get()).isEqualTo("thanks @bob !");
        assertThat(caret).isEqualTo(12);
    }

    @Test
    void kickClearsTheSessionAndSaysWhoRemovedYouFromWhere() {
        List<String> kicked = new ArrayList<>();
        viewModel.setOnKicked(kicked::add);
        feed.onUsersChanged(List.of("anna", "bob"));
        feed.onStateChanged(ConnectionState.RECONNECTING);

        feed.onKicked("");
        feed.onUsersChanged(List.of("anna", "bob"));

        assertThat(kicked).containsExactly("You were removed from chat.lan:8020 by the host.");
        assertThat(viewModel.people().users()).isEmpty();
        assertThat(viewModel.reconnectingBinding().get()).isFalse();
        assertThat(viewModel.removedProperty().get()).isTrue();
    }

    @Test
    void retryNowAsksTheConnection() {
        viewModel.retryNow();

        assertThat(commands.retries).isEqualTo(1);
    }

    @Test
    void tooLongDraftExplainsWhyItCannotBeSent() {
        viewModel.draftProperty().set("x".repeat(4_001));

        assertThat(viewModel.canSendBinding().get()).isFalse();
        assertThat(viewModel.inputProblemBinding().get()).contains("too long");
    }

    @Test
    void kickAndLostNameAreHandedToTheWindow() {
        List<String> kicked = new ArrayList<>();
        List<String> ended = new ArrayList<>();
        viewModel.setOnKicked(kicked::add);
        viewModel.setOnEnded(ended::add);

        feed.onKicked("be nice");
        feed.onDisconnected(DisconnectReason.NAME_TAKEN, "taken");

        assertThat(kicked).containsExactly("You were removed from chat.lan:8020 by the host: be nice");
        assertThat(ended).singleElement().asString().contains("anna");
        assertThat(commands.leaves).as("the ended connection is released").isEqualTo(1);
    }

    @Test
    void reconnectingShowsTheNextAttempt() {
        feed.onStateChanged(ConnectionState.RECONNECTING);
        feed.onReconnecting(3, Duration.ofSeconds(4));

        assertThat(viewModel.reconnectDetailProperty().get()).contains("4 s").contains("attempt 3");
    }

    @Test
    void leaveCallsTheConnectionOnceAndThenTheHandler() {
        List<String> left = new ArrayList<>();
        viewModel.setOnLeft(() -> left.add("left"));

        viewModel.leave();
        viewModel.leave();

        assertThat(commands.leaves).isEqualTo(1);
        assertThat(left).containsExactly("left");
    }
}
