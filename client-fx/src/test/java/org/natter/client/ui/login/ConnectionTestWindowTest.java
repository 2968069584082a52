package org.natter.client.ui.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.natter.client.net.ConnectionSettings;
import org.natter.client.prefs.ClientPreferences;
import org.natter.client.ui.ClientWindow;
import org.natter.server.core.ChatServer;
import org.natter.server.core.ServerSettings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The login view's Test connection, as a person uses it, against real causes on loopback. */
@ExtendWith(ApplicationExtension.class)
class ConnectionTestWindowTest {

    private final Preferences node = Preferences.userRoot().node("natter-test-" + UUID.randomUUID());
    private final ChatServer server = new ChatServer(ServerSettings.defaults().withPort(0).toBuilder()
            .serverName("Room 12").build());
    private final int port = server.start(0);
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new ClientWindow(stage, new ClientPreferences(node), ConnectionSettings.defaults(), url -> { }).show("", "");
    }

    @AfterEach
    void cleanUp() throws Exception {
        server.stop();
        node.removeNode();
    }

    @Test
    void aClosedPortIsExplainedStepByStep(FxRobot robot) throws Exception {
        int closed;
        try (ServerSocket probe = new ServerSocket(0)) {
            closed = probe.getLocalPort();
        }
        robot.clickOn(find(robot, "#serverBox")).eraseText(30).write("127.0.0.1:" + closed);

        robot.clickOn(find(robot, "#testButton"));

        waitUntil(() -> texts(robot).stream().anyMatch(t -> t.startsWith("The connection to 127.0.0.1:" + closed + " fails")));
        assertThat(texts(robot)).contains("The server's name", "The port answers",
                "Natter Server is not running on 127.0.0.1, or it uses another port than " + closed
                        + ". Ask for the port, or start the server.");
        assertThat(robot.from(find(robot, "#doctorPanel")).lookup(".doctor-failed").queryAll()).hasSize(1);
        assertThat(robot.from(find(robot, "#doctorPanel")).lookup(".doctor-passed").queryAll()).hasSize(1);
    }

    @Test
    void aWorkingServerGetsATickOnEveryStepAndEditingTheAddressClearsTheResult(FxRobot robot) throws Exception {
        robot.clickOn(find(robot, "#serverBox")).eraseText(30).write("127.0.0.1:" + port);

        robot.clickOn(find(robot, "#testButton"));

        waitUntil(() -> texts(robot).contains("127.0.0.1:" + port + " is reachable and lets you in."));
        assertThat(texts(robot)).contains("It is the Natter server \u201CRoom 12\u201D.");
        assertThat(robot.from(find(robot, "#doctorPanel")).lookup(".doctor-passed").queryAll()).hasSize(5);
        assertThat(robot.from(find(robot, "#doctorPanel")).lookup(".doctor-failed").queryAll()).isEmpty();

        robot.clickOn(find(robot, "#serverBox")).write("1");

        waitUntil(() -> !find(robot, "#doctorPanel").isVisible());
    }

    private List<String> texts(FxRobot robot) {
        VBox panel = (VBox) find(robot, "#doctorPanel");
        return robot.from(panel).lookup(".label").queryAllAs(Label.class).stream().map(Label::getText).toList();
    }

    private Node find(FxRobot robot, String query) {
        return robot.from(stage.getScene().getRoot()).lookup(query).query();
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition);
    }
}
