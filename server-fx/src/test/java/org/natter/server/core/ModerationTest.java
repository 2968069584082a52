package org.natter.server.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.natter.common.model.LeaveReason;
import org.natter.common.model.ServerEvent;
import org.natter.common.protocol.ErrorCode;
import org.natter.common.protocol.ErrorReply;
import org.natter.common.protocol.Kicked;
import org.natter.common.protocol.Left;
import org.natter.common.protocol.Login;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.Message;
import org.natter.common.protocol.Say;
import org.natter.common.protocol.Welcome;
import org.natter.server.core.moderation.Sanction;
import org.natter.server.store.Retention;
import org.natter.server.store.SqliteMessageStore;

/** Timed bans (name, address, range) and mutes, with a clock moved by hand, over loopback. */
class ModerationTest {

    /** A clock the test moves; read from any thread. */
    static final class HandClock extends Clock {
        private volatile Instant now = Instant.parse("2026-11-29T09:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @TempDir
    Path dir;

    private final HandClock clock = new HandClock();
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

    private void start(MessageStore store) {
        server = new ChatServer(ServerSettings.defaults(), store, clock);
        port = server.start(0);
    }

    private RawClient from(String address) throws IOException {
        RawClient client = RawClient.from(address, port);
        clients.add(client);
        return client;
    }

    private RawClient loggedIn(String address, String name) throws IOException {
        RawClient client = from(address);
        client.next(Welcome.class);
        client.send(new Login(null, name));
        client.next(LoginOk.class);
        return client;
    }

    @Test
    void aBannedNameIsRemovedRefusedWithItsReasonAndFreeAgainWhenTheBanEnds() throws IOException {
        start(MessageStore.inMemory());
        RawClient watcher = loggedIn("127.0.0.2", "watcher");
        RawClient bob = loggedIn("127.0.0.3", "bob");
        server.ban("Bob", Duration.ofHours(1), "spamming the class");
        assertThat(bob.next(Kicked.class).reason()).contains("You are banned until").contains("spamming the class");
        Left left = watcher.next(Left.class);
        assertThat(left.reason()).isEqualTo(LeaveReason.KICKED);

        RawClient again = from("127.0.0.3");
        again.next(Welcome.class);
        again.send(new Login("1", "BOB"));
        ErrorReply refused = again.next(ErrorReply.class);
        assertThat(refused.code()).isEqualTo(ErrorCode.BANNED);
        assertThat(refused.message()).contains("until").contains("spamming the class");
        again.send(new Login("2", "robert"));
        assertThat(again.next(LoginOk.class).name()).as("the address is not banned: another name works")
                .isEqualTo("robert");

        clock.advance(Duration.ofMinutes(61));
        RawClient later = from("127.0.0.4");
        later.next(Welcome.class);
        later.send(new Login(null, "bob"));
        assertThat(later.next(LoginOk.class).name()).isEqualTo("bob");
        assertThat(server.sanctions()).isEmpty();
    }

    @Test
    void anAddressRangeBanClosesWhoMatchesRefusesNewConnectionsAndCanBeLifted() throws IOException {
        start(MessageStore.inMemory());
        RawClient inside = loggedIn("127.0.0.9", "inside");
        RawClient outside = loggedIn("127.0.0.12", "outside");
        server.ban("127.0.0.8/30", null, "");
        assertThat(inside.next(Kicked.class).reason()).contains("Your address is banned for good");
        assertThat(inside.closedByServer()).isTrue();

        RawClient refused = from("127.0.0.10");
        ErrorReply banned = refused.next(ErrorReply.class);
        assertThat(banned.code()).isEqualTo(ErrorCode.BANNED);
        assertThat(refused.closedByServer()).isTrue();
        assertThat(from("127.0.0.12").next()).as("outside the range").isInstanceOf(Welcome.class);
        outside.send(new Say("s", "still here"));
        assertThat(outside.next(Message.class).re()).isEqualTo("s");

        assertThat(server.unban("127.0.0.8/30")).isTrue();
        assertThat(from("127.0.0.10").next()).isInstanceOf(Welcome.class);
        assertThatThrownBy(() -> server.ban("not a name!", null, "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aMutedUserReadsButCannotWriteUntilTheMuteEnds() throws IOException, InterruptedException {
        start(MessageStore.inMemory());
        EventRecorder events = new EventRecorder();
        server.addListener(events);
        RawClient ada = loggedIn("127.0.0.2", "ada");
        RawClient bob = loggedIn("127.0.0.3", "bob");
        server.mute("ada", Duration.ofMinutes(10), "calm down");
        ServerEvent.Moderated logged = events.await(ServerEvent.Moderated.class);
        assertThat(ServerEventText.describe(logged)).startsWith("The host muted ada until ").endsWith(": calm down.");
        ada.send(new Say("1", "let me speak"));
        ErrorReply muted = ada.next(ErrorReply.class);
        assertThat(muted.code()).isEqualTo(ErrorCode.MUTED);
        assertThat(muted.message()).contains("until").contains("calm down").contains("still read");
        bob.send(new Say(null, "you can read this"));
        assertThat(ada.next(Message.class).text()).isEqualTo("you can read this");

        clock.advance(Duration.ofMinutes(11));
        ada.send(new Say("2", "thanks"));
        assertThat(ada.next(Message.class).re()).isEqualTo("2");
    }

    @Test
    void bansAndMutesSurviveARestart() throws IOException {
        start(SqliteMessageStore.open(dir, Retention.forever()));
        server.ban("mallory", Duration.ofDays(1), "impersonation");
        server.mute("eve", null, "");
        server.ban("127.0.0.66", null, "");
        server.close();
        start(SqliteMessageStore.open(dir, Retention.forever()));
        assertThat(server.sanctions()).extracting(Sanction::kind, Sanction::target).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Sanction.Kind.NAME_BAN, "mallory"),
                org.assertj.core.groups.Tuple.tuple(Sanction.Kind.MUTE, "eve"),
                org.assertj.core.groups.Tuple.tuple(Sanction.Kind.ADDRESS_BAN, "127.0.0.66"));
        RawClient mallory = from("127.0.0.5");
        mallory.next(Welcome.class);
        mallory.send(new Login(null, "mallory"));
        assertThat(mallory.next(ErrorReply.class).code()).isEqualTo(ErrorCode.BANNED);
        assertThat(server.unmute("eve")).isTrue();
        assertThat(server.unmute("eve")).isFalse();
    }
}
