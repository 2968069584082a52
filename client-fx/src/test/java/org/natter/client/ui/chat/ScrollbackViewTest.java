package org.natter.client.ui.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import java.util.stream.LongStream;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.skin.VirtualFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.natter.client.net.ConnectionState;
import org.natter.client.net.Conversation;
import org.natter.client.prefs.ClientPreferences;
import org.natter.client.ui.Styles;
import org.natter.client.ui.ThemeSwitch;
import org.natter.common.protocol.History;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.Message;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Scrolling to the top of the message pane loads older messages above, and the view stays where it was. */
@ExtendWith(ApplicationExtension.class)
class ScrollbackViewTest {

    private final Preferences node = Preferences.userRoot().node("natter-test-" + UUID.randomUUID());
    private final FakeCommands commands = new FakeCommands();
    private ChatViewModel viewModel;
    private Scene scene;

    @Start
    void start(Stage stage) {
        viewModel = new ChatViewModel(commands, Platform::runLater, "chat.lan:8020", 500);
        scene = new Scene(ChatView.load(viewModel, new ThemeSwitch(new ClientPreferences(node)), link -> { }), 640, 420);
        scene.getStylesheets().add(getClass().getResource(Styles.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        stage.sizeToScene();
        stage.show();
        viewModel.feed().onStateChanged(ConnectionState.LOGGED_IN);
        viewModel.feed().onLoggedIn(new LoginOk("c1", "anna", 1, null, List.of("anna"), null), false);
    }

    @AfterEach
    void removeNode() throws Exception {
        node.removeNode();
    }

    private static List<Message> messages(long from, long to) {
        return LongStream.rangeClosed(from, to)
                .mapToObj(id -> new Message(id, "bob", "message " + id, Instant.now(), null, "general", null)).toList();
    }

    @Test
    void topOfTheListLoadsTheOlderPageAboveAndKeepsThePlace(FxRobot robot) throws Exception {
        viewModel.feed().onHistory(Conversation.room("general"), messages(101, 160), false);
        ListView<ChatEntry> list = robot.from(scene.getRoot()).lookup("#messageList").queryListView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() > 60
                && list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow && flow.getLastVisibleCell() != null
                && flow.getLastVisibleCell().getIndex() == list.getItems().size() - 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(commands.pageRequests).as("the newest lines are in view, not the top").isEmpty();

        robot.interact(() -> list.scrollTo(0));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !commands.pageRequests.isEmpty());
        assertThat(commands.pageRequests).containsExactly("#general before 101 limit 100");
        VirtualFlow<?> flow = (VirtualFlow<?>) list.lookup(".virtual-flow");
        ChatEntry firstInView = list.getItems().get(0);
        assertThat(flow.getFirstVisibleCell().getItem()).isSameAs(firstInView);

        robot.interact(() -> commands.pages.get(0).complete(
                new History(null, "general", null, messages(61, 100), false)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.getItems().size() > 100);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(list.getItems().get(0).text()).isEqualTo("message 61");
        assertThat(list.getItems().get(40)).isSameAs(firstInView);
        assertThat(flow.getFirstVisibleCell().getIndex()).as("the line read before stays first in view").isEqualTo(40);
        assertThat(commands.pageRequests).as("no longer at the top").hasSize(1);
    }
}
