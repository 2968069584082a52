package org.natter.server.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.natter.common.model.RoomInfo;
import org.natter.common.protocol.Announcement;
import org.natter.common.protocol.ErrorCode;
import org.natter.common.protocol.ErrorReply;
import org.natter.common.protocol.Join;
import org.natter.common.protocol.Login;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.Message;
import org.natter.common.protocol.RoomState;
import org.natter.common.protocol.Say;
import org.natter.common.protocol.Welcome;

/** Moderated rooms and slow mode over loopback, with the server's clock moved by hand. */
class RoomRulesTest {

    private final ModerationTest.HandClock clock = new ModerationTest.HandClock();
    private final List<RawClient> clients = new ArrayList<>();
    private ChatServer server;
    private RawClient ada;
    private RawClient bob;

    @BeforeEach
    void start() throws IOException {
        server = new ChatServer(ServerSettings.defaults(), MessageStore.inMemory(), clock);
        server.start(0);
        server.createRoom("maths", "");
        ada = member("ada");
        bob = member("bob");
    }

    @AfterEach
    void tearDown() throws IOException {
        for (RawClient client : clients) {
            client.close();
        }
        server.close();
    }

    private RawClient member(String name) throws IOException {
        RawClient client = new RawClient(server.port());
        clients.add(client);
        client.next(Welcome.class);
        client.send(new Login(null, name, 2));
        client.next(LoginOk.class);
        assertThat(client.next(RoomState.class).room()).isEqualTo("general");
        client.send(new Join("j", "maths"));
        assertThat(client.next(RoomState.class).re()).isEqualTo("j");
        return client;
    }

    /** The sender's own copy of its message {@code re}, skipping what others said meanwhile. */
    private static void ownCopy(RawClient client, String re) throws IOException {
        for (int i = 0; i < 20; i++) {
            if (client.next() instanceof Message message && re.equals(message.re())) {
                return;
            }
        }
        throw new AssertionError("No own copy of message " + re);
    }

    private static Say say(String id, String text) {
        return new Say(id, text, "maths", null);
    }

    @Test
    void aModeratedRoomTakesMessagesOnlyFromThoseAllowed() throws IOException {
        RoomInfo info = server.setModerated("maths", true);
        assertThat(info.moderated()).isTrue();
        Announcement told = bob.next(Announcement.class);
        assertThat(told.room()).isEqualTo("maths");
        assertThat(told.text()).isEqualTo("#maths is moderated now: only the people the host allows may write in it.");

        bob.send(say("1", "can I?"));
        ErrorReply refused = bob.next(ErrorReply.class);
        assertThat(refused.code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThat(refused.re()).isEqualTo("1");
        assertThat(refused.message()).isEqualTo("#maths is moderated: only the host and the people they allow may write"
                + " in it. You can still read.");
        bob.send(new Say("2", "general is open"));
        ownCopy(bob, "2");

        assertThat(server.allowToWrite("maths", "ADA", true).allowed()).containsExactly("ADA");
        ada.send(say("3", "1/3 + 1/6 = 1/2"));
        ownCopy(ada, "3");
        assertThat(bob.next(Message.class).text()).isEqualTo("1/3 + 1/6 = 1/2");
        assertThat(server.announce("maths", "Well done")).isEqualTo(2);

        RawClient carl = member("carl");
        assertThat(server.rooms()).filteredOn(r -> r.name().equals("maths")).singleElement()
                .satisfies(r -> assertThat(r.moderated()).isTrue());
        server.allowToWrite("maths", "ada", false);
        ada.send(say("4", "still me"));
        assertThat(ada.next(ErrorReply.class).code()).isEqualTo(ErrorCode.FORBIDDEN);

        server.setModerated("maths", false);
        carl.send(say("5", "open again"));
        ownCopy(carl, "5");
    }

    @Test
    void slowModeLetsEachPersonPostOncePerIntervalAndSaysWhenTheyMayAgain() throws IOException {
        server.setSlowMode("maths", Duration.ofSeconds(30));
        assertThat(bob.next(Announcement.class).text()).isEqualTo("#maths is in slow mode now: one message every 30 s per person.");
        bob.send(say("1", "first"));
        ownCopy(bob, "1");
        bob.send(say("2", "second"));
        ErrorReply tooSoon = bob.next(ErrorReply.class);
        assertThat(tooSoon.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(tooSoon.message()).isEqualTo("#maths is in slow mode: one message every 30 s per person. You may"
                + " write again in 30 s.");
        ada.send(say("3", "someone else may"));
        ownCopy(ada, "3");

        clock.advance(Duration.ofMillis(20_500));
        bob.send(say("4", "now?"));
        assertThat(bob.next(ErrorReply.class).message()).endsWith("You may write again in 10 s.");
        clock.advance(Duration.ofMillis(9_500));
        bob.send(say("5", "now"));
        ownCopy(bob, "5");

        RawClient carl = member("carl");
        assertThat(carl).isNotNull();
        server.setSlowMode("maths", null);
        bob.send(say("6", "quick"));
        bob.send(say("7", "quicker"));
        ownCopy(bob, "6");
        ownCopy(bob, "7");
    }

    @Test
    void aJoinerIsShownTheRoomsRules() throws IOException {
        server.setModerated("maths", true);
        server.setSlowMode("maths", Duration.ofMinutes(2));
        RawClient carl = new RawClient(server.port());
        clients.add(carl);
        carl.next(Welcome.class);
        carl.send(new Login(null, "carl", 2));
        RoomState general = carl.next(RoomState.class);
        assertThat(general.moderated()).as("absent when off").isNull();
        assertThat(general.slow()).isNull();
        carl.send(new Join("j", "maths"));
        RoomState maths = carl.next(RoomState.class);
        assertThat(maths.moderated()).isTrue();
        assertThat(maths.slow()).isEqualTo(120);
    }

    @Test
    void badRulesAreRefusedWithASentence() {
        assertThatThrownBy(() -> server.setModerated("nowhere", true)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("There is no room #nowhere.");
        assertThatThrownBy(() -> server.setSlowMode("maths", Duration.ofHours(2)))
                .hasMessage("Slow mode is 1 second to 1 hour between two messages of one person.");
        assertThatThrownBy(() -> server.allowToWrite("maths", "two words", true))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
