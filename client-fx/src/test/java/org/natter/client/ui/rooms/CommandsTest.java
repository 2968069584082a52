package org.natter.client.ui.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.natter.client.net.ConnectionFailure;
import org.natter.client.net.ConnectionState;
import org.natter.client.ui.chat.ChatEntry;
import org.natter.client.ui.chat.ChatViewModel;
import org.natter.client.ui.chat.FakeCommands;
import org.natter.common.protocol.ErrorCode;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.RoomState;
import org.natter.common.protocol.RoomSummary;

/** What typing into the message field does: plain lines go to the open conversation, slash commands do their work. */
class CommandsTest {

    private final FakeCommands commands = new FakeCommands();
    private ChatViewModel chat;

    @BeforeEach
    void annaInGeneral() {
        chat = new ChatViewModel(commands, Runnable::run, "chat.lan:8020", 100);
        chat.feed().onStateChanged(ConnectionState.LOGGED_IN);
        chat.feed().onLoggedIn(new LoginOk("1", "anna", 1, "", List.of("anna", "bob"), null), false);
        chat.feed().onRoomJoined(new RoomState(null, "general", null, List.of("anna", "bob")));
    }

    private void type(String line) {
        chat.draftProperty().set(line);
        chat.send();
    }

    private String lastLine() {
        List<ChatEntry> entries = chat.entries();
        return entries.get(entries.size() - 1).text();
    }

    @Test
    void plainLineGoesToTheOpenRoomOrPerson() {
        type("hello all");
        chat.rooms().message("bob");
        type("just you");
        type("//slash at the start");

        assertThat(commands.said).containsExactly("general:hello all", "@bob:just you", "@bob:/slash at the start");
        assertThat(chat.conversations().current().label()).isEqualTo("bob");
    }

    @Test
    void joinOpensTheRoomOnceTheServerAnsweredAndPartLeavesIt() {
        type("/join #maths");

        assertThat(commands.requests).containsExactly("join maths");
        assertThat(chat.conversations().current().label()).isEqualTo("#maths");
        type("x = 2?");
        assertThat(commands.said).containsExactly("maths:x = 2?");

        type("/part");

        assertThat(commands.requests).containsExactly("join maths", "part maths");
    }

    @Test
    void rememberedRoomsAreJoinedInTheBackground() {
        chat.rooms().rejoin("maths");
        chat.rooms().rejoin("general");

        assertThat(commands.requests).as("general is joined by the login").containsExactly("join maths");
        assertThat(chat.conversations().current().label()).isEqualTo("#general");
        assertThat(chat.conversations().joinedRooms()).containsExactly("general", "maths");
    }

    @Test
    void refusedJoinSaysWhyWhereThePersonIs() {
        commands.failNext = new ConnectionFailure(ConnectionFailure.Kind.REFUSED, ErrorCode.TOO_MANY_ROOMS,
                "You are in as many rooms as one user may be.", null);

        type("/join art");

        assertThat(chat.conversations().current().label()).isEqualTo("#general");
        assertThat(lastLine()).isEqualTo("Could not join #art: You are in as many rooms as one user may be.");
    }

    @Test
    void msgOpensTheDirectConversationAndSendsTheText() {
        type("/msg @bob see you at 3");

        assertThat(commands.said).containsExactly("@bob:see you at 3");
        assertThat(chat.conversations().current().label()).isEqualTo("bob");
        assertThat(chat.people().shownUsers()).as("the other person").containsExactly("bob");
    }

    @Test
    void unsentDirectMessageStaysInItsConversationAndIsRetriedThere() {
        chat.rooms().message("bob");
        commands.failNext = new ConnectionFailure(ConnectionFailure.Kind.REFUSED, ErrorCode.RATE_LIMITED, "slow", null);
        type("first try");
        ChatEntry unsent = chat.entries().get(chat.entries().size() - 1);
        assertThat(unsent.kind()).isEqualTo(ChatEntry.Kind.UNSENT);

        chat.conversations().open(ConversationKey.GENERAL);
        chat.rooms().retry(unsent);

        assertThat(commands.said).containsExactly("@bob:first try", "@bob:first try");
    }

    @Test
    void topicSetsTheOpenRoomsTopicAndOnlyRoomsHaveOne() {
        type("/topic Lunch plans");
        assertThat(commands.requests).containsExactly("topic general Lunch plans");

        type("/topic");
        assertThat(lastLine()).isEqualTo("#general has no topic.");

        chat.rooms().message("bob");
        type("/topic secrets");
        assertThat(lastLine()).isEqualTo("Only rooms have a topic.");
        assertThat(commands.requests).hasSize(1);
    }

    @Test
    void roomsListsTheServersRoomsWithMemberCounts() {
        commands.rooms = List.of(new RoomSummary("general", null, 12), new RoomSummary("maths", "Fractions", 3));

        type("/rooms");

        assertThat(lastLine()).isEqualTo("2 rooms on this server:\n#general · 12 here\n#maths · 3 here — Fractions");
    }

    @Test
    void helpAndUnknownAndMisusedCommandsAnswerInTheConversation() {
        type("/help");
        assertThat(lastLine()).startsWith("Commands: /join ROOM");

        type("/dance");
        assertThat(lastLine()).isEqualTo("There is no command /dance. /help lists the commands.");

        type("/msg");
        assertThat(lastLine()).isEqualTo("Type it as: /msg NAME text");

        type("/join no spaces allowed");
        assertThat(lastLine()).isEqualTo("Type it as: /join ROOM");
        assertThat(commands.said).isEmpty();
        assertThat(commands.requests).isEmpty();
    }

    @Test
    void joinDialogFiltersTheRoomsAndOffersToCreateANewOne() {
        commands.rooms = List.of(new RoomSummary("general", null, 12), new RoomSummary("maths", "Fractions", 3),
                new RoomSummary("math-club", null, 1));
        RoomDialogViewModel dialog = chat.rooms().roomDialog();
        dialog.load();

        assertThat(dialog.choices()).extracting(RoomDialogViewModel.Choice::name).containsExactly("general", "maths", "math-club");
        assertThat(dialog.choices().get(0).joined()).isTrue();

        dialog.filterProperty().set("MATH");
        assertThat(dialog.choices()).extracting(RoomDialogViewModel.Choice::name, RoomDialogViewModel.Choice::create)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("MATH", true),
                        org.assertj.core.groups.Tuple.tuple("maths", false),
                        org.assertj.core.groups.Tuple.tuple("math-club", false));

        dialog.filterProperty().set("#maths");
        assertThat(dialog.choices()).extracting(RoomDialogViewModel.Choice::name).containsExactly("maths");

        dialog.filterProperty().set("no room");
        assertThat(dialog.choices()).isEmpty();
        assertThat(dialog.statusProperty().get()).contains("room name");
    }
}
