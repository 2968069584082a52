package org.natter.server.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PasswordThrottleTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void allowsAFewTriesPerMinuteAndSaysHowLongToWait() throws Exception {
        PasswordThrottle throttle = new PasswordThrottle();
        InetAddress guesser = InetAddress.getByName("192.168.1.7");
        for (int i = 0; i < PasswordThrottle.MAX_TRIES; i++) {
            assertThat(throttle.tryAcquire(guesser, i * SECOND)).isZero();
        }
        assertThat(throttle.tryAcquire(guesser, 10 * SECOND)).isEqualTo(Duration.ofSeconds(50));
        assertThat(throttle.tryAcquire(InetAddress.getByName("192.168.1.8"), 10 * SECOND)).isZero();
        assertThat(throttle.tryAcquire(guesser, 60 * SECOND)).isZero();
    }

    @Test
    void aRightPasswordForgetsTheWrongOnes() throws Exception {
        PasswordThrottle throttle = new PasswordThrottle();
        InetAddress user = InetAddress.getByName("10.0.0.1");
        for (int i = 0; i < PasswordThrottle.MAX_TRIES; i++) {
            throttle.tryAcquire(user, 0);
        }
        throttle.succeeded(user);
        assertThat(throttle.tryAcquire(user, SECOND)).isZero();
    }
}
