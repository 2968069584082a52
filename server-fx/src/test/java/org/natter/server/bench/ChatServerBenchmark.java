package org.natter.server.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.natter.common.protocol.FrameCodec;
import org.natter.common.protocol.Login;
import org.natter.common.protocol.Message;
import org.natter.common.protocol.ProtocolException;
import org.natter.common.protocol.Say;
import org.natter.server.core.ChatServer;
import org.natter.server.core.ServerSettings;

/**
 * Load benchmark of the server core over loopback: USERS clients log in, and RATE messages per second are sent
 * for SECONDS, each delivered to every user. Prints deliveries per second, delivery latency and server heap.
 *
 * <pre>./mvnw -q -pl common,server-fx -am test-compile exec:java@server-benchmark -Dbench.args="200 1000 10"</pre>
 */
public final class ChatServerBenchmark {

    private static final long[] LATENCY_BUCKETS_MICROS = {100, 250, 500, 1_000, 2_500, 5_000, 10_000, 25_000, 50_000,
        100_000, 250_000, 500_000, 1_000_000, Long.MAX_VALUE};

    private static final int SAMPLE_EVERY = 50;

    private ChatServerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        // A fourth argument "sqlite" keeps history in a SQLite file (as the real server does) instead of memory.
        boolean sqlite = args.length > 3 && args[3].equals("sqlite");
        ServerSettings settings = ServerSettings.defaults()
                .withLimits(users + 10, users + 10, 1_000_000, 1_000_000, 64 << 20)
                .withTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(60), Duration.ofSeconds(180))
                .toBuilder().addressLimits(org.natter.server.core.moderation.AddressLimits.generous()).build();
        try (ChatServer server = sqlite
                ? new ChatServer(settings, org.natter.server.store.SqliteMessageStore.open(
                        java.nio.file.Files.createTempDirectory("natter-bench"), org.natter.server.store.Retention.forever()))
                : new ChatServer(settings)) {
            int port = server.start(0);
            long expected = (long) rate * seconds * users + (long) users * (users - 1) / 2;
            AtomicLong delivered = new AtomicLong();
            AtomicLongArray latency = new AtomicLongArray(LATENCY_BUCKETS_MICROS.length);
            CountDownLatch allReceived = new CountDownLatch(users);
            List<Socket> sockets = new ArrayList<>();
            List<OutputStream> outputs = new ArrayList<>();
            for (int i = 0; i < users; i++) {
                Socket socket = new Socket();
                socket.connect(new InetSocketAddress("127.0.0.1", port));
                sockets.add(socket);
                outputs.add(socket.getOutputStream());
                socket.getOutputStream().write(FrameCodec.encodeLine(new Login(null, "user" + i)));
                // Logins one at a time, so user i then sees exactly one "joined" for each later user.
                skipLines(socket.getInputStream(), 2);
                long linesExpected = (users - 1 - i) + (long) rate * seconds;
                Thread reader = new Thread(() -> receive(socket, linesExpected, delivered, latency, allReceived),
                        "bench-reader-" + i);
                reader.setDaemon(true);
                reader.start();
            }
            while (server.users().size() < users) {
                Thread.onSpinWait();
            }
            System.out.printf("%d users logged in; sending %d messages/s for %d s (%,d frames expected, joins included)%n",
                    users, rate, seconds, expected);
            ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor();
            AtomicLong sent = new AtomicLong();
            long total = (long) rate * seconds;
            long started = System.nanoTime();
            // Ten batches a second keep the rate even without a timer per message.
            sender.scheduleAtFixedRate(() -> {
                for (int i = 0; i < rate / 10 && sent.get() < total; i++) {
                    long n = sent.getAndIncrement();
                    OutputStream out = outputs.get((int) (n % users));
                    try {
                        out.write(FrameCodec.encodeLine(new Say(null, "t=" + System.nanoTime())));
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }, 0, 100, TimeUnit.MILLISECONDS);
            boolean complete = allReceived.await(seconds + 60L, TimeUnit.SECONDS);
            double elapsed = (System.nanoTime() - started) / 1e9;
            sender.shutdownNow();
            System.out.printf("users still connected: %d of %d%n", server.users().size(), users);
            System.gc();
            Runtime rt = Runtime.getRuntime();
            System.out.printf("%s: %,d of %,d frames delivered in %.1f s = %,.0f deliveries/s%n",
                    complete ? "complete" : "INCOMPLETE", delivered.get(), expected, elapsed, delivered.get() / elapsed);
            System.out.printf("delivery latency: p50 <= %s, p99 <= %s, max bucket %s%n",
                    percentile(latency, 0.50), percentile(latency, 0.99), percentile(latency, 1.0));
            System.out.printf("heap after GC (benchmark clients included): %,d MiB%n",
                    (rt.totalMemory() - rt.freeMemory()) >> 20);
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    /**
     * Counts every delivered line but decodes only one in {@value #SAMPLE_EVERY} for its latency, so the
     * benchmark's own clients, which share the machine with the server, stay cheap.
     */
    private static void receive(Socket socket, long expected, AtomicLong delivered, AtomicLongArray latency,
                                CountDownLatch done) {
        try {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[64 * 1024];
            ByteArrayOutputStream sample = new ByteArrayOutputStream();
            long lines = 0;
            boolean sampling = false;
            int read;
            while (lines < expected && (read = in.read(buffer)) > 0) {
                for (int i = 0; i < read; i++) {
                    if (sampling) {
                        sample.write(buffer[i]);
                    }
                    if (buffer[i] == '\n') {
                        lines++;
                        if (sampling) {
                            recordLatency(sample.toString(StandardCharsets.UTF_8).strip(), latency);
                            sample.reset();
                        }
                        sampling = lines % SAMPLE_EVERY == 0;
                    }
                }
            }
            delivered.addAndGet(lines);
            done.countDown();
        } catch (IOException e) {
            // The socket closes at the end of the run.
        }
    }

    /** Reads past welcome and login_ok byte by byte, so nothing meant for the reader thread is buffered here. */
    private static void skipLines(InputStream in, int count) throws IOException {
        int seen = 0;
        while (seen < count) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("The server closed the connection during login");
            }
            if (b == '\n') {
                seen++;
            }
        }
    }

    private static void recordLatency(String line, AtomicLongArray latency) {
        try {
            if (FrameCodec.decodeServerFrame(line) instanceof Message message && message.text().startsWith("t=")) {
                long micros = (System.nanoTime() - Long.parseLong(message.text().substring(2))) / 1_000;
                int bucket = 0;
                while (micros > LATENCY_BUCKETS_MICROS[bucket]) {
                    bucket++;
                }
                latency.incrementAndGet(bucket);
            }
        } catch (ProtocolException e) {
            throw new IllegalStateException("The server sent a bad frame: " + line, e);
        }
    }

    private static String percentile(AtomicLongArray buckets, double fraction) {
        long total = 0;
        for (int i = 0; i < buckets.length(); i++) {
            total += buckets.get(i);
        }
        long wanted = (long) Math.ceil(total * fraction);
        long seen = 0;
        for (int i = 0; i < buckets.length(); i++) {
            seen += buckets.get(i);
            if (seen >= wanted && buckets.get(i) > 0 || seen >= wanted && fraction < 1.0) {
                long bound = LATENCY_BUCKETS_MICROS[i];
                return bound == Long.MAX_VALUE ? "> 1 s" : bound >= 1_000 ? bound / 1_000 + " ms" : bound + " µs";
            }
        }
        return "n/a";
    }
}
