package org.natter.client.ui.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.natter.client.net.ChatConnection;
import org.natter.client.net.ConnectionSettings;
import org.natter.client.net.ServerAddress;
import org.natter.client.prefs.ClientPreferences;
import org.natter.client.ui.ClientWindow;
import org.natter.client.ui.rooms.ConversationViewModel;
import org.natter.common.protocol.Message;
import org.natter.server.core.ChatServer;
import org.natter.server.core.ServerSettings;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.service.query.NodeQuery;
import org.testfx.util.WaitForAsyncUtils;

/** Ctrl+F search and the "New messages" line in the chat window, against a real server on a loopback port. */
@ExtendWith(ApplicationExtension.class)
class ChatSearchWindowTest {

    private static final ConnectionSettings FAST = ConnectionSettings.defaults()
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
            .withBackoff(Duration.ofMillis(100), Duration.ofMillis(300), 0);

    private final Preferences node = Preferences.userRoot().node("natter-test-" + UUID.randomUUID());
    private final ChatServer server = new ChatServer(ServerSettings.builder().rateBurst(10_000).ratePerSecond(10_000).build());
    private final int port = server.start(0);
    private final ChatConnection bob = new ChatConnection(FAST);
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new ClientWindow(stage, new ClientPreferences(node), FAST, url -> { }).show("127.0.0.1:" + port, "");
        stage.setX(0);
        stage.setY(0);
        stage.setWidth(1000);
        stage.setHeight(640);
    }

    @AfterEach
    void cleanUp() throws Exception {
        // Log anna out first: a window left reconnecting to a stopped server would pop up its "gave up" dialog over
        // the tests that come after (TestFX reuses one stage).
        if (stage.getScene().lookup("#leaveButton") instanceof Button leave) {
            new FxRobot().interact(leave::fire);
            waitUntil(() -> stage.getScene().lookup("#nameField") != null);
        }
        bob.close();
        server.stop();
        node.removeNode();
    }

    @Test
    void ctrlFFindsAMessageTooOldToBeShownAndEnterBringsItIntoView(FxRobot robot) throws Exception {
        bob.connect(new ServerAddress("127.0.0.1", port), "bob").get(10, TimeUnit.SECONDS);
        for (int i = 1; i <= 120; i++) {
            bob.send(i == 5 ? "the needle is in message 5" : "message " + i).get(10, TimeUnit.SECONDS);
        }
        logIn(robot, "anna");
        waitUntil(() -> shownTexts(robot).contains("message 120"));
        assertThat(shownTexts(robot)).as("only the replay is shown").doesNotContain("the needle is in message 5");

        robot.press(KeyCode.CONTROL).type(KeyCode.F).release(KeyCode.CONTROL);
        TextField field = in(robot).lookup("#searchField").queryAs(TextField.class);
        waitUntil(field::isFocused);
        assertThat(field.getPromptText()).isEqualTo("Search #general");
        robot.write("needle").type(KeyCode.ENTER);

        ListView<Message> results = searchResults(robot);
        waitUntil(() -> results.getItems().size() == 1);
        Label status = in(robot).lookup("#searchStatus").queryAs(Label.class);
        assertThat(status.getText()).startsWith("1 message found");
        waitUntil(() -> robot.from(results).lookup(".search-match").tryQuery().isPresent());
        assertThat(robot.from(results).lookup(".search-match").queryText().getText()).isEqualTo("needle");

        robot.type(KeyCode.DOWN);
        waitUntil(results::isFocused);
        robot.type(KeyCode.ENTER);

        ListView<ChatEntry> messages = messageList(robot);
        waitUntil(() -> messages.getSelectionModel().getSelectedItem() != null
                && messages.getSelectionModel().getSelectedItem().text().equals("the needle is in message 5"));
        waitUntil(() -> visibleTexts(messages).contains("the needle is in message 5"));
        assertThat(shownTexts(robot)).as("everything from it to the replay was loaded, in order")
                .containsSubsequence("the needle is in message 5", "message 6", "message 70", "message 71");

        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> !in(robot).lookup("#searchPane").queryAs(Node.class).isVisible());
        waitUntil(() -> in(robot).lookup("#input").queryAs(TextArea.class).isFocused());
    }

    @Test
    void newMessagesLineMarksWhatCameWhileAnnaWasInAnotherRoomAndGoesOnTheNextVisit(FxRobot robot) throws Exception {
        logIn(robot, "anna");
        bob.connect(new ServerAddress("127.0.0.1", port), "bob").get(10, TimeUnit.SECONDS);
        bob.send("before").get(10, TimeUnit.SECONDS);
        waitUntil(() -> shownTexts(robot).contains("before"));
        robot.clickOn(in(robot).lookup("#input").queryAs(Node.class)).write("/join chess").type(KeyCode.ENTER);
        waitUntil(() -> in(robot).lookup("#conversationTitle").queryAs(Label.class).getText().equals("#chess"));

        bob.send("one").get(10, TimeUnit.SECONDS);
        bob.send("two").get(10, TimeUnit.SECONDS);
        Node general = sidebarCell(robot, "#general");
        waitUntil(() -> robot.from(general).lookup(".badge").queryAllAs(Label.class).stream()
                .anyMatch(badge -> badge.isVisible() && badge.getText().equals("2")));
        robot.clickOn(general);

        waitUntil(() -> shownTexts(robot).contains("two"));
        assertThat(shownTexts(robot)).containsSubsequence("before", "New messages", "one", "two");
        waitUntil(() -> robot.from(messageList(robot)).lookup(".message:unread").tryQuery().isPresent());

        robot.clickOn(sidebarCell(robot, "#chess"));
        waitUntil(() -> in(robot).lookup("#conversationTitle").queryAs(Label.class).getText().equals("#chess"));
        robot.clickOn(sidebarCell(robot, "#general"));
        waitUntil(() -> in(robot).lookup("#conversationTitle").queryAs(Label.class).getText().equals("#general"));
        assertThat(shownTexts(robot)).contains("one", "two").doesNotContain("New messages");
    }

    private void logIn(FxRobot robot, String name) throws TimeoutException {
        robot.clickOn(in(robot).lookup("#nameField").queryAs(Node.class)).write(name);
        robot.clickOn(in(robot).lookup("#connectButton").queryAs(Node.class));
        waitUntil(() -> in(robot).lookup("#messageList").tryQuery().isPresent());
        waitUntil(() -> !in(robot).lookup("#input").queryAs(Node.class).isDisabled());
    }

    private NodeQuery in(FxRobot robot) {
        return robot.from(stage.getScene().getRoot());
    }

    @SuppressWarnings("unchecked")
    private ListView<ChatEntry> messageList(FxRobot robot) {
        return in(robot).lookup("#messageList").queryAs(ListView.class);
    }

    @SuppressWarnings("unchecked")
    private ListView<Message> searchResults(FxRobot robot) {
        return in(robot).lookup("#searchResults").queryAs(ListView.class);
    }

    private List<String> shownTexts(FxRobot robot) {
        return List.copyOf(messageList(robot).getItems()).stream().map(ChatEntry::text).toList();
    }

    /** The texts of the rows the message list shows on screen now. */
    private static List<String> visibleTexts(ListView<ChatEntry> list) {
        if (!(list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) || flow.getFirstVisibleCell() == null) {
            return List.of();
        }
        int first = flow.getFirstVisibleCell().getIndex();
        int last = flow.getLastVisibleCell().getIndex();
        return list.getItems().subList(first, last + 1).stream().map(ChatEntry::text).toList();
    }

    private Node sidebarCell(FxRobot robot, String label) throws TimeoutException {
        Node list = in(robot).lookup("#conversationList").queryAs(Node.class);
        AtomicReference<Node> found = new AtomicReference<>();
        waitUntil(() -> {
            robot.from(list).lookup(".list-cell").queryAllAs(ListCell.class).stream()
                    .filter(cell -> cell.isVisible() && cell.getItem() instanceof ConversationViewModel c && c.label().equals(label))
                    .findFirst().ifPresent(found::set);
            return found.get() != null;
        });
        return found.get();
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, condition);
    }
}
