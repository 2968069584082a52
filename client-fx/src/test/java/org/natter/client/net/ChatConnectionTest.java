package org.natter.client.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.natter.common.model.LeaveReason;
import org.natter.common.model.ServerEvent;
import org.natter.common.protocol.Announcement;
import org.natter.common.protocol.ErrorCode;
import org.natter.common.protocol.Joined;
import org.natter.common.protocol.Left;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.Message;
import org.natter.server.core.ChatServer;
import org.natter.server.core.ServerListener;
import org.natter.server.core.ServerSettings;

/** The client library against a real server on a free loopback port. */
class ChatConnectionTest {

    private static final ConnectionSettings FAST = ConnectionSettings.defaults()
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
            .withBackoff(Duration.ofMillis(50), Duration.ofMillis(200), 0);

    private ChatServer server;
    private int port;
    private final List<ChatConnection> connections = new ArrayList<>();

    @BeforeEach
    void startServer() {
        server = new ChatServer(ServerSettings.defaults().withPort(0));
        port = server.start(0);
    }

    @AfterEach
    void stopAll() {
        connections.forEach(ChatConnection::close);
        server.stop();
    }

    private ChatConnection connection(Recorder recorder) {
        ChatConnection connection = new ChatConnection(FAST);
        connection.addListener(recorder);
        connections.add(connection);
        return connection;
    }

    private ServerAddress address() {
        return new ServerAddress("127.0.0.1", port);
    }

    private static <T> T get(java.util.concurrent.CompletableFuture<T> future) throws Exception {
        return future.get(10, TimeUnit.SECONDS);
    }

    @Test
    void loginSucceedsAndReportsTheUserList() throws Exception {
        Recorder anna = new Recorder();
        ChatConnection connection = connection(anna);

        LoginOk ok = get(connection.connect(address(), "anna"));

        assertThat(ok.name()).isEqualTo("anna");
        assertThat(ok.users()).containsExactly("anna");
        assertThat(anna.await(Recorder.LoggedIn.class).again()).isFalse();
        assertThat(connection.state()).isEqualTo(ConnectionState.LOGGED_IN);
        assertThat(connection.users()).containsExactly("anna");
    }

    @Test
    void messageReachesSenderAndOthers() throws Exception {
        Recorder anna = new Recorder();
        Recorder bob = new Recorder();
        ChatConnection annaConnection = connection(anna);
        get(annaConnection.connect(address(), "anna"));
        get(connection(bob).connect(address(), "bob"));

        Message own = get(annaConnection.send("hello bob"));

        assertThat(own.from()).isEqualTo("anna");
        assertThat(own.re()).isNotNull();
        Message received = bob.await(Message.class);
        assertThat(received.text()).isEqualTo("hello bob");
        assertThat(received.from()).isEqualTo("anna");
        assertThat(received.re()).isNull();
        assertThat(anna.await(Message.class).re()).isEqualTo(own.re());
    }

    @Test
    void userListFollowsJoinsAndLeaves() throws Exception {
        Recorder anna = new Recorder();
        ChatConnection annaConnection = connection(anna);
        get(annaConnection.connect(address(), "anna"));
        ChatConnection bob = connection(new Recorder());

        get(bob.connect(address(), "Bob"));
        assertThat(anna.await(Joined.class).name()).isEqualTo("Bob");
        assertThat(anna.await(Recorder.UsersChanged.class, u -> u.users().size() == 2).users()).containsExactly("anna", "Bob");

        get(bob.logout());
        Left left = anna.await(Left.class);
        assertThat(left.name()).isEqualTo("Bob");
        assertThat(left.reason()).isEqualTo(LeaveReason.LOGOUT);
        assertThat(anna.await(Recorder.UsersChanged.class, u -> u.users().size() == 1).users()).containsExactly("anna");
        assertThat(bob.state()).isEqualTo(ConnectionState.CONNECTED);
    }

    @Test
    void takenNameFailsWithNameTakenAndLeavesTheConnectionReusable() throws Exception {
        get(connection(new Recorder()).connect(address(), "anna"));
        ChatConnection second = connection(new Recorder());

        assertThatThrownBy(() -> get(second.connect(address(), "ANNA")))
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(ConnectionFailure.class,
                        f -> assertThat(f.kind()).isEqualTo(ConnectionFailure.Kind.NAME_TAKEN));
        assertThat(second.state()).isEqualTo(ConnectionState.DISCONNECTED);

        assertThat(get(second.connect(address(), "anna2")).name()).isEqualTo("anna2");
    }

    @Test
    void invalidNameIsRefusedBeforeConnecting() {
        ChatConnection connection = connection(new Recorder());

        assertThatThrownBy(() -> get(connection.connect(address(), "two words")))
                .cause().isInstanceOfSatisfying(ConnectionFailure.class,
                        f -> assertThat(f.kind()).isEqualTo(ConnectionFailure.Kind.INVALID_NAME));
    }

    @Test
    void unreachableServerFailsWithUnreachable() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        ChatConnection connection = connection(new Recorder());

        assertThatThrownBy(() -> get(connection.connect(new ServerAddress("127.0.0.1", closedPort), "anna")))
                .cause().isInstanceOfSatisfying(ConnectionFailure.class,
                        f -> assertThat(f.kind()).isEqualTo(ConnectionFailure.Kind.UNREACHABLE));
        assertThat(connection.state()).isEqualTo(ConnectionState.DISCONNECTED);
    }

    @Test
    void silentPeerFailsWithTimeout() throws IOException {
        try (ServerSocket silent = new ServerSocket(0)) {
            ChatConnection connection = new ChatConnection(FAST.withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(300)));
            connections.add(connection);

            assertThatThrownBy(() -> get(connection.connect(new ServerAddress("127.0.0.1", silent.getLocalPort()), "anna")))
                    .cause().isInstanceOfSatisfying(ConnectionFailure.class,
                            f -> assertThat(f.kind()).isEqualTo(ConnectionFailure.Kind.TIMEOUT));
        }
    }

    @Test
    void blankTextIsRefusedBeforeItReachesTheServer() throws Exception {
        ChatConnection connection = connection(new Recorder());
        get(connection.connect(address(), "anna"));

        assertThatThrownBy(() -> get(connection.send(" ")))
                .cause().isInstanceOf(IllegalArgumentException.class);
        assertThat(connection.state()).isEqualTo(ConnectionState.LOGGED_IN);
        assertThat(server.messagesSent()).isZero();
    }

    @Test
    void messageRefusedByTheServerFailsTheSendWithTheServersCode() throws Exception {
        server.stop();
        // Two requests at once, then one per 1,000 s: the login and one message pass, the next message is refused.
        server = new ChatServer(ServerSettings.defaults().withPort(0).withLimits(10, 10, 2, 0.001, 1 << 20));
        port = server.start(0);
        ChatConnection connection = connection(new Recorder());
        get(connection.connect(address(), "anna"));
        get(connection.send("one"));

        assertThatThrownBy(() -> get(connection.send("two")))
                .cause().isInstanceOfSatisfying(ConnectionFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(ConnectionFailure.Kind.REFUSED);
                    assertThat(f.code()).isEqualTo(ErrorCode.RATE_LIMITED);
                });
        assertThat(connection.state()).isEqualTo(ConnectionState.LOGGED_IN);
    }

    @Test
    void kickReportsTheReasonAndDoesNotReconnect() throws Exception {
        Recorder anna = new Recorder();
        ChatConnection connection = connection(anna);
        get(connection.connect(address(), "anna"));

        assertThat(server.kick("anna", "be nice")).isTrue();

        assertThat(anna.await(Recorder.KickedEvent.class).reason()).isEqualTo("be nice");
        Recorder.Disconnected end = anna.await(Recorder.Disconnected.class);
        assertThat(end.reason()).isEqualTo(DisconnectReason.KICKED);
        assertThat(end.detail()).isEqualTo("be nice");
        assertThat(connection.state()).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(server.users()).isEmpty();
    }

    @Test
    void serverRestartOnTheSamePortIsFollowedByAnAutomaticLoginUnderTheSameName() throws Exception {
        Recorder anna = new Recorder();
        ChatConnection connection = connection(anna);
        get(connection.connect(address(), "anna"));
        anna.await(Recorder.LoggedIn.class);

        server.stop();
        anna.await(Recorder.StateChanged.class, s -> s.state() == ConnectionState.RECONNECTING);
        anna.await(Recorder.Lost.class);
        anna.await(Recorder.Reconnecting.class);
        server = new ChatServer(ServerSettings.defaults().withPort(port));
        server.start(port);

        Recorder.LoggedIn again = anna.await(Recorder.LoggedIn.class);
        assertThat(again.again()).isTrue();
        assertThat(again.ok().name()).isEqualTo("anna");
        assertThat(connection.state()).isEqualTo(ConnectionState.LOGGED_IN);
        assertThat(server.users()).extracting(u -> u.name()).containsExactly("anna");
        assertThat(get(connection.send("back")).text()).isEqualTo("back");
    }

    @Test
    void retryNowReconnectsWithoutWaitingOutTheBackoff() throws Exception {
        Recorder anna = new Recorder();
        // A backoff far longer than the test may wait: only retryNow can bring the connection back in time.
        ChatConnection connection = new ChatConnection(FAST.withBackoff(Duration.ofMinutes(10), Duration.ofMinutes(10), 0));
        connection.addListener(anna);
        connections.add(connection);
        get(connection.connect(address(), "anna"));
        anna.await(Recorder.LoggedIn.class);
        server.stop();
        anna.await(Recorder.Reconnecting.class);
        server = new ChatServer(ServerSettings.defaults().withPort(port));
        server.start(port);

        connection.retryNow();

        assertThat(anna.await(Recorder.LoggedIn.class).again()).isTrue();
        assertThat(connection.state()).isEqualTo(ConnectionState.LOGGED_IN);
    }

    @Test
    void nameTakenOnReconnectionIsRetriedUntilTheServerLetsGoOfTheOldSession() throws Exception {
        CountDownLatch nameTakenAnswered = nameTakenAnswers();
        try (HalfOpenProxy proxy = new HalfOpenProxy(port)) {
            Recorder anna = new Recorder();
            ChatConnection connection = connection(anna);
            get(connection.connect(new ServerAddress("127.0.0.1", proxy.port()), "anna"));

            // The client's socket dies; the server still holds the session, and so the name.
            proxy.dropClients();
            anna.await(Recorder.Lost.class);
            assertThat(nameTakenAnswered.await(10, TimeUnit.SECONDS)).as("the server answered NAME_TAKEN").isTrue();
            anna.await(Recorder.Reconnecting.class, r -> r.attempt() >= 3);
            assertThat(connection.state()).isEqualTo(ConnectionState.RECONNECTING);

            proxy.releaseHeld();

            Recorder.LoggedIn again = anna.await(Recorder.LoggedIn.class);
            assertThat(again.again()).isTrue();
            assertThat(connection.state()).isEqualTo(ConnectionState.LOGGED_IN);
            assertThat(server.users()).extracting(u -> u.name()).containsExactly("anna");
            assertThat(anna.seen(Recorder.Disconnected.class)).isEmpty();
        }
    }

    @Test
    void nameStillTakenAfterTheServersIdleTimeoutEndsTheSession() throws Exception {
        try (HalfOpenProxy proxy = new HalfOpenProxy(port)) {
            Recorder anna = new Recorder();
            ChatConnection connection = new ChatConnection(FAST.withServerIdleTimeout(Duration.ofMillis(300)));
            connection.addListener(anna);
            connections.add(connection);
            get(connection.connect(new ServerAddress("127.0.0.1", proxy.port()), "anna"));

            proxy.dropClients();

            Recorder.Disconnected end = anna.await(Recorder.Disconnected.class);
            assertThat(end.reason()).isEqualTo(DisconnectReason.NAME_TAKEN);
            assertThat(end.detail()).contains("taken");
            assertThat(connection.state()).isEqualTo(ConnectionState.DISCONNECTED);
            assertThat(anna.seen(Recorder.Reconnecting.class)).as("retried before giving up").hasSizeGreaterThan(1);
        }
    }

    @Test
    void reconnectionGivesUpAfterTheMaximumAttempts() throws Exception {
        Recorder anna = new Recorder();
        ChatConnection connection = new ChatConnection(FAST.withBackoff(Duration.ofMillis(10), Duration.ofMillis(40), 3));
        connection.addListener(anna);
        connections.add(connection);
        get(connection.connect(address(), "anna"));

        server.stop();

        Recorder.Disconnected end = anna.await(Recorder.Disconnected.class);
        assertThat(end.reason()).isEqualTo(DisconnectReason.LOST);
        assertThat(end.detail()).isEqualTo("Gave up reconnecting after 3 attempts.");
        assertThat(anna.seen(Recorder.Reconnecting.class)).extracting(Recorder.Reconnecting::attempt)
                .containsExactly(1, 2, 3);
        assertThat(connection.state()).isEqualTo(ConnectionState.DISCONNECTED);
    }

    /** Counts down on the first NAME_TAKEN the server answers. */
    private CountDownLatch nameTakenAnswers() {
        CountDownLatch latch = new CountDownLatch(1);
        server.addListener(new ServerListener() {
            @Override
            public void onEvent(ServerEvent event) {
                if (event instanceof ServerEvent.ClientError error && error.code().equals(ErrorCode.NAME_TAKEN.name())) {
                    latch.countDown();
                }
            }
        });
        return latch;
    }

    @Test
    void announcementReachesTheListener() throws Exception {
        Recorder anna = new Recorder();
        get(connection(anna).connect(address(), "anna"));

        server.announce("Lunch at noon");

        assertThat(anna.await(Announcement.class).text()).isEqualTo("Lunch at noon");
    }

    @Test
    void quitEndsTheSessionAndTheServerSeesTheUserGo() throws Exception {
        Recorder anna = new Recorder();
        Recorder bob = new Recorder();
        ChatConnection annaConnection = connection(anna);
        get(annaConnection.connect(address(), "anna"));
        get(connection(bob).connect(address(), "bob"));

        get(annaConnection.quit());

        assertThat(annaConnection.state()).isEqualTo(ConnectionState.DISCONNECTED);
        assertThat(anna.await(Recorder.Disconnected.class).reason()).isEqualTo(DisconnectReason.QUIT);
        assertThat(bob.await(Left.class).reason()).isEqualTo(LeaveReason.QUIT);
    }

    @Test
    void sendingWhileNotLoggedInFails() {
        ChatConnection connection = connection(new Recorder());

        assertThatThrownBy(() -> get(connection.send("hello")))
                .cause().isInstanceOfSatisfying(ConnectionFailure.class,
                        f -> {
                            assertThat(f.kind()).isEqualTo(ConnectionFailure.Kind.NOT_LOGGED_IN);
                            assertThat(f.code()).as("refused here, not by the server").isNull();
                        });
    }
}
