package org.natter.client.ui.chat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.prefs.Preferences;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.natter.client.net.ConnectionState;
import org.natter.client.prefs.ClientPreferences;
import org.natter.client.ui.Styles;
import org.natter.client.ui.ThemeSwitch;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.Message;

/**
 * Fires a burst of messages at a shown chat window from a network-like thread, and measures how the FX thread copes:
 * how many list updates the burst took, the longest gap between two frames, and how long until the last message
 * was in the list. Not a test; run it by hand (headless with the Monocle flags, or on a display):
 *
 * <pre>
 * ./mvnw -q -pl client-fx -am test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw \
 *      -cp client-fx/target/classes:client-fx/target/test-classes:$(cat /tmp/cp.txt) \
 *      org.natter.client.ui.chat.ChatViewModelBenchmark [COUNT]
 * </pre>
 */
public final class ChatViewModelBenchmark {

    private ChatViewModelBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Preferences node = Preferences.userRoot().node("natter-benchmark-" + UUID.randomUUID());
        CountDownLatch shown = new CountDownLatch(1);
        ChatViewModel[] holder = new ChatViewModel[1];
        AtomicInteger batches = new AtomicInteger();
        AtomicLong lastArrival = new AtomicLong();
        FrameGaps gaps = new FrameGaps();
        Platform.startup(() -> {
            ChatViewModel viewModel = new ChatViewModel(new FakeCommands(), Platform::runLater, "bench:8020",
                    ChatViewModel.DEFAULT_MAX_ENTRIES);
            viewModel.entries().addListener((ListChangeListener<ChatEntry>) change -> {
                batches.incrementAndGet();
                List<? extends ChatEntry> list = change.getList();
                // The burst is in when its last message is the newest line.
                if (!list.isEmpty() && list.get(list.size() - 1).text().equals(lastText(count))) {
                    lastArrival.set(System.nanoTime());
                }
            });
            Stage stage = new Stage();
            Scene scene = new Scene(ChatView.load(viewModel, new ThemeSwitch(new ClientPreferences(node)), url -> { }), 900, 600);
            scene.getStylesheets().add(ChatViewModelBenchmark.class.getResource(Styles.STYLESHEET).toExternalForm());
            stage.setScene(scene);
            stage.show();
            viewModel.feed().onStateChanged(ConnectionState.LOGGED_IN);
            viewModel.feed().onLoggedIn(new LoginOk("c1", "anna", 1, "You are user number 1.", List.of("anna"), null), false);
            holder[0] = viewModel;
            gaps.start();
            shown.countDown();
        });
        shown.await(30, TimeUnit.SECONDS);
        TimeUnit.MILLISECONDS.sleep(500);

        ChatViewModel viewModel = holder[0];
        for (String round : List.of("cold (first burst, JIT not warmed up)", "warm (second burst)")) {
            batches.set(0);
            lastArrival.set(0);
            gaps.reset();
            TimeUnit.MILLISECONDS.sleep(300);
            burst(viewModel, count, round, batches, lastArrival, gaps);
        }
        node.removeNode();
        Platform.exit();
    }

    private static void burst(ChatViewModel viewModel, int count, String round, AtomicInteger batches, AtomicLong lastArrival, FrameGaps gaps) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            viewModel.feed().onMessage(new Message(i, "user" + (i % 50),
                    i == count - 1 ? lastText(count) : "Message number " + i + " of the burst", Instant.now(), null));
        }
        long offered = System.nanoTime();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (lastArrival.get() == 0 && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
        TimeUnit.MILLISECONDS.sleep(300);
        CountDownLatch read = new CountDownLatch(1);
        int[] listSize = new int[1];
        Platform.runLater(() -> {
            listSize[0] = viewModel.entries().size();
            read.countDown();
        });
        read.await(10, TimeUnit.SECONDS);
        Runtime runtime = Runtime.getRuntime();
        System.out.println("== " + round);
        System.out.printf(Locale.ROOT, "messages offered:            %,d in %.1f ms (network-side thread)%n", count, ms(offered - start));
        System.out.printf(Locale.ROOT, "all in the list after:       %.1f ms%n", ms(lastArrival.get() - start));
        System.out.printf(Locale.ROOT, "list changes (batches):      %d%n", batches.get());
        System.out.printf(Locale.ROOT, "entries kept (cap):          %,d%n", listSize[0]);
        System.out.printf(Locale.ROOT, "frames, burst + 0.3 s after: %d%n", gaps.frames());
        System.out.printf(Locale.ROOT, "longest gap between frames:  %.1f ms%n", ms(gaps.longest()));
        System.out.printf(Locale.ROOT, "heap used after:             %.1f MB%n", (runtime.totalMemory() - runtime.freeMemory()) / 1e6);
    }

    private static String lastText(int count) {
        return "Message number " + (count - 1) + " of the burst";
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** Counts frames and the longest time between two of them; runs on the FX thread. */
    private static final class FrameGaps extends AnimationTimer {
        private volatile long previous;
        private volatile long longest;
        private volatile int frames;

        @Override
        public void handle(long now) {
            if (previous != 0) {
                longest = Math.max(longest, now - previous);
            }
            previous = now;
            frames++;
        }

        void reset() {
            Platform.runLater(() -> {
                previous = 0;
                longest = 0;
                frames = 0;
            });
        }

        long longest() {
            return longest;
        }

        int frames() {
            return frames;
        }
    }
}
