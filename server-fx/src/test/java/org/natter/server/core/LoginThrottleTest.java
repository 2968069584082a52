package org.natter.server.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.natter.common.model.ServerEvent;
import org.natter.common.protocol.ErrorCode;
import org.natter.common.protocol.ErrorReply;
import org.natter.common.protocol.Login;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.Welcome;
import org.natter.server.core.moderation.LoginFailures;

/** Refused logins are counted per address: ten within a minute lock its logins out for a minute. */
class LoginThrottleTest {

    private final ModerationTest.HandClock clock = new ModerationTest.HandClock();
    private final List<RawClient> clients = new ArrayList<>();
    private final EventRecorder events = new EventRecorder();
    private ChatServer server;

    @BeforeEach
    void start() {
        // A burst large enough that the flood limit (on the real clock) never answers in place of the login rules.
        server = new ChatServer(ServerSettings.builder().rateBurst(100).build(), MessageStore.inMemory(), clock);
        server.addListener(events);
        server.start(0);
        server.ban("mallory", null, "impersonation");
    }

    @AfterEach
    void tearDown() throws IOException {
        for (RawClient client : clients) {
            client.close();
        }
        server.close();
    }

    private RawClient from(String address) throws IOException {
        RawClient client = RawClient.from(address, server.port());
        clients.add(client);
        client.next(Welcome.class);
        return client;
    }

    @Test
    void tenRefusedLoginsLockTheAddressOutForAMinute() throws Exception {
        RawClient guesser = from("127.0.0.20");
        for (int i = 1; i < LoginFailures.MAX_FAILURES; i++) {
            guesser.send(new Login(String.valueOf(i), i % 2 == 0 ? "mallory" : "bad name " + i));
            assertThat(guesser.next(ErrorReply.class).code()).isIn(ErrorCode.BANNED, ErrorCode.INVALID_NAME);
        }
        clock.advance(Duration.ofSeconds(30));
        guesser.send(new Login("10", "MALLORY"));
        assertThat(guesser.next(ErrorReply.class).code()).as("the tenth within the minute").isEqualTo(ErrorCode.BANNED);
        ServerEvent.ClientError logged = events.await(ServerEvent.ClientError.class,
                e -> e.message().contains("refused logins"));
        assertThat(logged.message()).isEqualTo("10 refused logins from this address within a minute: its logins are"
                + " refused for a minute.");

        guesser.send(new Login("11", "honest"));
        ErrorReply locked = guesser.next(ErrorReply.class);
        assertThat(locked.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(locked.re()).isEqualTo("11");
        assertThat(locked.message()).isEqualTo("Too many refused logins from your address. Try again in 60 s.");
        RawClient again = from("127.0.0.20");
        again.send(new Login("1", "honest"));
        assertThat(again.next(ErrorReply.class).message()).as("a new connection does not help").startsWith("Too many");

        RawClient neighbour = from("127.0.0.21");
        neighbour.send(new Login("1", "neighbour"));
        assertThat(neighbour.next(LoginOk.class).name()).as("other addresses are not affected").isEqualTo("neighbour");

        clock.advance(Duration.ofSeconds(45));
        guesser.send(new Login("12", "honest"));
        assertThat(guesser.next(ErrorReply.class).message()).endsWith("Try again in 15 s.");
        clock.advance(Duration.ofSeconds(15));
        guesser.send(new Login("13", "honest"));
        assertThat(guesser.next(LoginOk.class).name()).isEqualTo("honest");
    }

    @Test
    void refusalsSpreadOverMoreThanAMinuteDoNotLock() throws Exception {
        RawClient typo = from("127.0.0.22");
        for (int i = 0; i < 2 * LoginFailures.MAX_FAILURES; i++) {
            typo.send(new Login(String.valueOf(i), "two words"));
            ErrorReply reply = typo.next(ErrorReply.class);
            assertThat(reply.code()).as(i + ": " + reply.message()).isEqualTo(ErrorCode.INVALID_NAME);
            clock.advance(Duration.ofSeconds(7));
        }
        typo.send(new Login("ok", "twowords"));
        assertThat(typo.next(LoginOk.class).name()).isEqualTo("twowords");
    }
}
