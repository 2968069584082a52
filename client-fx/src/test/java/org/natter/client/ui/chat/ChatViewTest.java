package org.natter.client.ui.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.natter.client.net.ConnectionState;
import org.natter.client.prefs.ClientPreferences;
import org.natter.client.ui.Styles;
import org.natter.client.ui.ThemeSwitch;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.Message;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The message pane on its own, fed straight through the view model. */
@ExtendWith(ApplicationExtension.class)
class ChatViewTest {

    private final Preferences node = Preferences.userRoot().node("natter-test-" + UUID.randomUUID());
    private ChatViewModel viewModel;
    private Scene scene;

    @Start
    void start(Stage stage) {
        viewModel = new ChatViewModel(new ChatCommands() {
            @Override
            public CompletableFuture<?> send(String text) {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public CompletableFuture<?> leave() {
                return CompletableFuture.completedFuture(null);
            }
        }, Platform::runLater, "chat.lan:8020", 500);
        scene = new Scene(ChatView.load(viewModel, new ThemeSwitch(new ClientPreferences(node)), "chat.lan:8020"), 640, 420);
        scene.getStylesheets().add(getClass().getResource(Styles.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        // TestFX reuses one stage; an earlier test may have sized it (or restored a saved size) explicitly.
        stage.sizeToScene();
        stage.show();
        viewModel.feed().onStateChanged(ConnectionState.LOGGED_IN);
        viewModel.feed().onLoggedIn(new LoginOk("c1", "anna", 1, "You are user number 1.", List.of("anna"), null), false);
    }

    @AfterEach
    void removeNode() throws Exception {
        node.removeNode();
    }

    @Test
    void newestMessageIsScrolledFullyIntoView(FxRobot robot) throws Exception {
        for (int i = 0; i < 80; i++) {
            String text = i % 3 == 0 ? "A longer message that has to wrap over several lines in a narrow window, number " + i
                    + ", with some more words to be sure it wraps." : "short " + i;
            viewModel.feed().onMessage(new Message(i, i % 2 == 0 ? "bob" : "anna", text, Instant.now(), null));
        }
        viewModel.feed().onMessage(new Message(99, "bob", "the very last one", Instant.now(), null));

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lastCellIsWhollyVisible(robot));
    }

    @Test
    void longMessageWrapsInsteadOfWideningTheList(FxRobot robot) throws Exception {
        viewModel.feed().onMessage(new Message(1, "bob", "word ".repeat(200), Instant.now(), null));

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.from(scene.getRoot()).lookup(".message-text")
                .tryQuery().map(label -> label.getLayoutBounds().getHeight() > 0).orElse(false));
        WaitForAsyncUtils.waitForFxEvents();
        Label text = robot.from(scene.getRoot()).lookup(".message-text").queryAs(Label.class);
        ListView<?> list = robot.from(scene.getRoot()).lookup("#messageList").queryAs(ListView.class);
        assertThat(text.getWidth()).isLessThan(list.getWidth());
        assertThat(text.getHeight()).isGreaterThan(text.getFont().getSize() * 4);
    }

    @Test
    void widerWindowRewrapsLongMessages(FxRobot robot) throws Exception {
        viewModel.feed().onMessage(new Message(1, "bob", "word ".repeat(200), Instant.now(), null));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.from(scene.getRoot()).lookup(".message-text")
                .tryQuery().map(label -> label.getLayoutBounds().getWidth() > 0).orElse(false));
        Label text = robot.from(scene.getRoot()).lookup(".message-text").queryAs(Label.class);
        double narrow = text.getWidth();

        robot.interact(() -> {
            scene.getWindow().setX(0);
            scene.getWindow().setWidth(1000);
        });

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text.getWidth() > narrow + 80);
    }

    private boolean lastCellIsWhollyVisible(FxRobot robot) {
        ListView<?> list = robot.from(scene.getRoot()).lookup("#messageList").queryAs(ListView.class);
        Bounds listBounds = list.localToScene(list.getLayoutBounds());
        return robot.from(list).lookup(".list-cell").queryAllAs(ListCell.class).stream()
                .filter(cell -> cell.isVisible() && cell.getItem() instanceof ChatEntry entry && entry.text().equals("the very last one"))
                .anyMatch(cell -> {
                    Bounds cellBounds = cell.localToScene(cell.getLayoutBounds());
                    return cellBounds.getMinY() >= listBounds.getMinY() && cellBounds.getMaxY() <= listBounds.getMaxY() + 0.5;
                });
    }
}
