package org.natter.server.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.natter.common.model.ChatMessage;
import org.natter.server.store.Retention;
import org.natter.server.store.SqliteMessageStore;

/**
 * How many messages per second the SQLite store commits (target: at least 20,000 on the 2-core build machine).
 * A main class, not a test: run it with
 * {@code ./mvnw -q -pl common,server-fx -am test-compile exec:java@store-benchmark -Dbench.args="200000"}.
 * It appends N room messages of about 100 characters as fast as the queue takes them and reports the rate at which
 * commits arrive, the number of commits (group commit: many messages each) and the file size.
 */
public final class StoreBenchmark {

    private StoreBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        Path dir = Files.createTempDirectory("natter-store-bench");
        String text = "x".repeat(100);
        try (SqliteMessageStore store = SqliteMessageStore.open(dir, Retention.forever())) {
            CountDownLatch done = new CountDownLatch(1);
            AtomicLong commits = new AtomicLong();
            store.onCommitted(id -> {
                commits.incrementAndGet();
                if (id == count) {
                    done.countDown();
                }
            });
            long start = System.nanoTime();
            Instant ts = Instant.now();
            for (long id = 1; id <= count; id++) {
                ChatMessage message = new ChatMessage(id, "user" + (id % 100), text, ts, "room" + (id % 10), null);
                while (!store.append(message)) {
                    Thread.onSpinWait();
                }
            }
            if (!done.await(10, TimeUnit.MINUTES)) {
                throw new IllegalStateException("The store did not commit everything within 10 minutes");
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            System.out.printf("%,d messages committed in %.2f s: %,.0f messages/s, %,d commits, %,d bytes on disk%n",
                    count, took.toMillis() / 1000.0, count * 1e9 / took.toNanos(), commits.get(), store.sizeOnDisk());
        }
    }
}
