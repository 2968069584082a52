package org.natter.client.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.natter.client.net.ConnectionFailure.Kind;
import org.natter.client.net.ConnectionPhase.Closed;
import org.natter.client.net.ConnectionPhase.Connected;
import org.natter.client.net.ConnectionPhase.Ended;
import org.natter.client.net.ConnectionPhase.Ending;
import org.natter.client.net.ConnectionPhase.Establishing;
import org.natter.client.net.ConnectionPhase.Idle;
import org.natter.client.net.ConnectionPhase.LoggedIn;
import org.natter.client.net.ConnectionPhase.Reconnecting;
import org.natter.client.net.ReconnectPolicy.Retry;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.Welcome;

/** Every transition of the lifecycle, with fake links and the listener events delivered synchronously. */
class ConnectionLifecycleTest {

    private static final ServerAddress SERVER = new ServerAddress("chat.lan", 8020);
    private static final ConnectionSettings SETTINGS = ConnectionSettings.defaults()
            .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1), 2).withJitter(0);

    private final Recorder recorder = new Recorder();
    private final AtomicLong clock = new AtomicLong();
    private final ListenerDispatch events = new ListenerDispatch(new DirectExecutorService());
    private final ConnectionLifecycle lifecycle = new ConnectionLifecycle(events, new Roster(), new OpenRooms(),
            new ReconnectPolicy(SETTINGS, clock::get, () -> 0.5));
    private final FakeLink first = new FakeLink();

    @BeforeEach
    void listen() {
        events.add(recorder);
    }

    private static LoginOk ok(String name, String... users) {
        return new LoginOk("t1", name, 1, "You are user number 1.", List.of(users), null);
    }

    private void loggedInAsAnna() throws ConnectionFailure {
        lifecycle.beginConnect(SERVER, "anna");
        assertThat(lifecycle.linkOpened(first)).isTrue();
        lifecycle.greeted(first, new Welcome("Natter", 1, ""));
        assertThat(lifecycle.loggedIn(first, ok("anna", "anna", "bob"))).isTrue();
    }

    private List<ConnectionState> states() {
        return recorder.seen(Recorder.StateChanged.class).stream().map(Recorder.StateChanged::state).toList();
    }

    @Test
    void firstConnectGoesThroughConnectingAndConnectedToLoggedIn() throws Exception {
        loggedInAsAnna();

        assertThat(lifecycle.phase()).isEqualTo(new LoggedIn(SERVER, "anna"));
        assertThat(states()).containsExactly(ConnectionState.CONNECTING, ConnectionState.CONNECTED,
                ConnectionState.LOGGED_IN);
        assertThat(recorder.seen(Recorder.LoggedIn.class)).singleElement().satisfies(e -> assertThat(e.again()).isFalse());
        assertThat(recorder.seen(Recorder.UsersChanged.class)).last()
                .satisfies(u -> assertThat(u.users()).containsExactly("anna", "bob"));
        assertThat(lifecycle.loggedInLink()).isSameAs(first);
        assertThat(lifecycle.welcome().server()).isEqualTo("Natter");
    }

    @Test
    void failedFirstConnectGoesBackToIdleWithoutADisconnectEventAndMayBeRepeated() throws Exception {
        lifecycle.beginConnect(SERVER, "anna");
        lifecycle.linkOpened(first);

        lifecycle.connectFailed();

        assertThat(lifecycle.phase()).isEqualTo(new Idle());
        assertThat(recorder.seen(Recorder.Disconnected.class)).isEmpty();
        lifecycle.beginConnect(SERVER, "anna2");
        assertThat(lifecycle.phase()).isEqualTo(new Establishing(SERVER, "anna2", false));
    }

    @Test
    void secondConnectWhileTheFirstRunsIsRefused() throws Exception {
        lifecycle.beginConnect(SERVER, "anna");

        assertThatThrownBy(() -> lifecycle.beginConnect(SERVER, "anna")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void dropWhileLoggedInStartsReconnectingWithTheFirstDelay() throws Exception {
        loggedInAsAnna();
        clock.set(42);

        Optional<Retry> retry = lifecycle.linkEnded(first, "reset");

        assertThat(retry).contains(new Retry(1, Duration.ofMillis(100)));
        assertThat(lifecycle.phase()).isEqualTo(new Reconnecting(SERVER, "anna", 1, 42, Duration.ofMillis(100)));
        assertThat(recorder.seen(Recorder.Lost.class)).containsExactly(new Recorder.Lost("reset"));
        assertThat(recorder.seen(Recorder.UsersChanged.class)).last().isEqualTo(new Recorder.UsersChanged(List.of()));
        assertThat(recorder.seen(Recorder.Reconnecting.class))
                .containsExactly(new Recorder.Reconnecting(1, Duration.ofMillis(100)));
        assertThat(lifecycle.loggedInLink()).isNull();
    }

    @Test
    void endOfALinkThatIsNoLongerCurrentChangesNothing() throws Exception {
        loggedInAsAnna();

        assertThat(lifecycle.linkEnded(new FakeLink(), "old socket")).isEmpty();

        assertThat(lifecycle.phase()).isInstanceOf(LoggedIn.class);
    }

    @Test
    void successfulAttemptLogsInAgain() throws Exception {
        loggedInAsAnna();
        lifecycle.linkEnded(first, "reset");
        FakeLink second = new FakeLink();

        assertThat(lifecycle.beginAttempt(1)).isPresent();
        assertThat(lifecycle.linkOpened(second)).isTrue();
        lifecycle.greeted(second, new Welcome("Natter", 1, ""));
        assertThat(lifecycle.state()).as("still reconnecting until the login").isEqualTo(ConnectionState.RECONNECTING);
        assertThat(lifecycle.loggedIn(second, ok("anna", "anna"))).isTrue();

        assertThat(lifecycle.phase()).isEqualTo(new LoggedIn(SERVER, "anna"));
        assertThat(recorder.seen(Recorder.LoggedIn.class)).extracting(Recorder.LoggedIn::again).containsExactly(false, true);
    }

    @Test
    void failedAttemptsAreRetriedThenGivenUpAfterTheMaximum() throws Exception {
        loggedInAsAnna();
        lifecycle.linkEnded(first, "reset");
        ConnectionFailure refused = new ConnectionFailure(Kind.UNREACHABLE, "refused");

        lifecycle.beginAttempt(1);
        assertThat(lifecycle.attemptFailed(refused)).contains(new Retry(2, Duration.ofMillis(200)));
        assertThat(lifecycle.beginAttempt(1)).as("a stale attempt is not run").isEmpty();
        assertThat(lifecycle.beginAttempt(2)).isPresent();
        assertThat(lifecycle.attemptFailed(refused)).isEmpty();

        assertThat(lifecycle.phase()).isEqualTo(new Ended(DisconnectReason.LOST, "Gave up reconnecting after 2 attempts."));
        assertThat(recorder.seen(Recorder.Disconnected.class)).containsExactly(
                new Recorder.Disconnected(DisconnectReason.LOST, "Gave up reconnecting after 2 attempts."));
        assertThat(states()).endsWith(ConnectionState.RECONNECTING, ConnectionState.DISCONNECTED);
    }

    @Test
    void kickEndsTheSessionWhenTheSocketClosesAndDoesNotReconnect() throws Exception {
        loggedInAsAnna();

        lifecycle.kicked(first, "be nice");
        assertThat(lifecycle.phase()).isEqualTo(new Ending(DisconnectReason.KICKED, "be nice", ConnectionState.LOGGED_IN));
        Optional<Retry> retry = lifecycle.linkEnded(first, "closed by the server");

        assertThat(retry).isEmpty();
        assertThat(lifecycle.phase()).isEqualTo(new Ended(DisconnectReason.KICKED, "be nice"));
        assertThat(recorder.seen(Recorder.KickedEvent.class)).containsExactly(new Recorder.KickedEvent("be nice"));
        assertThat(recorder.seen(Recorder.Reconnecting.class)).isEmpty();
    }

    @Test
    void logoutKeepsTheSocketAndADropAfterItDoesNotReconnect() throws Exception {
        loggedInAsAnna();

        assertThat(lifecycle.logoutRequested()).isSameAs(first);
        assertThat(lifecycle.linkEnded(new FakeLink(), "x")).isEmpty();
        lifecycle.loggedOut(first);
        assertThat(lifecycle.phase()).isEqualTo(new Connected(SERVER, "anna"));
        assertThat(lifecycle.linkEnded(first, "gone")).isEmpty();

        assertThat(lifecycle.phase()).isEqualTo(new Ended(DisconnectReason.LOST, "gone"));
    }

    @Test
    void logoutWhileNotLoggedInFails() {
        assertThatThrownBy(lifecycle::logoutRequested).isInstanceOfSatisfying(ConnectionFailure.class,
                f -> assertThat(f.kind()).isEqualTo(Kind.NOT_LOGGED_IN));
    }

    @Test
    void logoutWhileReconnectingStopsTheAttempts() throws Exception {
        loggedInAsAnna();
        lifecycle.linkEnded(first, "reset");

        assertThat(lifecycle.logoutRequested()).isNull();

        assertThat(lifecycle.phase()).isEqualTo(new Ended(DisconnectReason.QUIT, ""));
        assertThat(lifecycle.beginAttempt(1)).isEmpty();
    }

    @Test
    void quitWhileLoggedInEndsOnceTheSocketHasClosed() throws Exception {
        loggedInAsAnna();

        assertThat(lifecycle.quit()).isSameAs(first);
        assertThat(lifecycle.phase()).isInstanceOf(Ending.class);
        lifecycle.linkEnded(first, "closed");

        assertThat(lifecycle.phase()).isEqualTo(new Ended(DisconnectReason.QUIT, ""));
        assertThat(recorder.seen(Recorder.Disconnected.class)).containsExactly(
                new Recorder.Disconnected(DisconnectReason.QUIT, ""));
    }

    @Test
    void quitBeforeTheSocketOpenedEndsAtOnceAndTheLateSocketIsRefused() throws Exception {
        lifecycle.beginConnect(SERVER, "anna");

        assertThat(lifecycle.quit()).isNull();

        assertThat(lifecycle.phase()).isEqualTo(new Ended(DisconnectReason.QUIT, ""));
        assertThat(lifecycle.linkOpened(first)).isFalse();
        lifecycle.connectFailed();
        assertThat(lifecycle.phase()).isEqualTo(new Ended(DisconnectReason.QUIT, ""));
    }

    @Test
    void loginAnsweredOnAnAbandonedSocketIsIgnored() throws Exception {
        lifecycle.beginConnect(SERVER, "anna");
        lifecycle.linkOpened(first);
        lifecycle.quit();

        assertThat(lifecycle.loggedIn(first, ok("anna", "anna"))).isFalse();
        assertThat(lifecycle.state()).isNotEqualTo(ConnectionState.LOGGED_IN);
    }

    @Test
    void closedIsFinal() throws Exception {
        loggedInAsAnna();

        assertThat(lifecycle.close()).isSameAs(first);

        assertThat(lifecycle.phase()).isEqualTo(new Closed());
        assertThatThrownBy(() -> lifecycle.beginConnect(SERVER, "anna")).isInstanceOfSatisfying(ConnectionFailure.class,
                f -> assertThat(f.kind()).isEqualTo(Kind.CLOSED));
        assertThat(lifecycle.linkEnded(first, "closed")).isEmpty();
        assertThat(lifecycle.phase()).isEqualTo(new Closed());
    }
}
