package org.natter.server.ui;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.natter.common.fx.Messages;
import org.natter.common.fx.UiTheme;
import org.natter.common.model.ChatMessage;
import org.natter.common.model.ConnectedUser;
import org.natter.common.model.PendingHost;
import org.natter.common.model.ServerEvent;
import org.natter.common.model.ServerState;
import org.natter.server.core.ChatServer;
import org.natter.server.core.ServerSettings;
import org.natter.server.ui.settings.AdminPreferences;

/**
 * Load check for the admin window (not a unit test): the real window, shown (headless unless told otherwise),
 * fed 200 connected users and 1,000 messages per second from four producer threads, as Netty threads would
 * call the listener, plus a little connection churn. Every second it prints what it offered, how many batches
 * reached the FX thread, the largest queue, how late a probe on the FX thread ran, and the heap after a GC.
 *
 * <p>Arguments: {@code [seconds=30] [messagesPerSecond=1000] [users=200]}. See docs/ADMIN-WINDOW.md for the command.
 */
public final class AdminViewModelBenchmark {

    private static final int PRODUCERS = 4;

    private AdminViewModelBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        int userCount = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        if (System.getProperty("glass.platform") == null && !Boolean.getBoolean("benchmark.display")) {
            System.setProperty("glass.platform", "Monocle");
            System.setProperty("monocle.platform", "Headless");
            System.setProperty("prism.order", "sw");
        }

        ChatServer server = new ChatServer(ServerSettings.defaults().withPort(0).toBuilder()
                .addressLimits(org.natter.server.core.moderation.AddressLimits.generous()).build());
        ExecutorService background = Executors.newCachedThreadPool();
        Path dataDir = Files.createTempDirectory("natter-benchmark");
        CountDownLatch shown = new CountDownLatch(1);
        AdminViewModel[] holder = new AdminViewModel[1];
        Platform.startup(() -> {
            Messages messages = Messages.load(AdminWindow.BUNDLE);
            holder[0] = new AdminViewModel(server, new AdminPreferences("Bench", "", UiTheme.LIGHT), dataDir,
                    Platform::runLater, background, Clock.systemUTC(), ZoneId.systemDefault(), messages);
            AdminWindow.show(new Stage(), holder[0], messages, ZoneId.systemDefault(), dataDir);
            shown.countDown();
        });
        shown.await(30, TimeUnit.SECONDS);
        AdminViewModel viewModel = holder[0];
        EventPump pump = viewModel.pump();

        Instant now = Instant.now();
        pump.stateChanged(ServerState.RUNNING);
        pump.onEvent(new ServerEvent.Started(now, 8020));
        ConnectedUser[] users = new ConnectedUser[userCount];
        AtomicLongArray sent = new AtomicLongArray(userCount);
        for (int i = 0; i < userCount; i++) {
            users[i] = new ConnectedUser(i, "user" + i, "10.0." + i / 250 + "." + i % 250 + ":5" + i, now, 0);
            pump.onEvent(new ServerEvent.UserJoined(now, users[i]));
        }

        AtomicLong offered = new AtomicLong();
        AtomicLong messageIds = new AtomicLong();
        ScheduledExecutorService producers = Executors.newScheduledThreadPool(PRODUCERS);
        long periodMicros = 1_000_000L * PRODUCERS / rate;
        for (int p = 0; p < PRODUCERS; p++) {
            producers.scheduleAtFixedRate(() -> {
                int u = ThreadLocalRandom.current().nextInt(userCount);
                long count = sent.incrementAndGet(u);
                Instant at = Instant.now();
                pump.onEvent(new ServerEvent.MessageSent(at, users[u].withMessagesSent(count),
                        new ChatMessage(messageIds.incrementAndGet(), users[u].name(), "message number " + count, at)));
                offered.incrementAndGet();
            }, 0, periodMicros, TimeUnit.MICROSECONDS);
        }
        AtomicLong churnIds = new AtomicLong(1_000_000);
        producers.scheduleAtFixedRate(() -> {
            long id = churnIds.incrementAndGet();
            Instant at = Instant.now();
            pump.onEvent(new ServerEvent.HostPending(at, new PendingHost(id, "192.168.1.50:" + (id % 60_000), at)));
            pump.onEvent(new ServerEvent.HostClosed(at, id - 5, "192.168.1.50:" + ((id - 5) % 60_000), "timed out"));
        }, 0, 100, TimeUnit.MILLISECONDS);

        System.out.printf(Locale.ROOT, "%5s %10s %9s %8s %9s %12s %9s %9s%n",
                "t(s)", "offered/s", "drains/s", "maxQueue", "logLines", "fxLate max", "users", "heap MB");
        long lastOffered = 0;
        long lastDrains = pump.drains();
        long worstLate = 0;
        long heapMax = 0;
        for (int t = 1; t <= seconds; t++) {
            long lateMax = 0;
            // Ten probes a second: how long a runnable posted now waits for the FX thread.
            for (int i = 0; i < 10; i++) {
                long posted = System.nanoTime();
                CountDownLatch ran = new CountDownLatch(1);
                long[] late = new long[1];
                Platform.runLater(() -> {
                    late[0] = System.nanoTime() - posted;
                    ran.countDown();
                });
                if (!ran.await(5, TimeUnit.SECONDS)) {
                    late[0] = TimeUnit.SECONDS.toNanos(5);
                }
                lateMax = Math.max(lateMax, late[0]);
                TimeUnit.MILLISECONDS.sleep(Math.max(0, 100 - TimeUnit.NANOSECONDS.toMillis(late[0])));
            }
            System.gc();
            long heap = heapAfterLastGc() / (1024 * 1024);
            long o = offered.get();
            long d = pump.drains();
            int[] sizes = new int[2];
            CountDownLatch read = new CountDownLatch(1);
            Platform.runLater(() -> {
                sizes[0] = viewModel.log().lines().size();
                sizes[1] = viewModel.users().users().size();
                read.countDown();
            });
            read.await(5, TimeUnit.SECONDS);
            System.out.printf(Locale.ROOT, "%5d %10d %9d %8d %9d %10.1fms %9d %9d%n",
                    t, o - lastOffered, d - lastDrains, pump.maxQueued(), sizes[0],
                    lateMax / 1e6, sizes[1], heap);
            lastOffered = o;
            lastDrains = d;
            // The first seconds include showing the window and 200 logins; the steady state is what matters.
            if (t > 5) {
                worstLate = Math.max(worstLate, lateMax);
                heapMax = Math.max(heapMax, heap);
            }
        }
        producers.shutdownNow();
        System.out.printf(Locale.ROOT, "summary: %d messages offered in %d s, largest queue %d events, "
                        + "after the first 5 s: FX thread at most %.1f ms late, heap after GC at most %d MB%n",
                offered.get(), seconds, pump.maxQueued(), worstLate / 1e6, heapMax);
        Platform.exit();
        background.shutdownNow();
        server.close();
    }

    /** What the heap held right after the last collection: live data, without what was allocated since. */
    private static long heapAfterLastGc() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
                used += pool.getCollectionUsage().getUsed();
            }
        }
        return used;
    }
}
