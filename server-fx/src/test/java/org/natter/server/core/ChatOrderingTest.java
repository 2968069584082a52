package org.natter.server.core;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.natter.server.core.moderation.AddressLimits;
import org.natter.common.protocol.Announcement;
import org.natter.common.protocol.Joined;
import org.natter.common.protocol.Kicked;
import org.natter.common.protocol.Left;
import org.natter.common.protocol.Login;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.Message;
import org.natter.common.protocol.ProtocolLimits;
import org.natter.common.protocol.Say;
import org.natter.common.protocol.ServerFrame;
import org.natter.common.protocol.Welcome;

/**
 * The order guarantees of docs/PROTOCOL.md, against a real server on loopback: many clients on several I/O
 * threads, sending at once. Each race is run many times, since one run can be lucky.
 */
class ChatOrderingTest {

    /** Limits high enough that the flood limit never interferes with the races under test. */
    private static final ServerSettings UNLIMITED = ServerSettings.defaults()
            .withLimits(200, 1_000, 100_000, 100_000, 64 << 20).toBuilder()
            .addressLimits(AddressLimits.generous()).build();

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<RawClient> clients = new ArrayList<>();
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

    private void start(ServerSettings settings) {
        server = new ChatServer(settings);
        port = server.start(0);
    }

    private RawClient connect() throws IOException {
        RawClient client = new RawClient(port);
        clients.add(client);
        client.next(Welcome.class);
        return client;
    }

    private RawClient loggedIn(String name) throws IOException {
        RawClient client = connect();
        client.send(new Login(null, name));
        client.next(LoginOk.class);
        return client;
    }

    @Test
    void everyReceiverSeesTheSameOrderAndIdsIncreaseInIt() throws Exception {
        start(UNLIMITED);
        int senders = 4;
        int perSender = 250;
        List<RawClient> receivers = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            receivers.add(loggedIn("reader" + i));
        }
        List<RawClient> writers = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
            writers.add(loggedIn("writer" + i));
        }
        List<Future<List<Long>>> seen = new ArrayList<>();
        for (RawClient receiver : receivers) {
            seen.add(threads.submit(() -> readMessageIds(receiver, senders * perSender)));
        }
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> sending = new ArrayList<>();
        for (int w = 0; w < senders; w++) {
            RawClient writer = writers.get(w);
            int number = w;
            sending.add(threads.submit(() -> {
                go.await();
                for (int m = 0; m < perSender; m++) {
                    writer.send(new Say(null, "w" + number + " m" + m));
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> done : sending) {
            done.get(30, TimeUnit.SECONDS);
        }
        List<Long> first = seen.get(0).get(30, TimeUnit.SECONDS);
        assertThat(first).hasSize(senders * perSender).isSorted().doesNotHaveDuplicates();
        for (Future<List<Long>> other : seen) {
            assertThat(other.get(30, TimeUnit.SECONDS)).as("every receiver's sequence").isEqualTo(first);
        }
    }

    @Test
    void leftOfAKickNeverArrivesAfterTheJoinedOfTheSameNameLoggingInAgain() throws Exception {
        start(UNLIMITED);
        List<RawClient> watchers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            watchers.add(loggedIn("watcher" + i));
        }
        int rounds = 60;
        RawClient alice = loggedIn("alice");
        for (int round = 0; round < rounds; round++) {
            // Connected and welcomed before the kick, so the new login follows the kick as closely as it can.
            RawClient again = connect();
            assertThat(server.kick("alice", "round " + round)).isTrue();
            again.send(new Login(null, "alice"));
            again.next(LoginOk.class);
            alice.next(Kicked.class);
            alice = again;
        }
        assertThat(server.kick("alice", "last")).isTrue();
        for (RawClient watcher : watchers) {
            List<String> aliceEvents = new ArrayList<>();
            while (aliceEvents.size() < rounds * 2 + 2) {
                ServerFrame frame = watcher.next();
                if (frame instanceof Joined joined && joined.name().equals("alice")) {
                    aliceEvents.add("joined");
                } else if (frame instanceof Left left && left.name().equals("alice")) {
                    assertThat(left.reason()).isEqualTo(LeaveReason.KICKED);
                    aliceEvents.add("left");
                }
            }
            for (int i = 0; i < aliceEvents.size(); i++) {
                assertThat(aliceEvents.get(i)).as("alice event %d of %s", i, aliceEvents)
                        .isEqualTo(i % 2 == 0 ? "joined" : "left");
            }
        }
    }

    @Test
    void messageRacingAKickIsNeverDeliveredAfterTheLeft() throws Exception {
        start(UNLIMITED);
        RawClient watcher = loggedIn("watcher");
        for (int round = 0; round < 15; round++) {
            String name = "talker" + round;
            RawClient talker = loggedIn(name);
            CountDownLatch talking = new CountDownLatch(1);
            Future<?> flood = threads.submit(() -> {
                try {
                    for (int m = 0; m < 2_000; m++) {
                        talker.send(new Say(null, "m" + m));
                        if (m == 20) {
                            talking.countDown();
                        }
                    }
                } catch (IOException closedByTheKick) {
                    // expected: the kick closes the connection while it is still sending
                }
                return null;
            });
            assertThat(talking.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(server.kick(name, "")).isTrue();
            boolean left = false;
            while (!left) {
                ServerFrame frame = watcher.next();
                if (frame instanceof Left l && l.name().equals(name)) {
                    left = true;
                } else if (frame instanceof Message message) {
                    assertThat(message.from()).isEqualTo(name);
                }
            }
            flood.get(10, TimeUnit.SECONDS);
            // A marker from another user, sent after the kick: anything from the talker still in flight would come
            // before it.
            RawClient marker = loggedIn("marker" + round);
            marker.send(new Say(null, "marker"));
            ServerFrame next;
            do {
                next = watcher.next();
                if (next instanceof Message message) {
                    assertThat(message.from()).as("nothing from %s after its left", name).isNotEqualTo(name);
                }
            } while (!(next instanceof Message m && m.text().equals("marker")));
        }
    }

    @Test
    void loginPipelinedBehindQuitIsNotProcessed() throws Exception {
        start(UNLIMITED);
        RawClient watcher = loggedIn("watcher");
        RawClient quitter = connect();
        quitter.sendRaw("{\"type\":\"quit\"}\n{\"type\":\"login\",\"name\":\"ghost\"}\n{\"type\":\"say\",\"text\":\"boo\"}\n");
        assertThat(quitter.closedByServer()).isTrue();
        RawClient ghost = connect();
        ghost.send(new Login(null, "ghost"));
        assertThat(ghost.next(LoginOk.class).users()).containsExactlyInAnyOrder("ghost", "watcher");
        ghost.send(new Say(null, "the real ghost"));
        assertThat(watcher.next()).isInstanceOfSatisfying(Joined.class, j -> assertThat(j.name()).isEqualTo("ghost"));
        assertThat(watcher.next()).as("the quitter never joined, so the watcher saw no join and leave of it")
                .isInstanceOfSatisfying(Message.class, m -> assertThat(m.text()).isEqualTo("the real ghost"));
    }

    @Test
    void everyClientToldItIsLoggedInIsAlsoToldTheServerStopped() throws Exception {
        for (int round = 0; round < 5; round++) {
            start(UNLIMITED);
            List<RawClient> racers = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                racers.add(connect());
            }
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> logins = new ArrayList<>();
            for (int i = 0; i < racers.size(); i++) {
                RawClient racer = racers.get(i);
                String name = "racer" + i;
                logins.add(threads.submit(() -> {
                    go.await();
                    racer.send(new Login(null, name));
                    return null;
                }));
            }
            go.countDown();
            server.stop();
            for (Future<?> login : logins) {
                login.get(10, TimeUnit.SECONDS);
            }
            for (RawClient racer : racers) {
                assertToldStoppedIfLoggedIn(racer);
            }
            assertThat(server.users()).isEmpty();
            assertThat(server.connectionCount()).isZero();
            server.close();
            server = null;
        }
    }

    @Test
    void kickedClientThatStopsReadingIsClosedAfterAShortGrace() throws Exception {
        start(UNLIMITED);
        RawClient stuck = new RawClient(port, 4096);
        clients.add(stuck);
        stuck.next(Welcome.class);
        stuck.send(new Login(null, "stuck"));
        stuck.next(LoginOk.class);
        RawClient talker = loggedIn("talker");
        String big = "x".repeat(ProtocolLimits.MAX_TEXT_LENGTH);
        // About 8 MB for a reader that reads nothing: far more than the socket buffers hold, far less than the
        // server's 64 MB limit, so the rest waits in the server's queue and a last frame cannot get out. The
        // talker reads each one before the next, so only the stuck client's queue grows.
        for (int m = 0; m < 2_100; m++) {
            server.announce(big);
            talker.next(Announcement.class);
        }
        assertThat(server.kick("stuck", "bye")).isTrue();
        for (int m = 0; m < 20; m++) {
            stuck.send(new Say(null, "still sending"));
        }
        long deadline = System.nanoTime() + Session.CLOSE_GRACE.plus(Duration.ofSeconds(5)).toNanos();
        while (server.connectionCount() > 1 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            talker.send(new Say(null, "tick"));
            talker.next(Message.class);
        }
        assertThat(server.connectionCount()).as("the stuck connection is closed, the talker's stays").isEqualTo(1);
    }

    private static void assertToldStoppedIfLoggedIn(RawClient racer) throws IOException {
        String me = null;
        while (true) {
            ServerFrame frame;
            try {
                frame = racer.next();
            } catch (AssertionError | IOException closed) {
                assertThat(me).as("logged in, but not told that the server stopped").isNull();
                return;
            }
            if (frame instanceof LoginOk ok) {
                me = ok.name();
            } else if (frame instanceof Left left && left.name().equals(me)) {
                assertThat(left.reason()).isEqualTo(LeaveReason.SERVER_STOPPED);
                return;
            }
        }
    }

    private static List<Long> readMessageIds(RawClient receiver, int count) throws IOException {
        List<Long> ids = new ArrayList<>(count);
        while (ids.size() < count) {
            ids.add(receiver.next(Message.class).id());
        }
        return ids;
    }
}
