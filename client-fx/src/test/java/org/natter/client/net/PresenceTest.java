package org.natter.client.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.natter.common.protocol.RoomState;
import org.natter.server.core.ChatServer;
import org.natter.server.core.ServerSettings;
import org.natter.server.core.moderation.AddressLimits;

/** A login storm reaches the client library as presence batches; roster and general change once per batch. */
class PresenceTest {

    private static final int STORM = 40;

    private ChatServer server;
    private int port;
    private ChatConnection anna;
    private final List<Socket> crowd = new ArrayList<>();

    @BeforeEach
    void startServer() {
        server = new ChatServer(ServerSettings.builder().port(0).maxUsers(100)
                .addressLimits(AddressLimits.generous()).build());
        port = server.start(0);
    }

    @AfterEach
    void stopAll() throws Exception {
        for (Socket socket : crowd) {
            socket.close();
        }
        if (anna != null) {
            anna.close();
        }
        server.stop();
    }

    @Test
    void aStormOfLoginsAndLeavesEndsWithTheRightRosterInFewUpdates() throws Exception {
        Recorder recorder = new Recorder();
        anna = new ChatConnection(ConnectionSettings.defaults().withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)));
        anna.addListener(recorder);
        anna.connect(new ServerAddress("127.0.0.1", port), "anna").get(10, TimeUnit.SECONDS);
        recorder.await(RoomState.class, r -> r.room().equals("general"));
        List<String> names = IntStream.range(0, STORM).mapToObj(i -> "crowd" + i).toList();

        for (String name : names) {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("{\"type\":\"login\",\"name\":\"" + name + "\"}\n").getBytes(StandardCharsets.UTF_8));
            crowd.add(socket);
        }
        for (Socket socket : crowd) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null && !line.startsWith("{\"type\":\"login_ok\"")) {
                // the welcome and joins of the others
            }
        }
        recorder.await(Recorder.UsersChanged.class, u -> u.users().containsAll(names));
        assertThat(anna.rooms()).singleElement().satisfies(general -> assertThat(general.members()).containsAll(names));

        for (Socket socket : crowd) {
            socket.close();
        }
        recorder.await(Recorder.UsersChanged.class, u -> u.users().equals(List.of("anna")));
        assertThat(anna.users()).containsExactly("anna");
        assertThat(anna.rooms()).singleElement().satisfies(general -> assertThat(general.members()).containsExactly("anna"));
        assertThat(recorder.seen(Recorder.UsersChanged.class)).as("%d logins and %d leaves, told in batches", STORM, STORM)
                .hasSizeLessThan(STORM);
    }
}
