package org.natter.client.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.natter.common.model.LeaveReason;
import org.natter.common.protocol.ErrorCode;
import org.natter.common.protocol.ErrorReply;
import org.natter.common.protocol.Joined;
import org.natter.common.protocol.Left;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.Message;
import org.natter.common.protocol.RoomState;
import org.natter.common.protocol.RoomSummary;
import org.natter.common.protocol.TopicChanged;
import org.natter.server.core.ChatServer;
import org.natter.server.core.ServerSettings;
import org.natter.server.core.room.RoomSettings;

/** Rooms and direct messages through the client library, against a real server on a free loopback port. */
class ChatConnectionRoomsTest {

    private static final ConnectionSettings FAST = ConnectionSettings.defaults()
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
            .withBackoff(Duration.ofMillis(50), Duration.ofMillis(200), 0);

    private ChatServer server;
    private int port;
    private final List<ChatConnection> connections = new ArrayList<>();

    @BeforeEach
    void startServer() {
        server = new ChatServer(ServerSettings.builder().port(0).build());
        port = server.start(0);
    }

    @AfterEach
    void stopAll() {
        connections.forEach(ChatConnection::close);
        server.stop();
    }

    private ChatConnection loggedIn(String name, Recorder recorder) throws Exception {
        ChatConnection connection = new ChatConnection(FAST);
        connection.addListener(recorder);
        connections.add(connection);
        get(connection.connect(new ServerAddress("127.0.0.1", port), name));
        recorder.await(RoomState.class, r -> r.room().equals("general"));
        return connection;
    }

    private static <T> T get(CompletableFuture<T> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    private static void assertRefused(ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).cause().isInstanceOfSatisfying(ConnectionFailure.class, f -> {
            assertThat(f.kind()).isEqualTo(ConnectionFailure.Kind.REFUSED);
            assertThat(f.code()).isEqualTo(code);
        });
    }

    @Test
    void loginSpeaksTheNewestVersionAndIsInGeneral() throws Exception {
        Recorder anna = new Recorder();
        ChatConnection connection = loggedIn("anna", anna);

        LoginOk ok = anna.seen(Recorder.LoggedIn.class).get(0).ok();
        assertThat(ok.rooms()).as("rooms are sent from version 2 on").extracting(RoomState::room).containsExactly("general");
        assertThat(connection.rooms()).containsExactly(new OpenRoom("general", "", List.of("anna")));
        assertThat(connection.openRooms()).containsExactly("general");
    }

    @Test
    void joinSayAndPartReachTheRoomsMembersAndLeaveTheRosterAlone() throws Exception {
        Recorder anna = new Recorder();
        Recorder bob = new Recorder();
        ChatConnection annaConnection = loggedIn("anna", anna);
        ChatConnection bobConnection = loggedIn("bob", bob);
        anna.await(Recorder.UsersChanged.class, u -> u.users().size() == 2);

        RoomState maths = get(annaConnection.join("maths"));
        assertThat(maths.users()).containsExactly("anna");
        assertThat(annaConnection.openRooms()).containsExactly("general", "maths");
        get(bobConnection.join("Maths"));
        assertThat(anna.await(Joined.class, j -> "maths".equals(j.room())).name()).isEqualTo("bob");
        assertThat(anna.await(Recorder.RoomsChanged.class, r -> r.rooms().contains(
                new OpenRoom("maths", "", List.of("anna", "bob"))))).isNotNull();

        Message own = get(annaConnection.say("maths", "x = 2"));
        assertThat(own.room()).isEqualTo("maths");
        Message atBob = bob.await(Message.class, m -> m.text().equals("x = 2"));
        assertThat(atBob.room()).isEqualTo("maths");
        assertThat(atBob.from()).isEqualTo("anna");

        get(bobConnection.part("maths"));
        assertThat(bobConnection.openRooms()).containsExactly("general");
        assertThat(bob.await(Recorder.RoomLeft.class)).isEqualTo(new Recorder.RoomLeft("maths", LeaveReason.PART));
        Left left = anna.await(Left.class);
        assertThat(left.room()).isEqualTo("maths");
        assertThat(left.reason()).isEqualTo(LeaveReason.PART);
        anna.await(Recorder.RoomsChanged.class, r -> r.rooms().contains(new OpenRoom("maths", "", List.of("anna"))));
        assertThat(annaConnection.users()).as("bob is still online").containsExactly("anna", "bob");
        assertThat(anna.seen(Recorder.UsersChanged.class)).last()
                .satisfies(u -> assertThat(u.users()).containsExactly("anna", "bob"));
    }

    @Test
    void directMessageReachesTheRecipientAndTheSendersCopy() throws Exception {
        Recorder anna = new Recorder();
        Recorder bob = new Recorder();
        ChatConnection annaConnection = loggedIn("anna", anna);
        loggedIn("bob", bob);

        Message copy = get(annaConnection.sayTo("BOB", "psst"));

        assertThat(copy.to()).isEqualTo("bob");
        assertThat(copy.room()).isNull();
        Message received = bob.await(Message.class);
        assertThat(received.from()).isEqualTo("anna");
        assertThat(received.to()).isEqualTo("bob");
        assertThat(received.text()).isEqualTo("psst");
    }

    @Test
    void directMessageToNobodyFailsWithNoSuchUser() throws Exception {
        ChatConnection anna = loggedIn("anna", new Recorder());

        assertRefused(() -> get(anna.sayTo("ghost", "hello?")), ErrorCode.NO_SUCH_USER);
        assertThat(anna.state()).isEqualTo(ConnectionState.LOGGED_IN);
    }

    @Test
    void sayingInOrLeavingARoomOneIsNotInFailsWithNotInRoom() throws Exception {
        ChatConnection anna = loggedIn("anna", new Recorder());
        ChatConnection bob = loggedIn("bob", new Recorder());
        get(bob.join("art"));

        assertRefused(() -> get(anna.say("art", "hi")), ErrorCode.NOT_IN_ROOM);
        assertRefused(() -> get(anna.part("art")), ErrorCode.NOT_IN_ROOM);
        assertRefused(() -> get(anna.setTopic("art", "mine")), ErrorCode.NOT_IN_ROOM);
        assertRefused(() -> get(anna.say("nowhere", "hi")), ErrorCode.NO_SUCH_ROOM);
        assertThatThrownBy(() -> get(anna.join("#art"))).cause().isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCreatorSetsTheTopicAndTheMembersAreTold() throws Exception {
        Recorder anna = new Recorder();
        Recorder bob = new Recorder();
        ChatConnection annaConnection = loggedIn("anna", anna);
        ChatConnection bobConnection = loggedIn("bob", bob);
        get(annaConnection.join("books"));
        get(bobConnection.join("books"));

        assertRefused(() -> get(bobConnection.setTopic("books", "mine now")), ErrorCode.FORBIDDEN);
        TopicChanged done = get(annaConnection.setTopic("books", "Read Dune"));

        assertThat(done.by()).isEqualTo("anna");
        assertThat(bob.await(TopicChanged.class).text()).isEqualTo("Read Dune");
        assertThat(bob.await(Recorder.RoomsChanged.class, r -> r.rooms().stream()
                .anyMatch(room -> room.topic().equals("Read Dune")))).isNotNull();
        assertThat(annaConnection.rooms()).contains(new OpenRoom("books", "Read Dune", List.of("anna", "bob")));
    }

    @Test
    void theRoomListHasEveryRoomWithItsMemberCount() throws Exception {
        ChatConnection anna = loggedIn("anna", new Recorder());
        get(anna.join("zoo"));
        server.createRoom("lobby", "Say hi");

        assertThat(get(anna.listRooms())).containsExactly(new RoomSummary("general", null, 1),
                new RoomSummary("lobby", "Say hi", 0), new RoomSummary("zoo", null, 1));
    }

    @Test
    void aRoomTheOperatorClosesIsLeftWithRoomClosed() throws Exception {
        Recorder anna = new Recorder();
        ChatConnection connection = loggedIn("anna", anna);
        server.createRoom("news", "");
        get(connection.join("news"));

        assertThat(server.deleteRoom("news")).isTrue();

        assertThat(anna.await(Recorder.RoomLeft.class)).isEqualTo(new Recorder.RoomLeft("news", LeaveReason.ROOM_CLOSED));
        assertThat(connection.openRooms()).containsExactly("general");
        assertThat(anna.seen(Left.class)).as("told as the room's end, not as someone's leave").isEmpty();
    }

    @Test
    void aUserLeavingTheServerLeavesEveryRoomAndTheRoster() throws Exception {
        Recorder anna = new Recorder();
        ChatConnection annaConnection = loggedIn("anna", anna);
        ChatConnection bob = loggedIn("bob", new Recorder());
        get(annaConnection.join("maths"));
        get(bob.join("maths"));
        anna.await(Recorder.RoomsChanged.class, r -> r.rooms().contains(new OpenRoom("maths", "", List.of("anna", "bob"))));

        get(bob.quit());

        anna.await(Recorder.UsersChanged.class, u -> u.users().equals(List.of("anna")));
        anna.await(Recorder.RoomsChanged.class, r -> r.rooms().equals(List.of(
                new OpenRoom("general", "", List.of("anna")), new OpenRoom("maths", "", List.of("anna")))));
    }

    @Test
    void roomsAreJoinedAgainAfterAnAutomaticReconnect() throws Exception {
        Recorder anna = new Recorder();
        ChatConnection connection = loggedIn("anna", anna);
        get(connection.join("maths"));
        get(connection.join("art"));

        server.stop();
        anna.await(Recorder.Reconnecting.class);
        assertThat(connection.rooms()).isEmpty();
        assertThat(connection.openRooms()).as("remembered while reconnecting").containsExactly("art", "general", "maths");
        server = new ChatServer(ServerSettings.builder().port(port).build());
        server.start(port);

        assertThat(anna.await(Recorder.LoggedIn.class).again()).isTrue();
        anna.await(Recorder.RoomsChanged.class, r -> r.names().equals(List.of("art", "general", "maths")));
        assertThat(server.rooms()).filteredOn(room -> room.name().equals("maths"))
                .singleElement().satisfies(room -> assertThat(room.members()).containsExactly("anna"));
        assertThat(get(connection.say("maths", "back")).room()).isEqualTo("maths");
    }

    @Test
    void aRoomThatCannotBeJoinedAgainIsDroppedAndTold() throws Exception {
        server.stop();
        RoomSettings operatorRoomsOnly = new RoomSettings(false, 100, 20, 200, Duration.ofMinutes(5));
        server = new ChatServer(ServerSettings.builder().port(0).rooms(operatorRoomsOnly).build());
        port = server.start(0);
        server.createRoom("news", "");
        Recorder anna = new Recorder();
        ChatConnection connection = loggedIn("anna", anna);
        get(connection.join("news"));

        server.stop();
        anna.await(Recorder.Reconnecting.class);
        server = new ChatServer(ServerSettings.builder().port(port).rooms(operatorRoomsOnly).build());
        server.start(port);

        assertThat(anna.await(ErrorReply.class).code()).isEqualTo(ErrorCode.NO_SUCH_ROOM);
        assertThat(connection.openRooms()).containsExactly("general");
        assertThat(connection.state()).isEqualTo(ConnectionState.LOGGED_IN);
    }
}
