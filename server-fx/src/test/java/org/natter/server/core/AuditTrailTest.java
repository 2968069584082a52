package org.natter.server.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.natter.common.protocol.Kicked;
import org.natter.common.protocol.Login;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.Waiting;
import org.natter.common.protocol.Welcome;
import org.natter.server.core.moderation.AuditAction;
import org.natter.server.core.moderation.AuditEntry;
import org.natter.server.core.moderation.AuditSource;
import org.natter.server.store.Retention;
import org.natter.server.store.SqliteMessageStore;

/** Every operator action goes to the audit trail, in memory and in natter.db (kept across restarts). */
class AuditTrailTest {

    @TempDir
    Path dir;

    private final ModerationTest.HandClock clock = new ModerationTest.HandClock();
    private ChatServer server;

    @AfterEach
    void tearDown() {
        if (server != null) {
            server.close();
        }
    }

    private List<AuditEntry> trail(int limit) throws Exception {
        return server.auditTrail(limit).get(10, TimeUnit.SECONDS);
    }

    private RawClient loggedIn(String name) throws IOException {
        RawClient client = new RawClient(server.port());
        client.next(Welcome.class);
        client.send(new Login(null, name, 2));
        client.next(LoginOk.class);
        return client;
    }

    /** Does one of each action over loopback; the newest entry comes first. */
    private void everyAction() throws Exception {
        server.setAuditSource(AuditSource.CONSOLE);
        try (RawClient bob = loggedIn("bob")) {
            assertThat(server.kick("bob", "too loud")).isTrue();
            bob.next(Kicked.class);
        }
        assertThat(server.kick("nobody", "")).as("nothing done, nothing recorded").isFalse();
        server.ban("mallory", Duration.ofHours(1), "spam");
        server.unban("mallory");
        server.mute("eve", null, "");
        server.unmute("eve");
        server.setAuditSource(AuditSource.WINDOW);
        server.setWaitingRoom(true);
        server.setWaitingRoom(true);
        try (RawClient ada = new RawClient(server.port()); RawClient carl = new RawClient(server.port())) {
            ada.send(new Login("1", "ada", 2));
            ada.next(Waiting.class);
            carl.send(new Login("2", "carl", 2));
            carl.next(Waiting.class);
            assertThat(server.admit("ada")).isTrue();
            ada.next(LoginOk.class);
            assertThat(server.refuse("carl", "not today")).isTrue();
        }
        server.announce("Pizza in the hall");
        server.createRoom("maths", "Fractions");
        server.setTopic("maths", "Decimals");
        server.announce("maths", "Test on Friday");
        server.clearHistory("maths").get(10, TimeUnit.SECONDS);
        assertThat(server.deleteRoom("maths")).isTrue();
        server.updateInfo("Room 12", "");
    }

    @Test
    void eachActionIsRecordedWithItsTargetReasonAndSource() throws Exception {
        server = new ChatServer(ServerSettings.defaults(), MessageStore.inMemory(), clock);
        server.start(0);
        everyAction();
        List<AuditEntry> trail = trail(100);
        assertThat(trail).extracting(AuditEntry::action, AuditEntry::target, AuditEntry::reason, AuditEntry::source)
                .containsExactly(
                        tuple(AuditAction.SETTING_CHANGED, "server name", "Room 12", AuditSource.WINDOW),
                        tuple(AuditAction.ROOM_DELETED, "maths", "", AuditSource.WINDOW),
                        tuple(AuditAction.HISTORY_CLEARED, "maths", "", AuditSource.WINDOW),
                        tuple(AuditAction.ANNOUNCE, "maths", "Test on Friday", AuditSource.WINDOW),
                        tuple(AuditAction.ROOM_CHANGED, "maths", "topic: Decimals", AuditSource.WINDOW),
                        tuple(AuditAction.ROOM_CREATED, "maths", "Fractions", AuditSource.WINDOW),
                        tuple(AuditAction.ANNOUNCE, "", "Pizza in the hall", AuditSource.WINDOW),
                        tuple(AuditAction.REFUSE, "carl", "not today", AuditSource.WINDOW),
                        tuple(AuditAction.ADMIT, "ada", "", AuditSource.WINDOW),
                        tuple(AuditAction.SETTING_CHANGED, "waiting room", "on", AuditSource.WINDOW),
                        tuple(AuditAction.UNMUTE, "eve", "", AuditSource.CONSOLE),
                        tuple(AuditAction.MUTE, "eve", "for good", AuditSource.CONSOLE),
                        tuple(AuditAction.UNBAN, "mallory", "", AuditSource.CONSOLE),
                        tuple(AuditAction.BAN, "mallory", "until 29 Nov 10:00: spam", AuditSource.CONSOLE),
                        tuple(AuditAction.KICK, "bob", "too loud", AuditSource.CONSOLE));
        assertThat(trail).allMatch(entry -> entry.at().equals(clock.instant()));
        assertThat(trail(3)).extracting(AuditEntry::action).containsExactly(AuditAction.SETTING_CHANGED,
                AuditAction.ROOM_DELETED, AuditAction.HISTORY_CLEARED);
    }

    @Test
    void theTrailIsKeptInTheDatabaseAcrossRestarts() throws Exception {
        server = new ChatServer(ServerSettings.defaults(), SqliteMessageStore.open(dir, Retention.forever()), clock);
        server.start(0);
        everyAction();
        List<AuditEntry> before = trail(100);
        assertThat(before).hasSize(15);
        server.close();

        server = new ChatServer(ServerSettings.defaults(), SqliteMessageStore.open(dir, Retention.forever()), clock);
        assertThat(trail(100)).as("the same entries, newest first, after a restart").isEqualTo(before);
        server.setAuditSource(AuditSource.CONSOLE);
        server.ban("10.0.0.0/8", null, "");
        assertThat(trail(1)).extracting(AuditEntry::action, AuditEntry::target, AuditEntry::source)
                .containsExactly(tuple(AuditAction.BAN, "10.0.0.0/8", AuditSource.CONSOLE));
    }
}
