package org.natter.client.ui.login;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.natter.client.net.ConnectionSettings;
import org.natter.client.net.discovery.FoundServer;
import org.natter.client.prefs.ClientPreferences;
import org.natter.client.ui.ClientWindow;
import org.natter.server.core.ChatServer;
import org.natter.server.core.ServerSettings;
import org.natter.server.discovery.ServerAnnouncer;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The login view's "On your network" list, with a real server announced on loopback only (skipped, saying why,
 * when loopback has no multicast flag; .ci/run sets it).
 */
@ExtendWith(ApplicationExtension.class)
class NearbyServersWindowTest {

    private static final ConnectionSettings FAST = ConnectionSettings.defaults()
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5));

    private final String serverName = "Nearby " + UUID.randomUUID().toString().substring(0, 6);
    private final Preferences node = Preferences.userRoot().node("natter-test-" + UUID.randomUUID());
    private final ChatServer server = new ChatServer(ServerSettings.defaults().withPort(0).toBuilder()
            .bindAddress("127.0.0.1").serverName(serverName).build());
    private ServerAnnouncer announcer;
    private Stage stage;

    @BeforeAll
    static void needsMulticastOnLoopback() throws Exception {
        NetworkInterface loopback = NetworkInterface.getByInetAddress(InetAddress.getLoopbackAddress());
        assumeTrue(loopback != null && loopback.supportsMulticast(),
                "loopback has no multicast flag (run: ip link set lo multicast on); skipped");
    }

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        announcer = ServerAnnouncer.attach(server, notice -> { });
        server.start(0);
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        new ClientWindow(stage, new ClientPreferences(node), FAST, url -> { }, () -> List.of(loopback)).show("", "");
    }

    @AfterEach
    void cleanUp() throws Exception {
        announcer.close();
        server.stop();
        node.removeNode();
    }

    @Test
    void aServerOnTheNetworkIsListedAndEnterOnItConnects(FxRobot robot) throws Exception {
        waitUntil(() -> nearby(robot).getItems().stream().anyMatch(s -> s.announcement().serverName().equals(serverName)));

        robot.clickOn(robot.from(stage.getScene().getRoot()).lookup("#nameField").queryAs(Node.class)).write("anna");
        FoundServer listed = nearby(robot).getItems().stream()
                .filter(s -> s.announcement().serverName().equals(serverName)).findFirst().orElseThrow();
        robot.interact(() -> {
            nearby(robot).requestFocus();
            nearby(robot).getSelectionModel().select(listed);
        });
        assertThat(robot.from(stage.getScene().getRoot()).lookup("#serverBox").queryComboBox().getEditor().getText())
                .isEqualTo("127.0.0.1:" + server.port());

        robot.type(KeyCode.ENTER);

        waitUntil(() -> server.users().stream().anyMatch(u -> u.name().equals("anna")));
        waitUntil(() -> robot.from(stage.getScene().getRoot()).lookup("#messageList").tryQuery().isPresent());
    }

    @SuppressWarnings("unchecked")
    private ListView<FoundServer> nearby(FxRobot robot) {
        return robot.from(stage.getScene().getRoot()).lookup("#nearbyList").queryAs(ListView.class);
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    }
}
