package org.natter.common.fx;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FxBatcherTest {

    private final List<Runnable> scheduled = new ArrayList<>();
    private final List<List<Integer>> batches = new ArrayList<>();

    @Test
    void aBurstNeedsOneScheduledDrainAndArrivesAsOneBatchInOrder() {
        FxBatcher<Integer> batcher = new FxBatcher<>(scheduled::add, batches::add);
        for (int i = 0; i < 1_000; i++) {
            batcher.offer(i);
        }

        assertThat(scheduled).hasSize(1);
        assertThat(batcher.maxQueued()).isEqualTo(1_000);
        scheduled.remove(0).run();

        assertThat(batches).hasSize(1);
        assertThat(batches.get(0)).hasSize(1_000).startsWith(0, 1).endsWith(998, 999);
        assertThat(scheduled).isEmpty();
        assertThat(batcher.drains()).isEqualTo(1);
    }

    @Test
    void aDrainTakesAtMostMaxBatchAndSchedulesItselfForTheRest() {
        FxBatcher<Integer> batcher = new FxBatcher<>(scheduled::add, 100, batches::add);
        for (int i = 0; i < 250; i++) {
            batcher.offer(i);
        }

        scheduled.remove(0).run();
        assertThat(batches).hasSize(1);
        assertThat(scheduled).hasSize(1);
        scheduled.remove(0).run();
        scheduled.remove(0).run();

        assertThat(batches).extracting(List::size).containsExactly(100, 100, 50);
        assertThat(batches.get(2)).endsWith(249);
        assertThat(scheduled).isEmpty();
    }

    @Test
    void batchesStayInOrderOnADirectExecutor() {
        FxBatcher<Integer> batcher = new FxBatcher<>(Runnable::run, 2, batch -> {
            batches.add(batch);
        });
        for (int i = 0; i < 5; i++) {
            batcher.offer(i);
        }
        assertThat(batches).flatExtracting(batch -> batch).containsExactly(0, 1, 2, 3, 4);
    }

    @Test
    void itemsFromManyThreadsAllArriveAndEachThreadsOrderIsKept() throws Exception {
        ExecutorService ui = Executors.newSingleThreadExecutor();
        List<Integer> received = new ArrayList<>();
        CountDownLatch all = new CountDownLatch(4 * 10_000);
        FxBatcher<Integer> batcher = new FxBatcher<>(ui, 500, batch -> {
            received.addAll(batch);
            batch.forEach(item -> all.countDown());
        });
        ExecutorService producers = Executors.newFixedThreadPool(4);
        for (int p = 0; p < 4; p++) {
            int producer = p;
            producers.execute(() -> {
                for (int i = 0; i < 10_000; i++) {
                    batcher.offer(producer * 100_000 + i);
                }
            });
        }
        try {
            assertThat(all.await(20, TimeUnit.SECONDS)).isTrue();
            List<Integer> copy = ui.submit(() -> List.copyOf(received)).get(10, TimeUnit.SECONDS);
            assertThat(copy).hasSize(40_000);
            for (int p = 0; p < 4; p++) {
                int producer = p;
                assertThat(copy.stream().filter(item -> item / 100_000 == producer).toList()).isSorted();
            }
        } finally {
            producers.shutdownNow();
            ui.shutdownNow();
        }
    }
}
