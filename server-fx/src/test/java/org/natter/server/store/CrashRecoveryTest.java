package org.natter.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.natter.common.model.ChatMessage;
import org.natter.common.protocol.FrameCodec;
import org.natter.common.protocol.Login;
import org.natter.common.protocol.Message;
import org.natter.common.protocol.Say;
import org.natter.common.protocol.ServerFrame;
import org.natter.server.core.MessageStore.Conversation;
import org.natter.server.core.MessageStore.HistoryPage;
import org.natter.server.core.RawClient;

/**
 * A server in a child JVM is killed with {@code destroyForcibly} (SIGKILL) while four senders send 4,000
 * messages/s; after a restart of the store every message whose sender got its acknowledgement is there.
 */
class CrashRecoveryTest {

    private static final Pattern STARTED = Pattern.compile("Server started on port (\\d+)");

    @TempDir
    Path dataDir;

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private Process server;

    @AfterEach
    void tearDown() {
        threads.shutdownNow();
        if (server != null) {
            server.destroyForcibly();
        }
    }

    @Test
    void everyAcknowledgedMessageSurvivesAKill9() throws Exception {
        int port = startChildServer();
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        int senders = 4;
        CountDownLatch enough = new CountDownLatch(senders);
        List<RawClient> clients = new ArrayList<>();
        for (int s = 0; s < senders; s++) {
            RawClient client = new RawClient(port);
            clients.add(client);
            client.next();
            client.send(new Login(null, "sender" + s));
            client.next();
        }
        for (int s = 0; s < senders; s++) {
            RawClient client = clients.get(s);
            String name = "sender" + s;
            threads.submit(() -> readAcknowledgements(client, name, acknowledged, enough));
            threads.submit(() -> sendFast(client));
        }
        // Every sender has had at least 200 acknowledgements: the kill lands in the middle of steady traffic.
        assertThat(enough.await(30, TimeUnit.SECONDS)).isTrue();
        server.destroyForcibly();
        assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        for (RawClient client : clients) {
            client.close();
        }
        Set<Long> acknowledgedAtKill = new HashSet<>(acknowledged);

        Set<Long> stored = new HashSet<>();
        // Opening the store after the kill is the restart: it checks the file and brings it up to date.
        try (SqliteMessageStore store = SqliteMessageStore.open(dataDir, Retention.forever())) {
            long before = Long.MAX_VALUE;
            HistoryPage page;
            do {
                page = store.page(Conversation.room("general"), before, 0, 500).get(30, TimeUnit.SECONDS);
                page.messages().stream().map(ChatMessage::id).forEach(stored::add);
                if (!page.messages().isEmpty()) {
                    before = page.messages().get(0).id();
                }
            } while (!page.complete());
            assertThat(store.lastId()).isGreaterThanOrEqualTo(acknowledgedAtKill.stream().mapToLong(Long::longValue).max().orElse(0));
        }
        assertThat(acknowledgedAtKill).hasSizeGreaterThan(senders * 200);
        assertThat(stored).as("every acknowledged message is stored").containsAll(acknowledgedAtKill);
    }

    private int startChildServer() throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        server = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "org.natter.server.ServerMain", "--headless", "--port", "0", "--data-dir", dataDir.toString(),
                "--rate-burst", "100000", "--rate", "100000",
                // The shipped server refuses plain text; these raw test clients speak it. Tests never announce on
                // the machine's network interfaces.
                "--allow-plain", "--no-announce")
                .redirectErrorStream(true)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            Matcher started = STARTED.matcher(line);
            if (started.find()) {
                int port = Integer.parseInt(started.group(1));
                threads.submit(() -> out.transferTo(Writer.nullWriter()));
                return port;
            }
        }
        throw new AssertionError("The child server ended without starting");
    }

    /**
     * 1,000 messages/s per sender, 4,000 in all: more than the 1,000 messages/s, so that messages are
     * waiting for a commit when the kill comes and an acknowledgement sent before its commit would show as a loss.
     */
    private static Void sendFast(RawClient client) {
        long next = System.nanoTime();
        try {
            for (int m = 0; ; m++) {
                client.send(new Say("m" + m, "message " + m));
                next += TimeUnit.MILLISECONDS.toNanos(1);
                LockSupport.parkNanos(next - System.nanoTime());
            }
        } catch (IOException killed) {
            return null;
        }
    }

    private static Void readAcknowledgements(RawClient client, String name, Set<Long> acknowledged,
                                             CountDownLatch enough) {
        int mine = 0;
        try {
            while (true) {
                ServerFrame frame = client.next();
                if (frame instanceof Message m && m.re() != null && name.equals(m.from())) {
                    acknowledged.add(m.id());
                    if (++mine == 200) {
                        enough.countDown();
                    }
                }
            }
        } catch (AssertionError | IOException killed) {
            return null;
        }
    }

    static {
        // Keeps FrameCodec loaded before the child starts, so the first frames are not slowed by class loading.
        FrameCodec.encode(new Say(null, "warm"));
    }
}
