package org.natter.client.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.natter.common.model.PendingHost;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.Waiting;
import org.natter.server.core.ChatServer;
import org.natter.server.core.ServerSettings;

/** The client library against a real server whose host lets new users in by hand. */
class WaitingRoomClientTest {

    /**
     * A short reply timeout, so that a login held longer than it shows that a held login has no time limit (not
     * shorter: the welcome must still arrive within it on a busy machine).
     */
    private static final ConnectionSettings QUICK = ConnectionSettings.defaults()
            .withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(1500));

    private ChatServer server;
    private ChatConnection connection;
    private final Recorder recorder = new Recorder();

    @BeforeEach
    void start() {
        server = new ChatServer(ServerSettings.builder().port(0).waitingRoom(true).build());
        server.start(0);
        connection = new ChatConnection(QUICK);
        connection.addListener(recorder);
    }

    @AfterEach
    void stop() {
        connection.close();
        server.close();
    }

    private CompletableFuture<LoginOk> connect(String name) {
        return connection.connect(new ServerAddress("127.0.0.1", server.port()), name);
    }

    @Test
    void aHeldLoginWaitsLongerThanTheReplyTimeoutAndCompletesWhenAdmitted() throws Exception {
        CompletableFuture<LoginOk> login = connect("ada");
        assertThat(recorder.await(Waiting.class).text()).isEqualTo("Waiting for the host to let you in.");
        assertThatThrownBy(() -> login.get(2500, TimeUnit.MILLISECONDS)).as("still waiting after the reply timeout")
                .isInstanceOf(TimeoutException.class);
        assertThat(connection.state()).isEqualTo(ConnectionState.CONNECTED);

        assertThat(server.admit("ada")).isTrue();
        assertThat(login.get(10, TimeUnit.SECONDS).name()).isEqualTo("ada");
        assertThat(connection.state()).isEqualTo(ConnectionState.LOGGED_IN);
    }

    @Test
    void aRefusalFailsTheConnectWithTheHostsWords() throws Exception {
        CompletableFuture<LoginOk> login = connect("eve");
        recorder.await(Waiting.class);
        server.refuse("eve", "Wrong class");
        assertThatThrownBy(() -> login.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(ConnectionFailure.class, f -> {
                    assertThat(f.kind()).isEqualTo(ConnectionFailure.Kind.REFUSED);
                    assertThat(f.getMessage()).isEqualTo("The host did not let you in. Wrong class");
                });
        assertThat(connection.state()).isEqualTo(ConnectionState.DISCONNECTED);
    }

    @Test
    void closingWhileHeldGivesUpAndLeavesTheHostsList() throws Exception {
        CompletableFuture<LoginOk> login = connect("bob");
        recorder.await(Waiting.class);
        assertThat(server.pendingHosts()).extracting(PendingHost::waitingName).containsExactly("bob");
        connection.close();
        assertThatThrownBy(() -> login.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!server.pendingHosts().isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(server.pendingHosts()).isEmpty();
    }
}
