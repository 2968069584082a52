package org.natter.server.core.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The flood watch and the address limiter with time moved by hand. */
class FloodWatchTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void aFloodIsTheLimitOfRefusalsWithinTheWindow() {
        FloodWatch watch = new FloodWatch(3, Duration.ofSeconds(10));
        assertThat(watch.refused(0)).isFalse();
        assertThat(watch.refused(SECOND)).isFalse();
        assertThat(watch.refused(11 * SECOND)).as("the first is out of the window").isFalse();
        assertThat(watch.refused(12 * SECOND)).isFalse();
        assertThat(watch.refused(13 * SECOND)).as("three within 10 s").isTrue();
    }

    @Test
    void theLimiterCountsOpenAndRecentConnectionsPerAddress() throws Exception {
        AddressLimiter limiter = new AddressLimiter();
        AddressLimits limits = new AddressLimits(2, 3, Duration.ofSeconds(10), 50, Duration.ofSeconds(10));
        InetAddress a = InetAddress.getByName("127.0.0.2");
        InetAddress b = InetAddress.getByName("127.0.0.3");
        assertThat(limiter.admit(a, limits, 0)).isNull();
        assertThat(limiter.admit(a, limits, 0)).isNull();
        assertThat(limiter.admit(a, limits, 0)).contains("at once");
        assertThat(limiter.admit(b, limits, 0)).isNull();
        limiter.release(a);
        assertThat(limiter.admit(a, limits, SECOND)).isNull();
        limiter.release(a);
        assertThat(limiter.admit(a, limits, 2 * SECOND)).as("a fourth new one within 10 s").contains("in 10 s");
        assertThat(limiter.admit(a, limits, 11 * SECOND)).as("the first two have left the window").isNull();
        assertThat(limiter.open(a)).isEqualTo(2);
    }
}
