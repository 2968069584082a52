package org.natter.server.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.natter.common.model.RoomInfo;
import org.natter.common.model.ServerEvent;
import org.natter.common.protocol.Login;
import org.natter.common.protocol.LoginOk;
import org.natter.server.core.moderation.AddressLimits;

/** A storm of logins tells the operator's listeners of general a few times, ending with everyone in it. */
class RoomUpdatesTest {

    private static final int STORM = 60;

    private final RawClients clients = new RawClients();
    private final List<RoomInfo> generalUpdates = new CopyOnWriteArrayList<>();
    private final CountDownLatch everyoneListed = new CountDownLatch(1);
    private ChatServer server;
    private int port;

    @BeforeEach
    void start() {
        server = new ChatServer(ServerSettings.builder().rateBurst(10_000).ratePerSecond(10_000).maxUsers(100)
                .addressLimits(AddressLimits.generous()).build());
        server.addListener(new ServerListener() {
            @Override
            public void onEvent(ServerEvent event) {
                if (event instanceof ServerEvent.RoomUpdated updated && updated.room().name().equals("general")) {
                    generalUpdates.add(updated.room());
                    if (updated.room().members().size() == STORM) {
                        everyoneListed.countDown();
                    }
                }
            }
        });
        port = server.start(0);
    }

    @AfterEach
    void stop() throws IOException {
        clients.close();
        server.close();
    }

    @Test
    void aLoginStormIsToldInAFewUpdatesAndTheLastListsEveryone() throws Exception {
        for (int i = 0; i < STORM; i++) {
            clients.connect(port).send(new Login(null, "user" + i, 3));
        }
        for (RawClient client : clients.all()) {
            client.next(LoginOk.class);
        }
        assertThat(everyoneListed.await(RawClient.WAIT.toSeconds(), TimeUnit.SECONDS))
                .as("an update with all %d members", STORM).isTrue();
        assertThat(generalUpdates.size()).as("updates for %d logins sent at once", STORM).isLessThan(STORM / 2);
    }
}
