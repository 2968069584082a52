package org.natter.server.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The flood limit with a clock moved by hand: no waiting, no timing luck. */
class TokenBucketTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void allowsTheBurstAtOnceThenRefusesUntilTimePasses() {
        TokenBucket bucket = new TokenBucket(3, 1.0, 0);
        assertThat(bucket.tryTake(0)).isTrue();
        assertThat(bucket.tryTake(0)).isTrue();
        assertThat(bucket.tryTake(0)).isTrue();
        assertThat(bucket.tryTake(0)).isFalse();
        assertThat(bucket.tryTake(SECOND - 1)).as("not quite one token yet").isFalse();
        assertThat(bucket.tryTake(SECOND)).isTrue();
        assertThat(bucket.tryTake(SECOND)).isFalse();
    }

    @Test
    void refillsAtTheRateButNeverBeyondTheBurst() {
        TokenBucket bucket = new TokenBucket(2, 4.0, 0);
        bucket.tryTake(0);
        bucket.tryTake(0);
        long later = 100 * SECOND;
        int taken = 0;
        while (bucket.tryTake(later)) {
            taken++;
        }
        assertThat(taken).isEqualTo(2);
        assertThat(bucket.tryTake(later + SECOND / 4)).as("a quarter second gives one token at 4/s").isTrue();
        assertThat(bucket.tryTake(later + SECOND / 4)).isFalse();
    }

    @Test
    void aClockThatGoesBackDoesNotAddTokens() {
        TokenBucket bucket = new TokenBucket(1, 1.0, 10 * SECOND);
        assertThat(bucket.tryTake(10 * SECOND)).isTrue();
        assertThat(bucket.tryTake(5 * SECOND)).isFalse();
        assertThat(bucket.tryTake(5 * SECOND + SECOND / 2)).as("time since the last look, not a jump").isFalse();
    }
}
