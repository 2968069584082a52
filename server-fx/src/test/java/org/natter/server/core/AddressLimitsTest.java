package org.natter.server.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.natter.common.model.LeaveReason;
import org.natter.common.model.ServerEvent;
import org.natter.common.protocol.ErrorCode;
import org.natter.common.protocol.ErrorReply;
import org.natter.common.protocol.Left;
import org.natter.common.protocol.Login;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.Ping;
import org.natter.common.protocol.Pong;
import org.natter.common.protocol.Welcome;
import org.natter.server.core.moderation.AddressLimits;

/** Limits per address and flood escalation, over loopback from several 127.x.y.z addresses. */
class AddressLimitsTest {

    private final EventRecorder events = new EventRecorder();
    private final List<RawClient> clients = new ArrayList<>();
    private ChatServer server;
    private int port;

    @AfterEach
    void tearDown() throws IOException {
        for (RawClient client : clients) {
            client.close();
        }
        server.close();
    }

    private void start(ServerSettings settings) {
        server = new ChatServer(settings);
        server.addListener(events);
        port = server.start(0);
    }

    private RawClient from(String address) throws IOException {
        RawClient client = RawClient.from(address, port);
        clients.add(client);
        return client;
    }

    private static AddressLimits limits(int open, int perWindow, int floodRefusals) {
        return new AddressLimits(open, perWindow, Duration.ofSeconds(10), floodRefusals, Duration.ofSeconds(10));
    }

    @Test
    void oneAddressGetsItsShareOfConnectionsAndOthersAreNotTouched() throws IOException {
        start(ServerSettings.builder().addressLimits(limits(2, 100, 50)).build());
        from("127.0.0.2").next(Welcome.class);
        RawClient second = from("127.0.0.2");
        second.next(Welcome.class);
        RawClient third = from("127.0.0.2");
        ErrorReply refused = third.next(ErrorReply.class);
        assertThat(refused.code()).isEqualTo(ErrorCode.TOO_MANY_CONNECTIONS);
        assertThat(refused.message()).contains("at most 2 at once");
        assertThat(third.closedByServer()).isTrue();
        assertThat(from("127.0.0.3").next()).as("another machine").isInstanceOf(Welcome.class);

        second.close();
        Object answer;
        long deadline = System.nanoTime() + RawClient.WAIT.toNanos();
        do {
            // The close reaches the server a moment later; until then the address still has two.
            answer = from("127.0.0.2").next();
        } while (!(answer instanceof Welcome) && System.nanoTime() < deadline);
        assertThat(answer).as("a place is free again once one closed").isInstanceOf(Welcome.class);
    }

    @Test
    void tooManyNewConnectionsInAShortTimeAreRefusedEvenIfClosed() throws IOException {
        start(ServerSettings.builder().addressLimits(limits(100, 3, 50)).build());
        for (int i = 0; i < 3; i++) {
            RawClient client = from("127.0.0.4");
            client.next(Welcome.class);
            client.close();
        }
        ErrorReply refused = from("127.0.0.4").next(ErrorReply.class);
        assertThat(refused.code()).isEqualTo(ErrorCode.TOO_MANY_CONNECTIONS);
        assertThat(refused.message()).contains("at most 3 in 10 s");
    }

    @Test
    void aFloodEndsInADisconnectThatOthersSeeAndTheLogNamesOnce() throws Exception {
        start(ServerSettings.builder().rateBurst(2).ratePerSecond(0.1).addressLimits(limits(8, 20, 5)).build());
        RawClient watcher = from("127.0.0.5");
        watcher.next(Welcome.class);
        watcher.send(new Login(null, "watcher"));
        watcher.next(LoginOk.class);
        RawClient flooder = from("127.0.0.6");
        flooder.next(Welcome.class);
        flooder.send(new Login(null, "flooder"));
        flooder.next(LoginOk.class);
        for (int i = 0; i < 40; i++) {
            try {
                flooder.send(new Ping("p" + i));
            } catch (IOException closed) {
                break;
            }
        }
        assertThat(flooder.closedByServer()).isTrue();
        Left left = watcher.next(Left.class);
        assertThat(left.name()).isEqualTo("flooder");
        assertThat(left.reason()).isEqualTo(LeaveReason.LOST);
        assertThat(left.detail()).isEqualTo("flooding");
        events.await(ServerEvent.UserLeft.class, e -> e.user().name().equals("flooder"));
        assertThat(events.seen()).filteredOn(e -> e instanceof ServerEvent.ClientError c
                && c.message().startsWith("Disconnected for flooding")).hasSize(1);
    }

    @Test
    void emptyLinesAndUnaskedPongsCountTowardsTheLimit() throws IOException {
        start(ServerSettings.builder().rateBurst(3).ratePerSecond(0.1).addressLimits(limits(8, 20, 50)).build());
        RawClient client = from("127.0.0.7");
        client.next(Welcome.class);
        client.sendRaw("\n\n{\"type\":\"pong\"}\n{\"type\":\"ping\",\"id\":\"after\"}\n");
        ErrorReply limited = client.next(ErrorReply.class);
        assertThat(limited.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(limited.re()).isEqualTo("after");
    }
}
