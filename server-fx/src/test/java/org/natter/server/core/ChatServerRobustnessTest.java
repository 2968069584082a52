package org.natter.server.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.natter.common.model.ConnectedUser;
import org.natter.common.model.LeaveReason;
import org.natter.common.model.ServerEvent;
import org.natter.common.protocol.Announcement;
import org.natter.common.protocol.ErrorCode;
import org.natter.common.protocol.ErrorReply;
import org.natter.common.protocol.Message;
import org.natter.common.protocol.Ping;
import org.natter.common.protocol.Pong;
import org.natter.common.protocol.ProtocolLimits;
import org.natter.common.protocol.Say;
import org.natter.common.protocol.ServerFrame;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Hostile and broken clients: each gets an error or loses its own connection, and nobody else notices. */
class ChatServerRobustnessTest {

    private final EventRecorder events = new EventRecorder();
    private ChatServer server;

    private int start(ServerSettings settings) {
        server = new ChatServer(settings);
        server.addListener(events);
        return server.start(0);
    }

    @AfterEach
    void closeServer() {
        if (server != null) {
            server.close();
        }
    }

    private static void assertStillServed(RawClient client) throws IOException {
        client.send(new Ping("alive"));
        assertThat(client.next(Pong.class).re()).isEqualTo("alive");
    }

    @Test
    void badJsonGetsAnErrorAndTheConnectionStaysUsable() throws IOException {
        int port = start(ServerSettings.defaults());
        try (RawClient client = RawClient.loggedIn(port, "alice", 0); RawClient bystander = RawClient.loggedIn(port, "bob", 0)) {
            String[] broken = {
                "{not json", "[1,2,3]", "\"just a string\"", "{\"type\":5}", "{\"name\":\"x\"}",
                "{\"type\":\"login\"}", "{\"type\":\"say\",\"text\":7}", "{\"type\":\"say\",\"text\":\"a\"} {\"type\":\"ping\"}",
                "{\"type\":\"say\",\"text\":\"a\",}", "{\"type\":\"ping\",\"id\":{\"nested\":true}}", "null"
            };
            for (String line : broken) {
                client.sendRaw(line + "\n");
                ErrorReply error = client.next(ErrorReply.class);
                assertThat(error.code()).as(line).isEqualTo(ErrorCode.BAD_JSON);
                assertThat(error.message()).as(line).isNotBlank().doesNotContain("Exception");
            }
            client.sendRaw(new byte[] {'{', '"', 't', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'});
            assertThat(client.next(ErrorReply.class).code()).isEqualTo(ErrorCode.BAD_JSON);
            assertStillServed(client);
            assertStillServed(bystander);
        }
    }

    @Test
    void unknownTypeIsNamedInTheErrorAndCarriesTheRequestId() throws IOException {
        int port = start(ServerSettings.defaults());
        try (RawClient client = RawClient.loggedIn(port, "alice", 0)) {
            client.sendRaw("{\"type\":\"dance\",\"id\":\"d1\"}\n");
            ErrorReply error = (ErrorReply) client.next();
            assertThat(error.code()).isEqualTo(ErrorCode.UNKNOWN_TYPE);
            assertThat(error.re()).isEqualTo("d1");
            assertThat(error.message()).contains("dance");
            client.sendRaw("{\"type\":\"welcome\",\"server\":\"fake\"}\n");
            assertThat(((ErrorReply) client.next()).code()).as("server-only types are unknown from a client")
                    .isEqualTo(ErrorCode.UNKNOWN_TYPE);
            assertStillServed(client);
        }
    }

    @Test
    void lineOfExactlyTheMaximumIsReadAndOneByteMoreIsRefused() throws IOException {
        int port = start(ServerSettings.defaults());
        try (RawClient client = RawClient.loggedIn(port, "alice", 0)) {
            client.sendRaw(pingLineOf(ProtocolLimits.MAX_FRAME_BYTES, "fits"));
            assertThat(client.next(Pong.class).re()).isEqualTo("fits");

            client.sendRaw(pingLineOf(ProtocolLimits.MAX_FRAME_BYTES + 1, "too-big"));
            ErrorReply error = (ErrorReply) client.next();
            assertThat(error.code()).isEqualTo(ErrorCode.FRAME_TOO_LARGE);
            assertStillServed(client);
        }
    }

    @Test
    void hugeLineIsSkippedWithoutHurtingOthers() throws IOException {
        int port = start(ServerSettings.defaults());
        try (RawClient attacker = RawClient.loggedIn(port, "mallory", 0); RawClient bystander = RawClient.loggedIn(port, "bob", 0)) {
            byte[] megabyte = new byte[1 << 20];
            java.util.Arrays.fill(megabyte, (byte) 'x');
            attacker.sendRaw(megabyte);
            attacker.sendRaw("\n");
            assertThat(attacker.next(ErrorReply.class).code()).isEqualTo(ErrorCode.FRAME_TOO_LARGE);
            bystander.send(new Say("b", "still fine"));
            assertThat(bystander.next(Message.class).text()).isEqualTo("still fine");
            assertStillServed(attacker);
        }
    }

    @Test
    void floodIsLimitedToTheBurstThenRateLimited() throws Exception {
        int port = start(ServerSettings.defaults().withLimits(200, 1000, 5, 0.5, 1 << 20));
        try (RawClient flooder = RawClient.loggedIn(port, "flooder", 0); RawClient bystander = RawClient.loggedIn(port, "bob", 0)) {
            StringBuilder burst = new StringBuilder();
            for (int i = 0; i < 20; i++) {
                burst.append("{\"type\":\"say\",\"id\":\"").append(i).append("\",\"text\":\"spam ").append(i).append("\"}\n");
            }
            flooder.sendRaw(burst.toString());
            int delivered = 0;
            int limited = 0;
            while (delivered + limited < 20) {
                ServerFrame reply = flooder.next();
                if (reply instanceof Message) {
                    delivered++;
                } else if (reply instanceof ErrorReply error) {
                    assertThat(error.code()).isEqualTo(ErrorCode.RATE_LIMITED);
                    limited++;
                }
            }
            // The bucket holds 5, the login took one, and it refills one every 2 s: at most one more can slip in.
            assertThat(delivered).isBetween(4, 5);
            assertThat(limited).isEqualTo(20 - delivered);
            ServerEvent.ClientError reported = events.await(ServerEvent.ClientError.class,
                    e -> e.code().equals(ErrorCode.RATE_LIMITED.name()));
            assertThat(reported.who()).isEqualTo("flooder");
            bystander.send(new Say("b", "I can still talk"));
            assertThat(bystander.next(Message.class).from()).as("the bystander gets the flood's messages first")
                    .isEqualTo(delivered > 0 ? "flooder" : "bob");
        }
    }

    @Test
    void clientThatStopsReadingIsDisconnectedAndOthersGetEverything() throws Exception {
        int port = start(ServerSettings.defaults().withLimits(200, 1000, 20, 5, 64 * 1024));
        RawClient slow = RawClient.loggedIn(port, "slow", 4096);
        try (RawClient reader = RawClient.loggedIn(port, "reader", 0)) {
            String text = "n".repeat(ProtocolLimits.MAX_TEXT_LENGTH - 10);
            int sent = 0;
            // The reader takes each announcement before the next is sent, so only the slow client's queue grows.
            while (sent < 20_000 && server.users().size() == 2) {
                server.announce(text + sent);
                assertThat(reader.next(Announcement.class).text()).isEqualTo(text + sent);
                sent++;
            }
            ServerEvent.UserLeft dropped = events.await(ServerEvent.UserLeft.class, e -> e.user().name().equals("slow"));
            assertThat(dropped.reason()).isEqualTo(LeaveReason.LOST);
            assertThat(dropped.detail()).contains("too slow");
            assertThat(sent).as("the slow client was dropped, not the loop's bound reached").isLessThan(20_000);
            assertThat(server.users()).extracting(ConnectedUser::name).containsExactly("reader");
            assertStillServed(reader);
        } finally {
            slow.close();
        }
    }

    /** A ping line padded with an unknown field to exactly {@code totalBytes}, newline included. */
    private static byte[] pingLineOf(int totalBytes, String id) {
        String head = "{\"type\":\"ping\",\"id\":\"" + id + "\",\"pad\":\"";
        String tail = "\"}\n";
        int padding = totalBytes - head.length() - tail.length();
        byte[] line = (head + "p".repeat(padding) + tail).getBytes(StandardCharsets.UTF_8);
        assertThat(line).hasSize(totalBytes);
        return line;
    }
}
