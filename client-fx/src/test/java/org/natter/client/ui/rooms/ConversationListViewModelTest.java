package org.natter.client.ui.rooms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.natter.client.net.ConnectionState;
import org.natter.client.net.OpenRoom;
import org.natter.client.ui.chat.ChatEntry;
import org.natter.client.ui.chat.ChatFeed;
import org.natter.client.ui.chat.ChatViewModel;
import org.natter.client.ui.chat.FakeCommands;
import org.natter.common.model.LeaveReason;
import org.natter.common.protocol.Joined;
import org.natter.common.protocol.Left;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.Message;
import org.natter.common.protocol.RoomState;
import org.natter.common.protocol.TopicChanged;

/** The sidebar and its unread counts, fed as the connection feeds them, with a direct executor and no toolkit. */
class ConversationListViewModelTest {

    private final FakeCommands commands = new FakeCommands();
    private ChatViewModel chat;
    private ChatFeed feed;
    private ConversationListViewModel sidebar;

    @BeforeEach
    void annaInGeneralAndMaths() {
        chat = new ChatViewModel(commands, Runnable::run, "chat.lan:8020", 100);
        feed = chat.feed();
        sidebar = chat.conversations();
        feed.onStateChanged(ConnectionState.LOGGED_IN);
        feed.onLoggedIn(new LoginOk("1", "anna", 1, "", List.of("anna", "bob"), null), false);
        feed.onRoomJoined(new RoomState(null, "general", null, List.of("anna", "bob")));
        feed.onRoomJoined(new RoomState("2", "Maths", "Fractions", List.of("anna", "bob")));
        feed.onRoomsChanged(List.of(new OpenRoom("general", "", List.of("anna", "bob")),
                new OpenRoom("Maths", "Fractions", List.of("anna", "bob"))));
    }

    private static Message inRoom(String from, String room, String text) {
        return new Message(1, from, text, Instant.now(), null, room, null);
    }

    private List<String> labels() {
        return sidebar.conversations().stream().map(ConversationViewModel::label).toList();
    }

    private ConversationViewModel conversation(String label) {
        return sidebar.conversations().stream().filter(c -> c.label().equals(label)).findFirst().orElseThrow();
    }

    @Test
    void sidebarListsRoomsWithGeneralFirstThenDirectConversations() {
        feed.onRoomJoined(new RoomState("3", "art", null, List.of("anna")));
        feed.onMessage(new Message(2, "zoe", "psst", Instant.now(), null, null, "anna"));
        feed.onMessage(new Message(3, "anna", "hi", Instant.now(), "4", null, "bob"));

        assertThat(labels()).containsExactly("#general", "#art", "#Maths", "bob", "zoe");
        assertThat(sidebar.current().label()).as("general is open after login").isEqualTo("#general");
        assertThat(sidebar.joinedRooms()).containsExactlyInAnyOrder("general", "Maths", "art");
    }

    @Test
    void eachConversationKeepsItsOwnLinesAndCountsWhatIsUnread() {
        feed.onMessage(inRoom("bob", "Maths", "1/2"));
        feed.onMessage(inRoom("bob", "Maths", "anna, check this"));
        feed.onMessage(inRoom("bob", "general", "lunch?"));

        assertThat(chat.entries()).extracting(ChatEntry::text).contains("lunch?").doesNotContain("1/2");
        ConversationViewModel maths = conversation("#Maths");
        assertThat(maths.lines().all()).extracting(ChatEntry::text).containsExactly("1/2", "anna, check this");
        assertThat(maths.unreadProperty().get()).isEqualTo(2);
        assertThat(maths.mentionsProperty().get()).isEqualTo(1);
        assertThat(conversation("#general").unreadProperty().get()).as("the open one, in a focused window").isZero();
        assertThat(chat.titleBinding().get()).startsWith("(2) Natter");

        sidebar.select(maths);

        assertThat(maths.unreadProperty().get()).isZero();
        assertThat(maths.mentionsProperty().get()).isZero();
        assertThat(chat.titleBinding().get()).startsWith("Natter");
        assertThat(chat.people().shownUsers()).containsExactly("anna", "bob");
    }

    @Test
    void directMessageOpensItsConversationInTheBackgroundAndNotifiesWhileAway() {
        List<String> notified = new ArrayList<>();
        chat.setOnNotify((conversation, entry) -> notified.add(conversation.label() + ": " + entry.text()));
        chat.windowFocusedProperty().set(false);

        feed.onMessage(new Message(5, "bob", "a secret", Instant.now(), null, null, "anna"));
        feed.onMessage(inRoom("bob", "general", "nothing for you"));

        ConversationViewModel bob = conversation("bob");
        assertThat(sidebar.current().label()).isEqualTo("#general");
        assertThat(bob.unreadProperty().get()).isEqualTo(1);
        assertThat(bob.mentionsProperty().get()).as("a direct message counts as a mention").isEqualTo(1);
        assertThat(notified).containsExactly("bob: a secret");
        assertThat(chat.titleBinding().get()).startsWith("(2) Natter");

        chat.windowFocusedProperty().set(true);

        assertThat(bob.unreadProperty().get()).as("still not read: it is not open").isEqualTo(1);
        assertThat(chat.titleBinding().get()).startsWith("(1) Natter");
    }

    @Test
    void roomJoinsAndLeavesStayInTheirRoomAndALeaveOfTheServerGoesWhereTheUserWas() {
        feed.onRoomJoined(new RoomState("3", "art", null, List.of("anna")));
        feed.onRoomsChanged(List.of(new OpenRoom("general", "", List.of("anna", "bob")),
                new OpenRoom("Maths", "", List.of("anna", "bob")), new OpenRoom("art", "", List.of("anna"))));
        feed.onMessage(new Message(5, "bob", "hey", Instant.now(), null, null, "anna"));
        feed.onJoined(new Joined("carl", "Maths", Instant.now()));

        feed.onLeft(new Left("bob", LeaveReason.QUIT, null, Instant.now()));

        assertThat(conversation("#Maths").lines().all()).extracting(ChatEntry::text).containsExactly("carl joined; bob left");
        assertThat(conversation("#general").lines().all()).extracting(ChatEntry::text).contains("bob left");
        assertThat(conversation("bob").lines().all()).extracting(ChatEntry::text).containsExactly("hey", "bob left");
        assertThat(conversation("#art").lines().all()).as("bob was never in #art").isEmpty();
    }

    @Test
    void partRemovesTheRoomAndAClosedRoomStaysMarkedAsLeft() {
        sidebar.select(conversation("#Maths"));
        feed.onRoomJoined(new RoomState("3", "news", null, List.of("anna")));

        feed.onRoomLeft("Maths", LeaveReason.PART);
        feed.onRoomLeft("news", LeaveReason.ROOM_CLOSED);

        assertThat(labels()).containsExactly("#general", "#news");
        assertThat(sidebar.current().label()).as("back to general").isEqualTo("#general");
        assertThat(conversation("#news").joinedProperty().get()).isFalse();
        assertThat(sidebar.joinedRooms()).containsExactly("general");
    }

    @Test
    void topicChangesShowInTheRoomAndItsTopicLine() {
        feed.onTopicChanged(new TopicChanged("Maths", "Decimals", "bob", Instant.now()));
        feed.onRoomsChanged(List.of(new OpenRoom("general", "", List.of("anna", "bob")),
                new OpenRoom("Maths", "Decimals", List.of("anna", "bob"))));

        assertThat(conversation("#Maths").topicProperty().get()).isEqualTo("Decimals");
        assertThat(conversation("#Maths").lines().all()).extracting(ChatEntry::text)
                .containsExactly("Topic of #Maths: Decimals (set by bob)");
    }

    @Test
    void roomsAreKeptWhileReconnectingAndTheOpenRoomsAreReported() {
        List<List<String>> reported = new ArrayList<>();
        sidebar.setOnJoinedRoomsChanged(reported::add);

        feed.onRoomsChanged(List.of());
        feed.onRoomJoined(new RoomState("5", "chess", null, List.of("anna")));

        assertThat(labels()).containsExactly("#general", "#chess", "#Maths");
        assertThat(reported).last().asList().containsExactlyInAnyOrder("general", "Maths", "chess");
    }
}
