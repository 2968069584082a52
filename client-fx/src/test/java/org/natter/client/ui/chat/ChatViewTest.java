package org.natter.client.ui.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.TextArea;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
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
    private final List<String> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
    private ChatViewModel viewModel;
    private Scene scene;
    private ThemeSwitch theme;

    @Start
    void start(Stage stage) {
        viewModel = new ChatViewModel(new FakeCommands(), Platform::runLater, "chat.lan:8020", 500);
        theme = new ThemeSwitch(new ClientPreferences(node));
        scene = new Scene(ChatView.load(viewModel, theme, opened::add), 640, 420);
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
        MessageText text = robot.from(scene.getRoot()).lookup(".message-text").queryAs(MessageText.class);
        ListView<?> list = robot.from(scene.getRoot()).lookup("#messageList").queryAs(ListView.class);
        assertThat(text.getWidth()).isLessThan(list.getWidth());
        assertThat(text.getHeight()).isGreaterThan(14 * 4);
    }

    @Test
    void widerWindowRewrapsLongMessages(FxRobot robot) throws Exception {
        viewModel.feed().onMessage(new Message(1, "bob", "word ".repeat(200), Instant.now(), null));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.from(scene.getRoot()).lookup(".message-text")
                .tryQuery().map(label -> label.getLayoutBounds().getWidth() > 0).orElse(false));
        MessageText text = robot.from(scene.getRoot()).lookup(".message-text").queryAs(MessageText.class);
        double narrow = text.getWidth();

        robot.interact(() -> {
            scene.getWindow().setX(0);
            scene.getWindow().setWidth(1000);
        });

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> text.getWidth() > narrow + 80);
    }

    @Test
    void scrolledUpViewKeepsItsPlaceAndCountsNewMessages(FxRobot robot) throws Exception {
        for (int i = 0; i < 500; i++) {
            viewModel.feed().onMessage(new Message(i, i % 2 == 0 ? "bob" : "li", "message " + i, Instant.now(), null));
        }
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lastVisibleIndex() == viewModel.shownEntries().size() - 1);
        robot.interact(() -> list().scrollTo(470));
        WaitForAsyncUtils.waitForFxEvents();
        int top = firstVisibleIndex();

        viewModel.feed().onMessage(new Message(900, "bob", "new one", Instant.now(), null));
        viewModel.feed().onMessage(new Message(901, "bob", "and another", Instant.now(), null));
        Button jump = robot.lookup("#newMessagesButton").queryAs(Button.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, jump::isVisible);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(firstVisibleIndex()).as("the view stays where the reader is").isEqualTo(top);
        assertThat(jump.getText()).isEqualTo("2 new messages");

        robot.clickOn(jump);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lastCellIsWhollyVisible(robot, "and another"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !jump.isVisible());
    }

    @Test
    void viewAtTheBottomStaysThereThroughAResizeAndAThemeChange(FxRobot robot) throws Exception {
        for (int i = 0; i < 60; i++) {
            viewModel.feed().onMessage(new Message(i, "bob", "message " + i + " with words ".repeat(i % 4 * 6), Instant.now(), null));
        }
        viewModel.feed().onMessage(new Message(99, "bob", "the very last one", Instant.now(), null));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lastCellIsWhollyVisible(robot));

        robot.interact(() -> scene.getWindow().setWidth(scene.getWindow().getWidth() - 200));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lastCellIsWhollyVisible(robot));
        robot.interact(() -> theme.darkProperty().set(!theme.darkProperty().get()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lastCellIsWhollyVisible(robot));
        robot.interact(() -> scene.getWindow().setHeight(scene.getWindow().getHeight() - 120));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lastCellIsWhollyVisible(robot));
    }

    @Test
    void selectedMessagesAreCopiedAsTimeNameAndText(FxRobot robot) throws Exception {
        viewModel.feed().onMessage(new Message(1, "bob", "first", Instant.now(), null));
        viewModel.feed().onMessage(new Message(2, "li", "second", Instant.now(), null));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> viewModel.shownEntries().size() == 3);

        robot.interact(() -> {
            list().getSelectionModel().selectRange(1, 3);
            list().requestFocus();
        });
        robot.press(KeyCode.CONTROL).type(KeyCode.C).release(KeyCode.CONTROL);

        String copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get(5, TimeUnit.SECONDS);
        assertThat(copied).matches("\\d\\d:\\d\\d bob: first\n\\d\\d:\\d\\d li: second");
    }

    @Test
    void linkOpensInTheBrowserAndTheRestStaysText(FxRobot robot) throws Exception {
        viewModel.feed().onMessage(new Message(1, "bob", "slides: https://example.org/week-7 <b>not bold</b>", Instant.now(), null));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".message-link").tryQuery().isPresent());

        robot.clickOn(robot.lookup(".message-link").queryAs(Hyperlink.class));

        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !opened.isEmpty());
        assertThat(opened).containsExactly("https://example.org/week-7");
        assertThat(robot.lookup(".message-text-run").queryAllAs(Text.class)).extracting(Text::getText)
                .contains(" <b>not bold</b>");
    }

    @Test
    void tabMovesTheFocusOutOfTheMessageFieldAndTheListTakesTheFocus(FxRobot robot) throws Exception {
        TextArea input = robot.lookup("#input").queryAs(TextArea.class);
        robot.clickOn(input).write("hi");

        robot.type(KeyCode.TAB);

        WaitForAsyncUtils.waitForFxEvents();
        assertThat(input.isFocused()).isFalse();
        assertThat(input.getText()).isEqualTo("hi");
        robot.press(KeyCode.SHIFT).type(KeyCode.TAB).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(input.isFocused()).isTrue();
        assertThat(list().isFocusTraversable()).isTrue();
    }

    private ListView<ChatEntry> list() {
        @SuppressWarnings("unchecked")
        ListView<ChatEntry> list = (ListView<ChatEntry>) scene.lookup("#messageList");
        return list;
    }

    private int firstVisibleIndex() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> ((VirtualFlow<?>) list().lookup(".virtual-flow")).getFirstVisibleCell().getIndex())
                .get(5, TimeUnit.SECONDS);
    }

    private int lastVisibleIndex() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            var cell = ((VirtualFlow<?>) list().lookup(".virtual-flow")).getLastVisibleCell();
            return cell == null ? -1 : cell.getIndex();
        }).get(5, TimeUnit.SECONDS);
    }

    private boolean lastCellIsWhollyVisible(FxRobot robot) {
        return lastCellIsWhollyVisible(robot, "the very last one");
    }

    private boolean lastCellIsWhollyVisible(FxRobot robot, String last) {
        ListView<?> list = robot.from(scene.getRoot()).lookup("#messageList").queryAs(ListView.class);
        Bounds listBounds = list.localToScene(list.getLayoutBounds());
        return robot.from(list).lookup(".list-cell").queryAllAs(ListCell.class).stream()
                .filter(cell -> cell.isVisible() && cell.getItem() instanceof ChatEntry entry && entry.text().equals(last))
                .anyMatch(cell -> {
                    Bounds cellBounds = cell.localToScene(cell.getLayoutBounds());
                    return cellBounds.getMinY() >= listBounds.getMinY() && cellBounds.getMaxY() <= listBounds.getMaxY() + 0.5;
                });
    }
}
