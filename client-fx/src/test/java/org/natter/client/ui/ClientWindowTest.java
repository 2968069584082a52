package org.natter.client.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.natter.client.net.ChatConnection;
import org.natter.client.net.ConnectionSettings;
import org.natter.client.net.ServerAddress;
import org.natter.client.prefs.ClientPreferences;
import org.natter.client.ui.chat.ChatEntry;
import org.natter.client.ui.chat.MessageText;
import org.natter.server.core.ChatServer;
import org.natter.server.core.ServerSettings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window as a person uses it, against a real server, headless (Monocle). */
@ExtendWith(ApplicationExtension.class)
class ClientWindowTest {

    private static final ConnectionSettings FAST = ConnectionSettings.defaults()
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
            .withBackoff(Duration.ofMillis(100), Duration.ofMillis(300), 0);

    private final Preferences node = Preferences.userRoot().node("natter-test-" + UUID.randomUUID());
    private final ChatServer server = new ChatServer(ServerSettings.defaults().withPort(0));
    private final int port = server.start(0);
    private final ChatConnection bob = new ChatConnection(FAST);

    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new ClientWindow(stage, new ClientPreferences(node), FAST, url -> { }).show("127.0.0.1:" + port, "");
    }

    @AfterEach
    void cleanUp() throws Exception {
        bob.close();
        server.stop();
        node.removeNode();
    }

    @Test
    void loginChatWithOthersAndLeave(FxRobot robot) throws Exception {
        logIn(robot, "anna");

        robot.clickOn(in(robot).lookup("#input").queryAs(Node.class)).write("hello everyone").type(KeyCode.ENTER);
        waitUntil(() -> messages(robot).stream().anyMatch(e -> e.kind() == ChatEntry.Kind.OWN && e.text().equals("hello everyone")));

        bob.connect(new ServerAddress("127.0.0.1", port), "bob").get(10, TimeUnit.SECONDS);
        waitUntil(() -> users(robot).getItems().contains("bob"));
        assertThat(users(robot).getItems()).containsExactly("anna", "bob");
        assertThat(in(robot).lookup("#userCount").queryAs(Label.class).getText()).isEqualTo("Here — 2");

        bob.send("hi anna").get(10, TimeUnit.SECONDS);
        waitUntil(() -> messages(robot).stream().anyMatch(e -> e.kind() == ChatEntry.Kind.OTHER
                && e.from().equals("bob") && e.text().equals("hi anna") && e.mentionsMe()));
        // The list model has it; its cell appears on the next pulse.
        waitUntil(() -> in(robot).lookup(".message-text").queryAllAs(MessageText.class).stream()
                .map(MessageText::getText).toList().containsAll(java.util.List.of("hello everyone", "hi anna")));

        robot.clickOn(in(robot).lookup("#leaveButton").queryAs(Node.class));
        waitUntil(() -> in(robot).lookup("#nameField").tryQuery().isPresent());
        waitUntil(() -> server.users().stream().noneMatch(u -> u.name().equals("anna")));
        assertThat(in(robot).lookup("#serverBox").queryAs(ComboBox.class).getItems()).contains("127.0.0.1:" + port);
    }

    @Test
    void unreachableServerShowsWhatToCheck(FxRobot robot) throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        robot.clickOn(in(robot).lookup("#serverBox").queryAs(Node.class)).eraseText(30).write("127.0.0.1:" + closedPort);
        robot.clickOn(in(robot).lookup("#nameField").queryAs(Node.class)).write("anna").type(KeyCode.ENTER);

        waitUntil(() -> in(robot).lookup("#errorLabel").queryAs(Label.class).getText().contains("Is the server started?"));
        assertThat(in(robot).lookup("#errorLabel").queryAs(Label.class).isVisible()).isTrue();
    }

    @Test
    void takenNameIsExplainedOnTheForm(FxRobot robot) throws Exception {
        bob.connect(new ServerAddress("127.0.0.1", port), "anna").get(10, TimeUnit.SECONDS);

        robot.clickOn(in(robot).lookup("#nameField").queryAs(Node.class)).write("Anna").type(KeyCode.ENTER);

        waitUntil(() -> in(robot).lookup("#errorLabel").queryAs(Label.class).getText().contains("Someone is already called"));
    }

    @Test
    void kickShowsTheAdminsReasonThenTheLoginForm(FxRobot robot) throws Exception {
        logIn(robot, "anna");

        server.kick("anna", "Please keep it friendly");

        waitUntil(() -> robot.lookup(".dialog-pane").tryQuery().isPresent());
        DialogPane dialog = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(dialog.getContentText()).isEqualTo("You were removed from Natter by the host: Please keep it friendly");
        // Behind the dialog nothing is left over from the session.
        assertThat(users(robot).getItems()).isEmpty();
        assertThat(in(robot).lookup("#banner").queryAs(Node.class).isVisible()).isFalse();
        assertThat(in(robot).lookup("#input").queryAs(javafx.scene.control.TextArea.class).getPromptText())
                .isEqualTo("You are no longer in this chat. Leave to log in again.");
        robot.clickOn(dialog.lookupButton(javafx.scene.control.ButtonType.OK));
        waitUntil(() -> in(robot).lookup("#nameField").tryQuery().isPresent());
        assertThat(in(robot).lookup("#errorLabel").queryAs(Label.class).getText())
                .isEqualTo("You were removed from Natter by the host: Please keep it friendly");
    }

    @Test
    void serverRestartShowsTheBannerAndComesBack(FxRobot robot) throws Exception {
        logIn(robot, "anna");

        server.stop();
        waitUntil(() -> in(robot).lookup("#banner").queryAs(Node.class).isVisible());
        assertThat(in(robot).lookup("#input").queryAs(Node.class).isDisabled()).isTrue();
        server.start(port);

        waitUntil(() -> !in(robot).lookup("#banner").queryAs(Node.class).isVisible());
        assertThat(in(robot).lookup("#input").queryAs(Node.class).isDisabled()).isFalse();
    }

    private void logIn(FxRobot robot, String name) throws TimeoutException {
        robot.clickOn(in(robot).lookup("#nameField").queryAs(Node.class)).write(name);
        robot.clickOn(in(robot).lookup("#connectButton").queryAs(Node.class));
        waitUntil(() -> in(robot).lookup("#messageList").tryQuery().isPresent());
        waitUntil(() -> !in(robot).lookup("#input").queryAs(Node.class).isDisabled());
    }

    /** Looks in this window only: the robot would also search windows that earlier tests left behind. */
    private org.testfx.service.query.NodeQuery in(FxRobot robot) {
        return robot.from(stage.getScene().getRoot());
    }

    @SuppressWarnings("unchecked")
    private java.util.List<ChatEntry> messages(FxRobot robot) {
        return ((ListView<ChatEntry>) in(robot).lookup("#messageList").queryAs(ListView.class)).getItems();
    }

    @SuppressWarnings("unchecked")
    private ListView<String> users(FxRobot robot) {
        return in(robot).lookup("#userList").queryAs(ListView.class);
    }

    private static void waitUntil(java.util.concurrent.Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
    }

}
