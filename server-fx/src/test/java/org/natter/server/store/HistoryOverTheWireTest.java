package org.natter.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.natter.common.protocol.ErrorCode;
import org.natter.common.protocol.ErrorReply;
import org.natter.common.protocol.History;
import org.natter.common.protocol.HistoryRequest;
import org.natter.common.protocol.Join;
import org.natter.common.protocol.Login;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.Message;
import org.natter.common.protocol.RoomState;
import org.natter.common.protocol.Say;
import org.natter.common.protocol.Search;
import org.natter.common.protocol.SearchResults;
import org.natter.common.protocol.Welcome;
import org.natter.server.core.ChatServer;
import org.natter.server.core.RawClient;
import org.natter.server.core.ServerSettings;

/** History through the protocol, with the SQLite store on a temporary directory, over loopback. */
class HistoryOverTheWireTest {

    @TempDir
    Path dir;

    private final List<RawClient> clients = new ArrayList<>();
    private ChatServer server;
    private int port;

    @AfterEach
    void tearDown() throws IOException {
        for (RawClient client : clients) {
            client.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private void start() {
        server = new ChatServer(ServerSettings.builder().rateBurst(10_000).ratePerSecond(10_000).build(),
                SqliteMessageStore.open(dir, Retention.forever()));
        port = server.start(0);
    }

    private RawClient v2(String name) throws IOException {
        RawClient client = new RawClient(port);
        clients.add(client);
        client.next(Welcome.class);
        client.send(new Login(null, name, 2));
        client.next(LoginOk.class);
        client.next(RoomState.class);
        return client;
    }

    /** A version-2 client past its login, including general's replay. */
    private RawClient v2Ready(String name) throws IOException {
        RawClient client = v2(name);
        assertThat(client.next(History.class).room()).isEqualTo("general");
        return client;
    }

    /** Sends and waits for the acknowledgement, which comes once the message is stored. */
    private static Message say(RawClient client, String room, String text) throws IOException {
        client.send(new Say("s", text, room, null));
        Message own;
        do {
            own = client.next(Message.class);
        } while (!"s".equals(own.re()));
        return own;
    }

    private static List<String> texts(List<Message> messages) {
        return messages.stream().map(Message::text).toList();
    }

    @Test
    void aLateJoinerSeesTheRoomsRecentPastBeforeAnythingLive() throws IOException {
        start();
        RawClient ada = v2Ready("ada");
        ada.send(new Join("j", "maths"));
        ada.next(RoomState.class);
        for (int i = 1; i <= 60; i++) {
            say(ada, "maths", "m" + i);
        }
        RawClient bob = v2("bob");
        assertThat(bob.next(History.class).room()).as("general's replay at login").isEqualTo("general");
        bob.send(new Join("j", "maths"));
        assertThat(bob.next()).isInstanceOf(RoomState.class);
        History replay = (History) bob.next();
        assertThat(replay.room()).isEqualTo("maths");
        assertThat(texts(replay.messages())).hasSize(50).startsWith("m11").endsWith("m60");
        assertThat(replay.complete()).isFalse();
        say(ada, "maths", "live");
        assertThat(bob.next(Message.class).text()).isEqualTo("live");

        bob.send(new HistoryRequest("h", "maths", null, replay.messages().get(0).id(), null, null));
        History older = bob.next(History.class);
        assertThat(older.re()).isEqualTo("h");
        assertThat(texts(older.messages())).hasSize(10).startsWith("m1").endsWith("m10");
        assertThat(older.complete()).isTrue();
        bob.send(new HistoryRequest("a", "maths", null, null, older.messages().get(4).id(), 3));
        History after = bob.next(History.class);
        assertThat(texts(after.messages())).containsExactly("m6", "m7", "m8");
        assertThat(after.complete()).isFalse();
    }

    @Test
    void noOneReadsARoomTheyAreNotInOrSomeoneElsesDirectMessages() throws IOException {
        start();
        RawClient ada = v2Ready("ada");
        RawClient bob = v2Ready("bob");
        RawClient eve = v2Ready("eve");
        ada.send(new Join("j", "secret"));
        ada.next(RoomState.class);
        say(ada, "secret", "the plan");
        ada.send(new Say("d", "psst bob", null, "bob"));
        ada.next(Message.class);
        eve.send(new HistoryRequest("1", "secret", null, null, null, null));
        assertThat(eve.next(ErrorReply.class).code()).isEqualTo(ErrorCode.NOT_IN_ROOM);
        eve.send(new HistoryRequest("2", null, "bob", null, null, null));
        History eveAndBob = eve.next(History.class);
        assertThat(eveAndBob.messages()).as("eve's own conversation with bob, which is empty").isEmpty();
        bob.send(new HistoryRequest("3", null, "ADA", null, null, null));
        assertThat(texts(bob.next(History.class).messages())).containsExactly("psst bob");
        eve.send(new Search("4", "plan psst", null, null, null));
        assertThat(eve.next(SearchResults.class).messages()).isEmpty();
        bob.send(new Search("5", "psst", null, null, null));
        assertThat(texts(bob.next(SearchResults.class).messages())).containsExactly("psst bob");
        bob.send(new Search("6", "   ", null, null, null));
        assertThat(bob.next(ErrorReply.class).code()).isEqualTo(ErrorCode.INVALID_TEXT);
        bob.send(new HistoryRequest("7", "general", null, null, null, 501));
        assertThat(bob.next(ErrorReply.class).code()).isEqualTo(ErrorCode.BAD_JSON);
    }

    @Test
    void historyAndIdsSurviveARestartOnTheSameDataDirectory() throws IOException {
        start();
        RawClient ada = v2("ada");
        long lastId = 0;
        for (int i = 1; i <= 3; i++) {
            lastId = say(ada, null, "before restart " + i).id();
        }
        server.close();
        clients.clear();
        start();
        RawClient bob = v2("bob");
        History replay = bob.next(History.class);
        assertThat(texts(replay.messages())).containsExactly("before restart 1", "before restart 2", "before restart 3");
        assertThat(say(bob, null, "after restart").id()).isGreaterThan(lastId);
    }
}
