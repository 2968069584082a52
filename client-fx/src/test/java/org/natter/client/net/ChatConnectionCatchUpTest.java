package org.natter.client.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.natter.common.protocol.Message;
import org.natter.server.core.ChatServer;
import org.natter.server.core.ServerSettings;
import org.natter.server.store.Retention;
import org.natter.server.store.SqliteMessageStore;

/**
 * Catching up after a dropped connection, against a real server on loopback: whatever the server acknowledged
 * reaches the client that was away exactly once and in order, across a drop, a half-open connection and a server
 * restart. The replay is small (5), so that what is missed is more than the replay after the login holds.
 */
class ChatConnectionCatchUpTest {

    private static final ConnectionSettings FAST = ConnectionSettings.defaults()
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
            .withBackoff(Duration.ofMillis(50), Duration.ofMillis(200), 0);
    private static final Conversation GENERAL = Conversation.room("general");

    @TempDir
    Path dataDir;

    private ChatServer server;
    private final List<ChatConnection> connections = new ArrayList<>();
    private final List<AutoCloseable> closing = new ArrayList<>();

    @AfterEach
    void stopAll() throws Exception {
        connections.forEach(ChatConnection::close);
        for (AutoCloseable each : closing) {
            each.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static ServerSettings settings(int port) {
        return ServerSettings.builder().port(port).historyReplay(5).rateBurst(1_000).ratePerSecond(1_000).build();
    }

    private int startInMemory() {
        server = new ChatServer(settings(0));
        return server.start(0);
    }

    private ChatConnection loggedIn(String name, int port, Recorder recorder) throws Exception {
        ChatConnection connection = new ChatConnection(FAST);
        connection.addListener(recorder);
        connections.add(connection);
        get(connection.connect(new ServerAddress("127.0.0.1", port), name));
        recorder.await(Recorder.HistoryEvent.class, h -> h.conversation().equals(GENERAL));
        return connection;
    }

    private HalfOpenProxy proxy(int port) throws Exception {
        HalfOpenProxy proxy = new HalfOpenProxy(port);
        closing.add(proxy);
        return proxy;
    }

    private static <T> T get(CompletableFuture<T> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    /** Sends {@code prefix}0 … one after the other, each acknowledged before the next; returns the texts. */
    private static List<String> say(ChatConnection from, String room, String prefix, int count) throws Exception {
        List<String> texts = IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
        for (String text : texts) {
            get(from.say(room, text));
        }
        return texts;
    }

    private static List<String> sayTo(ChatConnection from, String user, String prefix, int count) throws Exception {
        List<String> texts = IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
        for (String text : texts) {
            get(from.sayTo(user, text));
        }
        return texts;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * Waits until {@code recorder} has had {@code fence}; everything routed before it has been delivered by then,
     * so a repeat would show.
     */
    private static void awaitFence(Recorder recorder, String fence) throws InterruptedException {
        recorder.await(Message.class, m -> m.text().equals(fence));
    }

    @Test
    void aDroppedClientGetsEveryMessageItMissedOnceAndInOrderWhileTheOtherKeepsSending() throws Exception {
        int port = startInMemory();
        HalfOpenProxy proxy = proxy(port);
        Recorder anna = new Recorder();
        ChatConnection annasConnection = loggedIn("anna", proxy.port(), anna);
        ChatConnection bob = loggedIn("bob", port, new Recorder());
        List<String> before = say(bob, "general", "before-", 3);
        awaitFence(anna, "before-2");

        proxy.refuse(true);
        proxy.cutClients();
        anna.await(Recorder.StateChanged.class, s -> s.state() == ConnectionState.RECONNECTING);
        List<String> away = say(bob, "general", "away-", 12);
        // Bob goes on while anna comes back and catches up, so that live messages overlap with the catch-up.
        CompletableFuture<List<String>> meanwhile = CompletableFuture.supplyAsync(() -> {
            try {
                return say(bob, "general", "meanwhile-", 20);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        proxy.refuse(false);

        Recorder.CaughtUp caughtUp = anna.await(Recorder.CaughtUp.class, c -> c.conversation().equals(GENERAL));
        List<String> expected = concat(concat(before, away), get(meanwhile));
        get(bob.say("general", "fence"));
        awaitFence(anna, "fence");

        assertThat(anna.texts(GENERAL, "anna")).containsExactlyElementsOf(concat(expected, List.of("fence")));
        assertThat(caughtUp.count()).as("at least what was said while away").isGreaterThanOrEqualTo(away.size());
        assertThat(annasConnection.history().lastDelivered(GENERAL)).isEqualTo(anna.seen(Message.class)
                .get(anna.seen(Message.class).size() - 1).id());
    }

    @Test
    void aHalfOpenConnectionCatchesUpEveryConversationItHad() throws Exception {
        int port = startInMemory();
        HalfOpenProxy proxy = proxy(port);
        Recorder anna = new Recorder();
        ChatConnection annasConnection = loggedIn("anna", proxy.port(), anna);
        ChatConnection bob = loggedIn("bob", port, new Recorder());
        get(annasConnection.join("maths"));
        get(bob.join("maths"));
        Conversation maths = Conversation.room("maths");
        Conversation withBob = Conversation.direct("bob");
        List<String> dms = sayTo(bob, "anna", "dm-", 2);
        List<String> sums = say(bob, "maths", "sum-", 2);
        awaitFence(anna, "sum-1");

        // The server still holds anna's session, so what bob says now is acknowledged and sent into the void.
        proxy.dropClients();
        anna.await(Recorder.Lost.class);
        List<String> lostDms = sayTo(bob, "anna", "lost-dm-", 8);
        List<String> lostSums = say(bob, "maths", "lost-sum-", 9);
        List<String> lostGeneral = say(bob, "general", "lost-", 7);
        proxy.releaseHeld();

        List<String> caughtUp = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            caughtUp.add(anna.await(Recorder.CaughtUp.class).conversation().key());
        }
        assertThat(caughtUp).containsExactlyInAnyOrder(GENERAL.key(), maths.key(), withBob.key());
        get(bob.sayTo("anna", "fence"));
        awaitFence(anna, "fence");

        assertThat(anna.texts(withBob, "anna")).containsExactlyElementsOf(concat(concat(dms, lostDms), List.of("fence")));
        assertThat(anna.texts(maths, "anna")).containsExactlyElementsOf(concat(sums, lostSums));
        assertThat(anna.texts(GENERAL, "anna")).containsExactlyElementsOf(lostGeneral);
        assertThat(annasConnection.openRooms()).containsExactly("general", "maths");
    }

    @Test
    void catchUpCarriesOnAcrossAServerRestartThatKeepsItsHistory() throws Exception {
        server = new ChatServer(settings(0), SqliteMessageStore.open(dataDir, Retention.forever()));
        int port = server.start(0);
        HalfOpenProxy proxy = proxy(port);
        Recorder anna = new Recorder();
        loggedIn("anna", proxy.port(), anna);
        Recorder bobsEvents = new Recorder();
        ChatConnection bob = loggedIn("bob", port, bobsEvents);
        List<String> before = say(bob, "general", "before-", 4);
        awaitFence(anna, "before-3");

        proxy.refuse(true);
        server.close();
        anna.await(Recorder.StateChanged.class, s -> s.state() == ConnectionState.RECONNECTING);
        server = new ChatServer(settings(port), SqliteMessageStore.open(dataDir, Retention.forever()));
        server.start(port);
        bobsEvents.await(Recorder.LoggedIn.class, l -> l.again());
        List<String> after = say(bob, "general", "after-", 11);
        proxy.refuse(false);

        anna.await(Recorder.CaughtUp.class, c -> c.conversation().equals(GENERAL));
        get(bob.say("general", "fence"));
        awaitFence(anna, "fence");

        assertThat(anna.texts(GENERAL, "anna")).containsExactlyElementsOf(concat(concat(before, after), List.of("fence")));
    }

    @Test
    void aServerThatForgotItsHistoryIsFollowedFromItsNewNumbers() throws Exception {
        int port = startInMemory();
        Recorder anna = new Recorder();
        loggedIn("anna", port, anna);
        Recorder bobsEvents = new Recorder();
        ChatConnection bob = loggedIn("bob", port, bobsEvents);
        List<String> before = say(bob, "general", "before-", 3);
        awaitFence(anna, "before-2");

        server.stop();
        anna.await(Recorder.StateChanged.class, s -> s.state() == ConnectionState.RECONNECTING);
        server = new ChatServer(settings(port));
        server.start(port);
        anna.await(Recorder.CaughtUp.class, c -> c.conversation().equals(GENERAL));
        // Bob reconnects on his own schedule: his line must not race his own re-login.
        bobsEvents.await(Recorder.LoggedIn.class, l -> l.again());
        get(bob.say("general", "again"));
        awaitFence(anna, "again");

        assertThat(anna.texts(GENERAL, "anna")).as("ids start at 1 again, and are not taken for repeats")
                .containsExactlyElementsOf(concat(before, List.of("again")));
    }
}
