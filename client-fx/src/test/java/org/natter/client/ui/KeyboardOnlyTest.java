package org.natter.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.natter.client.net.ChatConnection;
import org.natter.client.net.ClientListener;
import org.natter.client.net.ConnectionSettings;
import org.natter.client.net.ServerAddress;
import org.natter.client.prefs.ClientPreferences;
import org.natter.common.protocol.Message;
import org.natter.server.core.ChatServer;
import org.natter.server.core.ServerSettings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Logging in and chatting without a mouse, against a real server: the keys docs/CLIENT.md lists. */
@ExtendWith(ApplicationExtension.class)
class KeyboardOnlyTest {

    private static final ConnectionSettings FAST = ConnectionSettings.defaults()
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
            .withBackoff(Duration.ofMillis(100), Duration.ofMillis(300), 0);

    private final Preferences node = Preferences.userRoot().node("natter-test-" + UUID.randomUUID());
    private final ClientPreferences preferences = new ClientPreferences(node);
    private final ChatServer server = new ChatServer(ServerSettings.defaults().withPort(0));
    private final int port = server.start(0);
    private final ChatConnection bob = new ChatConnection(FAST);
    private final BlockingQueue<Message> bobReads = new LinkedBlockingQueue<>();

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new ClientWindow(stage, preferences, FAST, url -> { }).show("", "");
    }

    @AfterEach
    void cleanUp() throws Exception {
        bob.close();
        server.stop();
        node.removeNode();
    }

    @Test
    void typeNameTabToServerEnterThenTypeAMessageAndEnter(FxRobot robot) throws Exception {
        bob.addListener(new ClientListener() {
            @Override
            public void onMessage(Message message) {
                bobReads.add(message);
            }
        });
        bob.connect(new ServerAddress("127.0.0.1", port), "bob").get(10, TimeUnit.SECONDS);
        focusedWithin(robot, "#nameField");

        robot.write("anna").type(KeyCode.TAB);
        // An editable combo box keeps the focus itself and passes the keys to its editor.
        focusedWithin(robot, "#serverBox");
        robot.write("127.0.0.1:" + port).type(KeyCode.ENTER);

        waitUntil(() -> focused(robot, "#input") && !in(robot).lookup("#input").query().isDisabled());
        robot.write("hello without a mouse").type(KeyCode.ENTER);

        Message got = bobReads.poll(10, TimeUnit.SECONDS);
        while (got != null && !"anna".equals(got.from())) {
            got = bobReads.poll(10, TimeUnit.SECONDS);
        }
        assertThat(got).isNotNull();
        assertThat(got.text()).isEqualTo("hello without a mouse");
    }

    @Test
    void ctrlLComesBackToTheMessageFieldAndCtrlPlusMakesTheTextLarger(FxRobot robot) throws Exception {
        focusedWithin(robot, "#nameField");
        robot.write("anna").type(KeyCode.TAB).write("127.0.0.1:" + port).type(KeyCode.ENTER);
        waitUntil(() -> focused(robot, "#input") && !in(robot).lookup("#input").query().isDisabled());

        robot.type(KeyCode.TAB);
        waitUntil(() -> !focused(robot, "#input"));
        robot.press(KeyCode.CONTROL).type(KeyCode.L).release(KeyCode.CONTROL);
        waitUntil(() -> focused(robot, "#input"));

        robot.press(KeyCode.CONTROL).type(KeyCode.EQUALS).type(KeyCode.EQUALS).type(KeyCode.MINUS).release(KeyCode.CONTROL);
        waitUntil(() -> stage.getScene().getRoot().getStyleClass().contains(Styles.textSize(1)));
        assertThat(preferences.textSize()).isEqualTo(1);
        assertThat(preferences.saved()).succeedsWithin(Duration.ofSeconds(10));
        assertThat(new ClientPreferences(node).textSize()).isEqualTo(1);
    }

    /** Waits until the node has the focus; says which node has it instead when it does not come. */
    private void focusedWithin(FxRobot robot, String query) throws Exception {
        try {
            waitUntil(() -> focused(robot, query));
        } catch (TimeoutException e) {
            assertThat(stage.getScene().getFocusOwner()).as("focus owner, instead of %s", query)
                    .isSameAs(in(robot).lookup(query).query());
        }
    }

    private boolean focused(FxRobot robot, String query) {
        Node wanted = in(robot).lookup(query).tryQuery().orElse(null);
        return wanted != null && stage.getScene().getFocusOwner() == wanted;
    }

    /** Looks in this window only: the robot would also search windows that earlier tests left behind. */
    private org.testfx.service.query.NodeQuery in(FxRobot robot) {
        return robot.from(stage.getScene().getRoot());
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
    }
}
