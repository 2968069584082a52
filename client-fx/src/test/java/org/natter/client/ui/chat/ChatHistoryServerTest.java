package org.natter.client.ui.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.natter.client.net.ChatConnection;
import org.natter.client.net.ClientListener;
import org.natter.client.net.ConnectionSettings;
import org.natter.client.net.Conversation;
import org.natter.client.net.ServerAddress;
import org.natter.client.ui.rooms.ConversationKey;
import org.natter.client.ui.rooms.ConversationViewModel;
import org.natter.common.protocol.Message;
import org.natter.server.core.ChatServer;
import org.natter.server.core.ServerSettings;

/** A late joiner of a room sees its recent past: the chat view model against a real server on a free port. */
class ChatHistoryServerTest {

    private static final ConnectionSettings FAST = ConnectionSettings.defaults()
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));

    private ChatServer server;
    private int port;
    private final List<ChatConnection> connections = new ArrayList<>();

    @BeforeEach
    void startServer() {
        server = new ChatServer(ServerSettings.builder().port(0).rateBurst(1_000).ratePerSecond(1_000).build());
        port = server.start(0);
    }

    @AfterEach
    void stopAll() {
        connections.forEach(ChatConnection::close);
        server.stop();
    }

    private ChatConnection connection(ClientListener... listeners) {
        ChatConnection connection = new ChatConnection(FAST);
        for (ClientListener listener : listeners) {
            connection.addListener(listener);
        }
        connections.add(connection);
        return connection;
    }

    private static <T> T get(CompletableFuture<T> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    @Test
    void secondUserJoiningARoomSeesWhatWasSaidThere() throws Exception {
        ChatConnection bob = connection();
        get(bob.connect(new ServerAddress("127.0.0.1", port), "bob"));
        get(bob.join("maths"));
        get(bob.say("maths", "1/2 + 1/4?"));
        get(bob.say("maths", "3/4, anna"));

        // The view model runs on the connection's thread here; a later listener sees the replay after the feed did.
        ChatViewModel anna = new ChatViewModel(new FakeCommands(), Runnable::run, "127.0.0.1:" + port, 100);
        CompletableFuture<List<Message>> replay = new CompletableFuture<>();
        ChatConnection annaConnection = connection(anna.feed(), new ClientListener() {
            @Override
            public void onHistory(Conversation conversation, List<Message> messages, boolean complete) {
                if (conversation.equals(Conversation.room("maths"))) {
                    replay.complete(messages);
                }
            }
        });
        get(annaConnection.connect(new ServerAddress("127.0.0.1", port), "anna"));
        get(annaConnection.join("maths"));
        get(replay);

        ConversationViewModel maths = anna.conversations().find(ConversationKey.room("maths"));
        assertThat(maths.lines().all()).extracting(ChatEntry::from, ChatEntry::text).containsExactly(
                tuple("bob", "1/2 + 1/4?"),
                tuple("bob", "3/4, anna"),
                tuple("", "Earlier messages"));
        assertThat(maths.lines().all().get(1).mentionsMe()).isTrue();
        assertThat(maths.unreadProperty().get()).isZero();
    }
}
