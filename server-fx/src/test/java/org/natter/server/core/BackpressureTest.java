package org.natter.server.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.natter.common.model.LeaveReason;
import org.natter.common.model.ServerEvent;
import org.natter.common.protocol.FrameCodec;
import org.natter.common.protocol.Message;
import org.natter.common.protocol.Ping;
import org.natter.common.protocol.Pong;
import org.natter.common.protocol.Say;
import org.natter.common.protocol.Welcome;
import org.natter.server.core.moderation.AddressLimits;
import org.natter.server.core.room.BacklogLimits;
import org.natter.server.core.room.DeliveryBacklog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Overload: a sender far faster than the server can deliver is paused (the server stops reading from it) while
 * the backlog inside the server is past its mark, so that backlog stays bounded; everything the server took is
 * delivered to every reader in order, and a receiver that does not read is still disconnected as too slow.
 */
class BackpressureTest {

    private static final int MESSAGES = 4_000;
    private static final int READERS = 3;
    private static final String PADDING = "p".repeat(2_000);
    private static final BacklogLimits LIMITS = new BacklogLimits(50, 2_000);

    private final EventRecorder events = new EventRecorder();
    private ChatServer server;
    private ExecutorService threads;

    @AfterEach
    void stop() {
        if (threads != null) {
            threads.shutdownNow();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void aFloodIsTakenAtTheRateItCanBeDeliveredAndASlowReaderIsStillDropped() throws Exception {
        server = new ChatServer(ServerSettings.builder().port(0).rateBurst(100_000).ratePerSecond(100_000)
                .maxOutboundBytes(64 * 1024).historyReplay(0).addressLimits(AddressLimits.generous())
                .backlog(LIMITS).build());
        server.addListener(events);
        int port = server.start(0);
        threads = Executors.newCachedThreadPool();
        RawClient flooder = RawClient.loggedIn(port, "flooder", 0);
        RawClient slow = RawClient.loggedIn(port, "slow", 4096);
        List<RawClient> readers = new ArrayList<>();
        for (int i = 0; i < READERS; i++) {
            readers.add(RawClient.loggedIn(port, "reader" + i, 0));
        }
        // Not logged in, so the flood does not reach it; it only checks that the server still answers.
        RawClient pinger = new RawClient(port);
        pinger.next(Welcome.class);
        try {
            List<Future<Integer>> reading = new ArrayList<>();
            for (RawClient reader : readers) {
                reading.add(threads.submit(() -> readAllInOrder(reader)));
            }
            // The sender reads its own copies too: only "slow" stops reading.
            reading.add(threads.submit(() -> readAllInOrder(flooder)));
            Future<?> writing = threads.submit(() -> {
                flood(flooder);
                return null;
            });

            writing.get(60, TimeUnit.SECONDS);
            for (Future<Integer> reader : reading) {
                assertThat(reader.get(60, TimeUnit.SECONDS)).as("messages received, in order").isEqualTo(MESSAGES);
            }
            ServerEvent.UserLeft dropped = events.await(ServerEvent.UserLeft.class, e -> e.user().name().equals("slow"));
            assertThat(dropped.reason()).isEqualTo(LeaveReason.LOST);
            assertThat(dropped.detail()).contains("too slow");

            DeliveryBacklog backlog = server.backlog();
            // Past the mark a paused sender's reading stops and the rest of its last read is held back: the
            // backlog passes the mark by what was already on its way (the count is kept by the sequencer and the
            // store, the pause is decided on the sender's I/O thread; one CI run peaked at 75 for a mark of 50)
            // instead of growing with the flood (about 590 without the pause).
            assertThat(backlog.peakMessages()).as("messages waiting at most")
                    .isLessThanOrEqualTo(LIMITS.maxQueuedMessages() * 2);
            assertThat(backlog.pauses()).as("the sender was paused").isPositive();

            // Nothing is left paused: the sender is served again once the backlog is gone.
            flooder.send(new Ping("after"));
            assertThat(flooder.next(Pong.class).re()).isEqualTo("after");
            pinger.send(new Ping("bystander"));
            assertThat(pinger.next(Pong.class).re()).isEqualTo("bystander");
        } finally {
            slow.close();
            pinger.close();
            flooder.close();
            for (RawClient reader : readers) {
                reader.close();
            }
        }
    }

    @Test
    void deliveriesQueuedOnTheIoThreadsStayBoundedUnderAFloodToManyMembers() throws Exception {
        BacklogLimits limits = new BacklogLimits(100, 300);
        server = new ChatServer(ServerSettings.builder().port(0).rateBurst(100_000).ratePerSecond(100_000)
                .historyReplay(0).addressLimits(AddressLimits.generous()).backlog(limits).build());
        int port = server.start(0);
        threads = Executors.newCachedThreadPool();
        List<RawClient> clients = new ArrayList<>();
        try {
            RawClient flooder = RawClient.loggedIn(port, "flooder", 0);
            clients.add(flooder);
            // Many members and short messages: cheap for the sequencer, much work for the I/O threads.
            for (int i = 0; i < 20; i++) {
                clients.add(RawClient.loggedIn(port, "reader" + i, 0));
            }
            int messages = 20_000;
            String padding = "p".repeat(100);
            List<Future<Integer>> reading = new ArrayList<>();
            for (RawClient client : clients) {
                reading.add(threads.submit(() -> readAllInOrder(client, messages)));
            }
            threads.submit(() -> {
                flood(flooder, messages, padding);
                return null;
            }).get(60, TimeUnit.SECONDS);
            for (Future<Integer> reader : reading) {
                assertThat(reader.get(60, TimeUnit.SECONDS)).as("messages received, in order").isEqualTo(messages);
            }

            DeliveryBacklog backlog = server.backlog();
            // Past the mark the sender's reading stops; the messages already waiting for the sequencer (about
            // their own mark) still go to every member. Seen: up to 1.6 times that share past the mark (the
            // counters move on several threads between two checks), so the bound allows twice; without the pause
            // the peak was 9,791 to 20,089.
            assertThat(backlog.peakDeliveries()).as("deliveries queued at most")
                    .isLessThanOrEqualTo(limits.maxQueuedDeliveries() + 2 * (limits.maxQueuedMessages() + 10L) * clients.size());
            assertThat(backlog.pauses()).as("the sender was paused").isPositive();
        } finally {
            for (RawClient client : clients) {
                client.close();
            }
        }
    }

    /** Writes every message at once in large blocks, as fast as the socket takes them. */
    private static void flood(RawClient flooder) throws IOException {
        flood(flooder, MESSAGES, PADDING);
    }

    private static void flood(RawClient flooder, int messages, String padding) throws IOException {
        StringBuilder block = new StringBuilder();
        for (int i = 0; i < messages; i++) {
            block.append(new String(FrameCodec.encodeLine(new Say(null, i + " " + padding)), StandardCharsets.UTF_8));
            if (block.length() > 256 * 1024 || i == messages - 1) {
                flooder.sendRaw(block.toString());
                block.setLength(0);
            }
        }
    }

    /** Reads the flooder's messages until the last; returns how many came, failing on one out of order. */
    private static int readAllInOrder(RawClient client) throws IOException {
        return readAllInOrder(client, MESSAGES);
    }

    private static int readAllInOrder(RawClient client, int messages) throws IOException {
        int next = 0;
        while (next < messages) {
            Message message = client.next(Message.class);
            if (!message.from().equals("flooder")) {
                continue;
            }
            int number = Integer.parseInt(message.text().substring(0, message.text().indexOf(' ')));
            assertThat(number).as("the next message").isEqualTo(next);
            next++;
        }
        return next;
    }
}
