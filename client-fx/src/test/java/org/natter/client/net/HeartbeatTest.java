package org.natter.client.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.natter.common.model.LeaveReason;
import org.natter.common.model.ServerEvent;
import org.natter.common.protocol.ClientFrame;
import org.natter.common.protocol.FrameCodec;
import org.natter.common.protocol.Login;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.Ping;
import org.natter.common.protocol.Welcome;
import org.natter.server.core.ChatServer;
import org.natter.server.core.ServerListener;
import org.natter.server.core.ServerSettings;

/** Keeping a quiet connection alive, and noticing a dead one. */
class HeartbeatTest {

    @Test
    void silentClientAnswersTheServersPingsAndStaysLoggedIn() throws Exception {
        ChatServer server = new ChatServer(ServerSettings.defaults().withPort(0)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(150), Duration.ofMillis(400)));
        BlockingQueue<String> lost = new LinkedBlockingQueue<>();
        server.addListener(new ServerListener() {
            @Override
            public void onEvent(ServerEvent event) {
                if (event instanceof ServerEvent.UserLeft left && left.reason() == LeaveReason.LOST) {
                    lost.add(left.user().name());
                }
            }
        });
        int port = server.start(0);
        try (ChatConnection connection = new ChatConnection();
             Socket mute = new Socket("127.0.0.1", port)) {
            connection.connect(new ServerAddress("127.0.0.1", port), "quiet").get(10, TimeUnit.SECONDS);
            // A second client logs in after "quiet" and then never answers a ping. The server's idle timers run per
            // connection, so when the server drops the mute one for silence, it has had at least as long to drop
            // "quiet": the mute client's drop is the barrier, no guessed wait.
            logInAndFallMute(mute, "mute");

            assertThat(lost.poll(10, TimeUnit.SECONDS)).as("the first user dropped as lost").isEqualTo("mute");
            assertThat(server.users()).extracting(u -> u.name()).containsExactly("quiet");
            assertThat(connection.state()).isEqualTo(ConnectionState.LOGGED_IN);
        } finally {
            server.stop();
        }
    }

    /** Logs in over a raw socket and reads the login's answer; nothing is read or written after that. */
    private static void logInAndFallMute(Socket socket, String name) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        assertThat(FrameCodec.decodeServerFrame(in.readLine())).isInstanceOf(Welcome.class);
        socket.getOutputStream().write(FrameCodec.encodeLine(new Login("m1", name)));
        socket.getOutputStream().flush();
        for (String line; (line = in.readLine()) != null; ) {
            if (FrameCodec.decodeServerFrame(line) instanceof LoginOk) {
                return;
            }
        }
        throw new AssertionError("no login_ok for " + name);
    }

    @Test
    void serverThatFallsSilentIsPingedThenTreatedAsLost() throws Exception {
        BlockingQueue<ClientFrame> received = new LinkedBlockingQueue<>();
        try (ServerSocket fake = new ServerSocket(0)) {
            Thread peer = new Thread(() -> talkThenFallSilent(fake, received), "fake-server");
            peer.setDaemon(true);
            peer.start();
            Recorder recorder = new Recorder();
            ConnectionSettings settings = ConnectionSettings.defaults()
                    .withSilenceTimeout(Duration.ofMillis(200))
                    .withBackoff(Duration.ofSeconds(30), Duration.ofSeconds(30), 0);
            try (ChatConnection connection = new ChatConnection(settings)) {
                connection.addListener(recorder);
                connection.connect(new ServerAddress("127.0.0.1", fake.getLocalPort()), "anna").get(10, TimeUnit.SECONDS);

                // On a busy machine the silence may already have lasted 200 ms before the login went out.
                ClientFrame first = poll(received);
                while (first instanceof Ping) {
                    first = poll(received);
                }
                assertThat(first).isInstanceOf(Login.class);
                assertThat(poll(received)).isInstanceOf(Ping.class);
                recorder.await(Recorder.StateChanged.class, s -> s.state() == ConnectionState.RECONNECTING);
                assertThat(recorder.await(Recorder.Lost.class).cause()).contains("stopped answering");
            }
        }
    }

    private static ClientFrame poll(BlockingQueue<ClientFrame> queue) throws InterruptedException {
        ClientFrame frame = queue.poll(10, TimeUnit.SECONDS);
        assertThat(frame).as("a frame from the client within 10 s").isNotNull();
        return frame;
    }

    /** Greets, accepts the login, then never writes again while it records what the client sends. */
    private static void talkThenFallSilent(ServerSocket fake, BlockingQueue<ClientFrame> received) {
        try (Socket socket = fake.accept()) {
            OutputStream out = socket.getOutputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out.write(FrameCodec.encodeLine(new Welcome("fake", 1, "")));
            for (String line; (line = in.readLine()) != null; ) {
                ClientFrame frame = FrameCodec.decodeClientFrame(line);
                received.add(frame);
                if (frame instanceof Login login) {
                    out.write(FrameCodec.encodeLine(new LoginOk(login.id(), login.name(), 1, "You are user number 1.",
                            List.of(login.name()), null)));
                }
            }
        } catch (Exception e) {
            // The client hung up; the test has what it needs.
        }
    }
}
