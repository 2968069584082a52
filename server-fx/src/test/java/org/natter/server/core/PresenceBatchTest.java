package org.natter.server.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.natter.common.model.ServerEvent;
import org.natter.common.protocol.Joined;
import org.natter.common.protocol.Left;
import org.natter.common.protocol.Login;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.Message;
import org.natter.common.protocol.Presence;
import org.natter.common.protocol.Say;
import org.natter.common.protocol.ServerFrame;
import org.natter.common.protocol.Welcome;
import org.natter.server.core.moderation.AddressLimits;

/** A login storm costs version-2 clients a few presence frames, version-1 clients still get one frame each. */
class PresenceBatchTest {

    private static final int STORM = 40;

    private final List<RawClient> clients = new ArrayList<>();
    private ChatServer server;
    private int port;

    @BeforeEach
    void start() {
        server = new ChatServer(ServerSettings.builder().rateBurst(10_000).ratePerSecond(10_000).maxUsers(100)
                .addressLimits(AddressLimits.generous()).build());
        port = server.start(0);
    }

    @AfterEach
    void stop() throws IOException {
        for (RawClient client : clients) {
            client.close();
        }
        server.close();
    }

    @Test
    void aLoginStormReachesVersionTwoInBatchesAndVersionOneOneByOne() throws Exception {
        RawClient modern = login("watcher", 2);
        RawClient classic = login("oldtimer", 1);
        List<RawClient> storm = new ArrayList<>();
        for (int i = 0; i < STORM; i++) {
            storm.add(login("user" + i, 1));
        }
        // The server notices each close on the connection's own I/O thread: wait until it has taken them all.
        CountDownLatch allLeft = new CountDownLatch(STORM);
        server.addListener(new ServerListener() {
            @Override
            public void onEvent(ServerEvent event) {
                if (event instanceof ServerEvent.UserLeft left && left.user().name().startsWith("user")) {
                    allLeft.countDown();
                }
            }
        });
        for (RawClient client : storm) {
            client.close();
        }
        assertThat(allLeft.await(RawClient.WAIT.toSeconds(), TimeUnit.SECONDS)).as("every close noticed").isTrue();
        Set<String> names = IntStream.range(0, STORM).mapToObj(i -> "user" + i).collect(Collectors.toCollection(LinkedHashSet::new));
        // A marker said after the storm: everything about the storm arrives before it.
        RawClient marker = login("marker", 1);
        marker.send(new Say(null, "--marker--"));

        Set<String> seenJoined = new LinkedHashSet<>();
        Set<String> seenLeft = new LinkedHashSet<>();
        int frames = 0;
        ServerFrame frame;
        while (!((frame = modern.next()) instanceof Message m && m.text().equals("--marker--"))) {
            if (frame instanceof Presence presence) {
                frames++;
                assertThat(presence.room()).isEqualTo("general");
                seenJoined.addAll(presence.joined());
                seenLeft.addAll(presence.left());
            } else if (frame instanceof Joined joined) {
                frames++;
                seenJoined.add(joined.name());
            } else if (frame instanceof Left left) {
                frames++;
                seenLeft.add(left.name());
            }
        }
        assertThat(seenJoined).containsAll(names);
        assertThat(seenLeft).containsExactlyInAnyOrderElementsOf(names);
        assertThat(frames).as("joins and leaves of %d users in batches", STORM).isLessThan(STORM);

        List<String> oneByOne = new ArrayList<>();
        while (!((frame = classic.next()) instanceof Message said && said.text().equals("--marker--"))) {
            assertThat(frame).as("a version-1 client is never sent presence").isNotInstanceOf(Presence.class);
            if (frame instanceof Joined joined && names.contains(joined.name())) {
                oneByOne.add(joined.name());
            }
        }
        assertThat(oneByOne).containsExactlyElementsOf(names);
    }

    @Test
    void aQuietLoginIsStillToldOnItsOwn() throws IOException {
        RawClient modern = login("watcher", 2);
        login("ada", 2);
        assertThat(modern.next(Joined.class).name()).isEqualTo("ada");
    }

    private RawClient login(String name, int version) throws IOException {
        RawClient client = new RawClient(port);
        clients.add(client);
        client.next(Welcome.class);
        client.send(version == 1 ? new Login(null, name) : new Login(null, name, version));
        client.next(LoginOk.class);
        return client;
    }
}
