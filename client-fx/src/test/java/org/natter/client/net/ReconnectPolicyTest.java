package org.natter.client.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.natter.client.net.ConnectionFailure.Kind;
import org.natter.client.net.ReconnectPolicy.GiveUp;
import org.natter.client.net.ReconnectPolicy.Retry;

/** The backoff and the give-up rules, on a fake clock and a fake random source. */
class ReconnectPolicyTest {

    private static final ConnectionSettings SETTINGS = ConnectionSettings.defaults()
            .withBackoff(Duration.ofMillis(100), Duration.ofMillis(1_000), 0)
            .withServerIdleTimeout(Duration.ofSeconds(90));
    private static final ConnectionFailure UNREACHABLE = new ConnectionFailure(Kind.UNREACHABLE, "refused");
    private static final ConnectionFailure NAME_TAKEN = new ConnectionFailure(Kind.NAME_TAKEN, "The name is taken.");

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private double random = 0.5;

    private ReconnectPolicy policy(ConnectionSettings settings) {
        return new ReconnectPolicy(settings, clock::get, () -> random);
    }

    private void advance(Duration duration) {
        clock.addAndGet(duration.toNanos());
    }

    @Test
    void delaysDoubleFromTheFirstUpToTheCap() {
        ReconnectPolicy policy = policy(SETTINGS);

        assertThat(policy.backoff(1)).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.backoff(2)).isEqualTo(Duration.ofMillis(200));
        assertThat(policy.backoff(4)).isEqualTo(Duration.ofMillis(800));
        assertThat(policy.backoff(5)).isEqualTo(Duration.ofMillis(1_000));
        assertThat(policy.backoff(500)).isEqualTo(Duration.ofMillis(1_000));
    }

    @Test
    void jitterVariesEachDelayByUpToItsFractionEitherWay() {
        ReconnectPolicy policy = policy(SETTINGS.withJitter(0.3));

        random = 0.0;
        assertThat(policy.backoff(3)).isEqualTo(Duration.ofMillis(280));
        random = 0.999_999;
        assertThat(policy.backoff(3)).isEqualTo(Duration.ofMillis(520));
        random = 0.5;
        assertThat(policy.backoff(3)).isEqualTo(Duration.ofMillis(400));
    }

    @Test
    void firstAttemptFollowsTheDropAfterTheFirstDelay() {
        assertThat(policy(SETTINGS).afterDrop()).isEqualTo(new Retry(1, Duration.ofMillis(100)));
    }

    @Test
    void unreachableServerIsRetriedWithGrowingDelaysForeverByDefault() {
        ReconnectPolicy policy = policy(SETTINGS);
        long dropped = policy.now();

        assertThat(policy.afterFailure(1, dropped, UNREACHABLE)).isEqualTo(new Retry(2, Duration.ofMillis(200)));
        advance(Duration.ofHours(5));
        assertThat(policy.afterFailure(1_000, dropped, UNREACHABLE)).isEqualTo(new Retry(1_001, Duration.ofMillis(1_000)));
    }

    @Test
    void givesUpAfterTheMaximumAttempts() {
        ReconnectPolicy policy = policy(SETTINGS.withBackoff(Duration.ofMillis(100), Duration.ofMillis(1_000), 3));
        long dropped = policy.now();

        assertThat(policy.afterFailure(2, dropped, UNREACHABLE)).isEqualTo(new Retry(3, Duration.ofMillis(400)));
        assertThat(policy.afterFailure(3, dropped, UNREACHABLE))
                .isEqualTo(new GiveUp(DisconnectReason.LOST, "Gave up reconnecting after 3 attempts."));
    }

    @Test
    void nameTakenIsRetriedWhileTheServerMayStillHoldTheOldSession() {
        ReconnectPolicy policy = policy(SETTINGS);
        long dropped = policy.now();

        advance(Duration.ofSeconds(10));
        assertThat(policy.afterFailure(1, dropped, NAME_TAKEN)).isEqualTo(new Retry(2, Duration.ofMillis(200)));
        advance(Duration.ofSeconds(79));
        assertThat(policy.afterFailure(20, dropped, NAME_TAKEN)).isInstanceOf(Retry.class);
    }

    @Test
    void lastTryForATakenNameComesJustAfterTheIdleTimeoutRatherThanAWholeBackoffLater() {
        ReconnectPolicy policy = policy(SETTINGS.withBackoff(Duration.ofMillis(100), Duration.ofSeconds(30), 0));
        long dropped = policy.now();

        advance(Duration.ofSeconds(85));

        assertThat(policy.afterFailure(9, dropped, NAME_TAKEN))
                .isEqualTo(new Retry(10, Duration.ofSeconds(5).plusMillis(100)));
    }

    @Test
    void nameStillTakenAfterTheIdleTimeoutGivesUp() {
        ReconnectPolicy policy = policy(SETTINGS);
        long dropped = policy.now();

        advance(Duration.ofSeconds(90));

        assertThat(policy.afterFailure(30, dropped, NAME_TAKEN))
                .isEqualTo(new GiveUp(DisconnectReason.NAME_TAKEN, "The name is taken."));
    }

    @Test
    void invalidNameGivesUpAtOnce() {
        ReconnectPolicy policy = policy(SETTINGS);

        assertThat(policy.afterFailure(1, policy.now(), new ConnectionFailure(Kind.INVALID_NAME, "bad")))
                .isEqualTo(new GiveUp(DisconnectReason.NAME_TAKEN, "bad"));
    }
}
