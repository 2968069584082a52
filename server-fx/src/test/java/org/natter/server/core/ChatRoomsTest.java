package org.natter.server.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.natter.common.model.LeaveReason;
import org.natter.common.model.RoomInfo;
import org.natter.common.protocol.Announcement;
import org.natter.common.protocol.ErrorCode;
import org.natter.common.protocol.ErrorReply;
import org.natter.common.protocol.Join;
import org.natter.common.protocol.Joined;
import org.natter.common.protocol.Left;
import org.natter.common.protocol.ListRooms;
import org.natter.common.protocol.Login;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.Message;
import org.natter.common.protocol.Part;
import org.natter.common.protocol.Quit;
import org.natter.common.protocol.Parted;
import org.natter.common.protocol.RoomList;
import org.natter.common.protocol.RoomState;
import org.natter.common.protocol.RoomSummary;
import org.natter.common.protocol.Say;
import org.natter.common.protocol.ServerFrame;
import org.natter.common.protocol.SetTopic;
import org.natter.common.protocol.TopicChanged;
import org.natter.common.protocol.Welcome;
import org.natter.server.core.moderation.AddressLimits;
import org.natter.server.core.room.RoomSettings;

/** Rooms and direct messages (protocol version 2) over loopback, and version-1 clients beside them. */
class ChatRoomsTest {

    private final List<RawClient> clients = new ArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private ChatServer server;
    private int port;

    @AfterEach
    void tearDown() throws IOException {
        threads.shutdownNow();
        for (RawClient client : clients) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private void start(RoomSettings rooms) {
        server = new ChatServer(ServerSettings.builder().rateBurst(10_000).ratePerSecond(10_000).rooms(rooms)
                .addressLimits(AddressLimits.generous()).build());
        port = server.start(0);
    }

    private void start() {
        start(RoomSettings.defaults());
    }

    /** A version-2 client, logged in, past its {@code login_ok} and the {@code room} frame of general. */
    private RawClient v2(String name) throws IOException {
        RawClient client = connect();
        client.send(new Login(null, name, 2));
        LoginOk ok = client.next(LoginOk.class);
        assertThat(ok.rooms()).extracting(RoomState::room).containsExactly("general");
        assertThat(client.next()).isInstanceOfSatisfying(RoomState.class, r -> assertThat(r.room()).isEqualTo("general"));
        return client;
    }

    private RawClient v1(String name) throws IOException {
        RawClient client = connect();
        client.send(new Login(null, name));
        client.next(LoginOk.class);
        return client;
    }

    private RawClient connect() throws IOException {
        RawClient client = new RawClient(port);
        clients.add(client);
        client.next(Welcome.class);
        return client;
    }

    private static RoomState join(RawClient client, String room) throws IOException {
        client.send(new Join("j", room));
        return client.next(RoomState.class);
    }

    private static ErrorCode errorOf(RawClient client) throws IOException {
        return client.next(ErrorReply.class).code();
    }

    /** Sends a marker in general from {@code from}; returns every frame {@code to} received before it. */
    private static List<ServerFrame> untilMarker(RawClient from, RawClient to) throws IOException {
        from.send(new Say(null, "--marker--"));
        List<ServerFrame> before = new ArrayList<>();
        while (true) {
            ServerFrame frame = to.next();
            if (frame instanceof Message m && m.text().equals("--marker--")) {
                return before;
            }
            before.add(frame);
        }
    }

    @Test
    void aVersionOneClientIsInGeneralAndSeesNothingElseNew() throws IOException {
        start();
        RawClient old = v1("old");
        RawClient ada = v2("ada");
        assertThat(old.next(Joined.class).name()).isEqualTo("ada");
        join(ada, "maths");
        ada.send(new Say(null, "in maths", "maths", null));
        server.setTopic("general", "Welcome all");
        old.send(new Say("1", "hello"));
        Message own = old.next(Message.class);
        assertThat(own.re()).isEqualTo("1");
        assertThat(own.room()).isEqualTo("general");
        assertThat(untilMarker(ada, old)).as("no room, topic or maths traffic for a version-1 client").isEmpty();
    }

    @Test
    void roomTrafficReachesMembersOnly() throws IOException {
        start();
        RawClient ada = v2("ada");
        RawClient bob = v2("bob");
        RawClient carol = v2("carol");
        assertThat(join(ada, "maths").users()).containsExactly("ada");
        RoomState state = join(bob, "Maths");
        assertThat(state.room()).as("the room keeps the name its creator gave").isEqualTo("maths");
        assertThat(state.users()).containsExactly("ada", "bob");
        Joined bobInMaths = ada.next(Joined.class);
        while (!"maths".equals(bobInMaths.room())) {
            assertThat(bobInMaths.room()).isEqualTo("general");
            bobInMaths = ada.next(Joined.class);
        }
        assertThat(bobInMaths.name()).isEqualTo("bob");
        assertThat(bobInMaths.room()).isEqualTo("maths");
        ada.send(new Say("s", "x = 2", "maths", null));
        assertThat(ada.next(Message.class).re()).isEqualTo("s");
        Message atBob = bob.next(Message.class);
        assertThat(atBob.room()).isEqualTo("maths");
        assertThat(atBob.text()).isEqualTo("x = 2");
        assertThat(untilMarker(ada, carol)).noneMatch(f -> f instanceof Message);
    }

    @Test
    void aDirectMessageReachesTheRecipientAndTheSenderOnly() throws IOException {
        start();
        RawClient ada = v2("ada");
        RawClient bob = v2("bob");
        RawClient carol = v2("carol");
        ada.send(new Say("d", "psst", null, "BOB"));
        Message copy = ada.next(Message.class);
        assertThat(copy.re()).isEqualTo("d");
        assertThat(copy.to()).isEqualTo("bob");
        assertThat(copy.room()).isNull();
        Message received = bob.next(Message.class);
        assertThat(received.to()).isEqualTo("bob");
        assertThat(received.from()).isEqualTo("ada");
        assertThat(received.id()).isEqualTo(copy.id());
        assertThat(untilMarker(ada, carol)).noneMatch(f -> f instanceof Message);
    }

    @Test
    void directMessagesToNobodyOrToAVersionOneClientAreRefused() throws IOException {
        start();
        RawClient ada = v2("ada");
        v1("old");
        ada.send(new Say("1", "hi", null, "ghost"));
        assertThat(errorOf(ada)).isEqualTo(ErrorCode.NO_SUCH_USER);
        ada.send(new Say("2", "hi", null, "old"));
        ErrorReply unsupported = ada.next(ErrorReply.class);
        assertThat(unsupported.code()).isEqualTo(ErrorCode.UNSUPPORTED);
        assertThat(unsupported.message()).contains("older app");
        ada.sendRaw("{\"type\":\"say\",\"id\":\"3\",\"text\":\"hi\",\"room\":\"general\",\"to\":\"old\"}\n");
        assertThat(errorOf(ada)).isEqualTo(ErrorCode.BAD_JSON);
    }

    @Test
    void roomErrorsSayWhatIsWrong() throws IOException {
        start();
        RawClient ada = v2("ada");
        RawClient bob = v2("bob");
        join(bob, "art");
        ada.send(new Join("1", "#maths"));
        assertThat(ada.next(ErrorReply.class)).satisfies(e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.INVALID_ROOM);
            assertThat(e.message()).contains("without #");
        });
        ada.send(new Join("2", "x".repeat(33)));
        assertThat(errorOf(ada)).isEqualTo(ErrorCode.INVALID_ROOM);
        ada.send(new Say("3", "hi", "nowhere", null));
        assertThat(errorOf(ada)).isEqualTo(ErrorCode.NO_SUCH_ROOM);
        ada.send(new Say("4", "hi", "art", null));
        assertThat(errorOf(ada)).isEqualTo(ErrorCode.NOT_IN_ROOM);
        ada.send(new Part("5", "art"));
        assertThat(errorOf(ada)).isEqualTo(ErrorCode.NOT_IN_ROOM);
        RawClient pending = connect();
        pending.send(new Join("6", "art"));
        assertThat(errorOf(pending)).isEqualTo(ErrorCode.NOT_LOGGED_IN);
    }

    @Test
    void partTellsTheOthersAndAnEmptyUserRoomGoesAfterItsGrace() throws IOException {
        start(new RoomSettings(true, 100, 20, 200, Duration.ZERO));
        RawClient ada = v2("ada");
        RawClient bob = v2("bob");
        join(ada, "chess");
        join(bob, "chess");
        bob.send(new Part("p", "chess"));
        assertThat(bob.next(Parted.class)).isEqualTo(new Parted("p", "chess"));
        Left left = ada.next(Left.class);
        assertThat(left.room()).isEqualTo("chess");
        assertThat(left.reason()).isEqualTo(LeaveReason.PART);
        ada.send(new Part("q", "chess"));
        ada.next(Parted.class);
        ada.send(new ListRooms("l"));
        assertThat(ada.next(RoomList.class).rooms()).extracting(RoomSummary::name).containsExactly("general");
    }

    @Test
    void onlyTheCreatorOrTheOperatorSetsATopic() throws IOException {
        start();
        RawClient ada = v2("ada");
        RawClient bob = v2("bob");
        join(ada, "books");
        join(bob, "books");
        bob.send(new SetTopic("t1", "books", "Mine now"));
        assertThat(errorOf(bob)).isEqualTo(ErrorCode.FORBIDDEN);
        ada.send(new SetTopic("t2", "books", "Read Dune"));
        TopicChanged topic = bob.next(TopicChanged.class);
        assertThat(topic.text()).isEqualTo("Read Dune");
        assertThat(topic.by()).isEqualTo("ada");
        ada.send(new SetTopic("t3", "books", "x".repeat(201)));
        assertThat(errorOf(ada)).isEqualTo(ErrorCode.INVALID_TEXT);
        server.setTopic("books", "");
        TopicChanged cleared = bob.next(TopicChanged.class);
        assertThat(cleared.text()).isEmpty();
        assertThat(cleared.by()).isNull();
        assertThatThrownBy(() -> server.setTopic("nowhere", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRoomListIsSortedWithMemberCounts() throws IOException {
        start();
        RawClient ada = v2("ada");
        RawClient bob = v2("bob");
        join(ada, "zoo");
        join(ada, "Art");
        join(bob, "art");
        server.createRoom("lobby", "Say hi");
        ada.send(new ListRooms("l"));
        assertThat(ada.next(RoomList.class).rooms()).containsExactly(
                new RoomSummary("Art", null, 2), new RoomSummary("general", null, 2),
                new RoomSummary("lobby", "Say hi", 0), new RoomSummary("zoo", null, 1));
        assertThat(server.rooms()).extracting(RoomInfo::name).containsExactly("Art", "general", "lobby", "zoo");
    }

    @Test
    void deletingARoomTellsEachMemberAndGeneralCannotBeDeleted() throws IOException {
        start();
        RawClient ada = v2("ada");
        RawClient bob = v2("bob");
        server.createRoom("news", "");
        join(ada, "news");
        join(bob, "news");
        ada.next(Joined.class);
        assertThat(server.deleteRoom("news")).isTrue();
        Left adaOut = ada.next(Left.class);
        assertThat(adaOut.name()).isEqualTo("ada");
        assertThat(adaOut.room()).isEqualTo("news");
        assertThat(adaOut.reason()).isEqualTo(LeaveReason.ROOM_CLOSED);
        assertThat(bob.next(Left.class).name()).isEqualTo("bob");
        assertThat(server.deleteRoom("news")).isFalse();
        assertThatThrownBy(() -> server.deleteRoom("general")).isInstanceOf(IllegalArgumentException.class);
        ada.send(new Say("s", "anyone?", "news", null));
        assertThat(errorOf(ada)).isEqualTo(ErrorCode.NO_SUCH_ROOM);
    }

    @Test
    void roomLimitsAreEnforcedWithTheirOwnErrors() throws IOException {
        start(new RoomSettings(true, 3, 2, 1, Duration.ofMinutes(5)));
        RawClient ada = v2("ada");
        RawClient bob = v2("bob");
        join(ada, "one");
        ada.send(new Join("x", "two"));
        assertThat(errorOf(ada)).as("general and one: two rooms, the most per user").isEqualTo(ErrorCode.TOO_MANY_ROOMS);
        bob.send(new Join("y", "one"));
        assertThat(errorOf(bob)).isEqualTo(ErrorCode.ROOM_FULL);
        join(bob, "two");
        RawClient carol = v2("carol");
        carol.send(new Join("z", "three"));
        assertThat(errorOf(carol)).as("general, one, two: the server's three").isEqualTo(ErrorCode.TOO_MANY_ROOMS);
    }

    @Test
    void whenUsersMayNotCreateRoomsOnlyTheOperatorsExist() throws IOException {
        start(new RoomSettings(false, 100, 20, 200, Duration.ofMinutes(5)));
        RawClient ada = v2("ada");
        ada.send(new Join("j", "secret"));
        assertThat(errorOf(ada)).isEqualTo(ErrorCode.NO_SUCH_ROOM);
        server.createRoom("secret", "");
        assertThat(join(ada, "secret").room()).isEqualTo("secret");
    }

    @Test
    void leavingTheServerIsToldOnceToEveryoneWhoSharesARoomAndToNobodyElse() throws IOException {
        start();
        RawClient ada = v2("ada");
        RawClient bob = v2("bob");
        RawClient dave = v2("dave");
        join(ada, "maths");
        join(bob, "maths");
        join(ada, "art");
        join(bob, "art");
        dave.send(new Part("p", "general"));
        dave.next(Parted.class);
        ada.send(new Quit(null));
        // The close comes after the leave in the chat's order, so the marker below is sequenced after it.
        assertThat(ada.closedByServer()).isTrue();
        List<Left> lefts = new ArrayList<>();
        bob.send(new Say(null, "--marker--", "maths", null));
        ServerFrame frame;
        while (!((frame = bob.next()) instanceof Message m && m.text().equals("--marker--"))) {
            if (frame instanceof Left left && left.name().equals("ada")) {
                lefts.add(left);
            }
        }
        assertThat(lefts).singleElement().satisfies(l -> {
            assertThat(l.room()).isNull();
            assertThat(l.reason()).isEqualTo(LeaveReason.QUIT);
        });
        // Answered after ada's leave went out: anything for dave would come before the list.
        dave.send(new ListRooms("l"));
        ServerFrame daveFrame;
        while (!((daveFrame = dave.next()) instanceof RoomList)) {
            assertThat(daveFrame).as("dave shared no room with ada").isNotInstanceOf(Left.class);
        }
    }

    @Test
    void announcementsCanGoToOneRoom() throws IOException {
        start();
        RawClient ada = v2("ada");
        RawClient bob = v2("bob");
        join(ada, "maths");
        assertThat(server.announce("maths", "Test at 10")).isEqualTo(1);
        Announcement announcement = ada.next(Announcement.class);
        assertThat(announcement.room()).isEqualTo("maths");
        assertThat(untilMarker(ada, bob)).noneMatch(f -> f instanceof Announcement);
    }

    @Test
    void eachRoomHasOneOrderAndIdsIncreaseAcrossRoomsAndDirectMessages() throws Exception {
        start();
        List<RawClient> readers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            RawClient reader = v2("reader" + i);
            join(reader, "busy");
            join(reader, "other");
            readers.add(reader);
        }
        List<RawClient> writers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            RawClient writer = v2("writer" + i);
            join(writer, "busy");
            join(writer, "other");
            writers.add(writer);
        }
        int perWriter = 150;
        int direct = writers.size() * (perWriter / 10);
        int inRooms = writers.size() * perWriter - direct;
        List<Future<List<Message>>> seen = new ArrayList<>();
        for (RawClient reader : readers) {
            int expected = reader == readers.get(0) ? inRooms + direct : inRooms;
            seen.add(threads.submit(() -> {
                List<Message> messages = new ArrayList<>();
                while (messages.size() < expected) {
                    messages.add(reader.next(Message.class));
                }
                return messages;
            }));
        }
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> sending = new ArrayList<>();
        for (int w = 0; w < writers.size(); w++) {
            RawClient writer = writers.get(w);
            int number = w;
            sending.add(threads.submit(() -> {
                go.await();
                for (int m = 0; m < perWriter; m++) {
                    String room = m % 3 == 0 ? "other" : "busy";
                    if (m % 10 == 5) {
                        writer.send(new Say(null, "dm" + m, null, "reader0"));
                    } else {
                        writer.send(new Say(null, "w" + number + "m" + m, room, null));
                    }
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> done : sending) {
            done.get(30, TimeUnit.SECONDS);
        }
        List<Message> first = seen.get(1).get(30, TimeUnit.SECONDS);
        List<Long> busyOrder = first.stream().filter(m -> "busy".equals(m.room())).map(Message::id).toList();
        for (Future<List<Message>> reader : seen.subList(1, seen.size())) {
            List<Message> messages = reader.get(30, TimeUnit.SECONDS);
            assertThat(messages.stream().filter(m -> "busy".equals(m.room())).map(Message::id).toList())
                    .as("one order in #busy").isEqualTo(busyOrder);
        }
        List<Message> withDms = seen.get(0).get(30, TimeUnit.SECONDS);
        assertThat(withDms.stream().map(Message::id).toList()).as("ids across rooms and direct messages")
                .isSorted().doesNotHaveDuplicates();
        assertThat(withDms).anyMatch(Message::isDirect);
    }
}
