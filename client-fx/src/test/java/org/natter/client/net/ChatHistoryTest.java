package org.natter.client.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.natter.common.protocol.ErrorCode;
import org.natter.common.protocol.History;
import org.natter.common.protocol.Message;
import org.natter.server.core.ChatServer;
import org.natter.server.core.ServerSettings;

/** The replay after a join, history pages and search through the client library, against a real server. */
class ChatHistoryTest {

    private static final ConnectionSettings FAST = ConnectionSettings.defaults()
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));
    private static final Conversation GENERAL = Conversation.room("general");

    private ChatServer server;
    private int port;
    private final List<ChatConnection> connections = new ArrayList<>();

    @BeforeEach
    void startServer() {
        server = new ChatServer(ServerSettings.builder().port(0).historyReplay(5).rateBurst(1_000).ratePerSecond(1_000)
                .build());
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
        return connection;
    }

    private static <T> T get(CompletableFuture<T> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    private static List<String> texts(List<Message> messages) {
        return messages.stream().map(Message::text).toList();
    }

    private static void sayAll(ChatConnection from, String room, List<String> texts) throws Exception {
        for (String text : texts) {
            get(from.say(room, text));
        }
    }

    @Test
    void theReplayAfterAJoinAndAfterTheLoginIsDeliveredAsHistoryBeforeLiveMessages() throws Exception {
        ChatConnection bob = loggedIn("bob", new Recorder());
        get(bob.join("maths"));
        sayAll(bob, "maths", List.of("one", "two", "three"));
        sayAll(bob, "general", IntStream.range(0, 7).mapToObj(i -> "g" + i).toList());

        Recorder anna = new Recorder();
        ChatConnection connection = loggedIn("anna", anna);
        Recorder.HistoryEvent general = anna.await(Recorder.HistoryEvent.class);
        assertThat(general.conversation()).isEqualTo(GENERAL);
        assertThat(texts(general.messages())).containsExactly("g2", "g3", "g4", "g5", "g6");
        assertThat(general.complete()).as("older messages exist").isFalse();

        get(connection.join("maths"));
        Recorder.HistoryEvent maths = anna.await(Recorder.HistoryEvent.class);
        assertThat(maths.conversation()).isEqualTo(Conversation.room("maths"));
        assertThat(texts(maths.messages())).containsExactly("one", "two", "three");
        assertThat(maths.complete()).isTrue();
        get(bob.say("maths", "four"));
        assertThat(anna.await(Message.class).text()).as("live after the replay").isEqualTo("four");
        assertThat(texts(anna.seen(Message.class))).containsExactly("four");
    }

    @Test
    void pagesGoBackAndForwardThroughARoomsHistory() throws Exception {
        ChatConnection bob = loggedIn("bob", new Recorder());
        List<String> said = IntStream.range(0, 25).mapToObj(i -> "line " + i).toList();
        sayAll(bob, "general", said);
        ChatConnection anna = loggedIn("anna", new Recorder());

        History newest = get(anna.history().page(GENERAL, null, null, 10));
        assertThat(texts(newest.messages())).containsExactlyElementsOf(said.subList(15, 25));
        assertThat(newest.complete()).isFalse();
        History older = get(anna.history().page(GENERAL, newest.messages().get(0).id(), null, 10));
        assertThat(texts(older.messages())).containsExactlyElementsOf(said.subList(5, 15));
        History oldest = get(anna.history().page(GENERAL, older.messages().get(0).id(), null, 10));
        assertThat(texts(oldest.messages())).containsExactlyElementsOf(said.subList(0, 5));
        assertThat(oldest.complete()).isTrue();
        History forward = get(anna.history().page(GENERAL, null, oldest.messages().get(4).id(), 3));
        assertThat(texts(forward.messages())).containsExactlyElementsOf(said.subList(5, 8));
        assertThat(forward.complete()).isFalse();
    }

    @Test
    void searchFindsMessagesNewestFirstEverywhereOrInOneConversation() throws Exception {
        ChatConnection bob = loggedIn("bob", new Recorder());
        ChatConnection anna = loggedIn("anna", new Recorder());
        get(bob.join("maths"));
        get(anna.join("maths"));
        sayAll(bob, "general", List.of("the blue whale", "a red fox"));
        sayAll(bob, "maths", List.of("blue numbers"));
        get(bob.sayTo("anna", "blue note"));

        assertThat(texts(get(anna.history().search("blue", null, null))))
                .containsExactly("blue note", "blue numbers", "the blue whale");
        assertThat(texts(get(anna.history().search("blue", Conversation.room("maths"), null))))
                .containsExactly("blue numbers");
        assertThat(texts(get(anna.history().search("blue", Conversation.direct("bob"), 5))))
                .containsExactly("blue note");
    }

    @Test
    void badRequestsAreRefusedHereAndRoomsOneIsNotInByTheServer() throws Exception {
        ChatConnection bob = loggedIn("bob", new Recorder());
        get(bob.join("secret"));
        ChatConnection anna = loggedIn("anna", new Recorder());

        assertThatThrownBy(() -> get(anna.history().page(GENERAL, null, null, 501)))
                .cause().isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> get(anna.history().search("  ", null, null)))
                .cause().isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> get(anna.history().page(Conversation.room("secret"), null, null, null)))
                .cause().isInstanceOfSatisfying(ConnectionFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(ConnectionFailure.Kind.REFUSED);
                    assertThat(f.code()).isEqualTo(ErrorCode.NOT_IN_ROOM);
                });
        get(anna.quit());
        assertThatThrownBy(() -> get(anna.history().page(GENERAL, null, null, null)))
                .cause().isInstanceOfSatisfying(ConnectionFailure.class,
                        f -> assertThat(f.kind()).isEqualTo(ConnectionFailure.Kind.NOT_LOGGED_IN));
    }
}
