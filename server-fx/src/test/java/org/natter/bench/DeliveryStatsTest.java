package org.natter.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class DeliveryStatsTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void latenciesRecordedOnSeveralThreadsAreAllInTheHistogram() throws Exception {
        DeliveryStats stats = new DeliveryStats(1_000);
        stats.window(1_000 * MS, 2_000 * MS);
        Thread[] receivers = new Thread[3];
        for (int t = 0; t < receivers.length; t++) {
            long latencyMillis = t + 1;
            receivers[t] = new Thread(() -> {
                for (int i = 0; i < 10_000; i++) {
                    stats.delivered(1_500 * MS, 1_500 * MS + latencyMillis * MS);
                }
            });
            receivers[t].start();
        }
        for (Thread receiver : receivers) {
            receiver.join();
        }

        Histogram all = stats.histogram();
        assertThat(all.getTotalCount()).isEqualTo(30_000);
        assertThat(all.getCountAtValue(1_000)).isEqualTo(10_000);
        assertThat(all.getCountAtValue(3_000)).isEqualTo(10_000);
        assertThat(stats.measuredDeliveries()).isEqualTo(30_000);
    }

    @Test
    void warmUpAndLateDeliveriesAreCountedApartFromTheMeasurement() {
        DeliveryStats stats = new DeliveryStats(1_000);
        stats.window(1_000 * MS, 2_000 * MS);

        stats.delivered(999 * MS, 1_000 * MS);
        stats.delivered(1_100 * MS, 2_200 * MS);
        stats.delivered(1_100 * MS, 1_105 * MS);

        assertThat(stats.warmupDeliveries()).isEqualTo(1);
        assertThat(stats.measuredDeliveries()).isEqualTo(2);
        assertThat(stats.late()).isEqualTo(1);
        assertThat(stats.histogram().getTotalCount()).isEqualTo(2);
        assertThat(stats.histogram().getMaxValue()).isBetween(1_099_000L, 1_101_000L);
    }
}
