package org.natter.client.ui.chat;

import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.natter.client.ui.I18n;
import org.natter.client.ui.ThemeSwitch;

/** The chat window's code-behind: binds {@code Chat.fxml} to a {@link ChatViewModel}. */
public final class ChatView {

    @FXML private BorderPane root;
    @FXML private VBox userPane;
    @FXML private Label nameLabel;
    @FXML private Label serverLabel;
    @FXML private ToggleButton themeToggle;
    @FXML private Button leaveButton;
    @FXML private ListView<ChatEntry> messageList;
    @FXML private Label inputProblem;
    @FXML private TextArea input;
    @FXML private Button sendButton;
    @FXML private HBox banner;
    @FXML private Label bannerDetail;
    @FXML private Label userCount;
    @FXML private ListView<String> userList;

    private static final double NARROW = 640;

    private final ChatViewModel viewModel;
    private final ThemeSwitch theme;
    private final String server;
    private boolean scrollPending;
    private boolean following;
    private int followTries;
    private final Runnable followEnd = this::followEnd;

    private ChatView(ChatViewModel viewModel, ThemeSwitch theme, String server) {
        this.viewModel = viewModel;
        this.theme = theme;
        this.server = server;
    }

    public static Parent load(ChatViewModel viewModel, ThemeSwitch theme, String server) {
        FXMLLoader loader = new FXMLLoader(ChatView.class.getResource("Chat.fxml"), I18n.bundle());
        loader.setController(new ChatView(viewModel, theme, server));
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Chat.fxml is missing or broken", e);
        }
    }

    @FXML
    private void initialize() {
        nameLabel.textProperty().bind(viewModel.myNameProperty());
        serverLabel.textProperty().bind(viewModel.userCountProperty().asString()
                .map(n -> I18n.text("chat.header.server", server, n)));
        // A narrow window gives the conversation all the room; the header still says how many are online.
        userPane.visibleProperty().bind(root.widthProperty().greaterThan(NARROW));
        userPane.managedProperty().bind(userPane.visibleProperty());
        themeToggle.selectedProperty().bindBidirectional(theme.darkProperty());
        themeToggle.setGraphic(ThemeSwitch.icon(theme.darkProperty()));
        leaveButton.disableProperty().bind(viewModel.leavingProperty());

        messageList.setItems(viewModel.entries());
        messageList.setCellFactory(MessageCell::new);
        messageList.setFocusTraversable(false);
        // Follow the conversation: after each batch, show the newest line.
        viewModel.entries().addListener((ListChangeListener<ChatEntry>) change -> {
            // After the list has laid out the new cells, so the flow knows their real heights; one pending at most.
            if (!scrollPending) {
                scrollPending = true;
                Platform.runLater(this::scrollToNewest);
            }
        });

        input.textProperty().bindBidirectional(viewModel.draftProperty());
        input.disableProperty().bind(viewModel.loggedInBinding().not());
        input.promptTextProperty().bind(javafx.beans.binding.Bindings.when(viewModel.loggedInBinding())
                .then(I18n.text("chat.input.prompt")).otherwise(I18n.text("chat.input.offline")));
        input.addEventFilter(KeyEvent.KEY_PRESSED, this::onInputKey);
        sendButton.disableProperty().bind(viewModel.canSendBinding().not());
        inputProblem.textProperty().bind(viewModel.inputProblemBinding());
        inputProblem.visibleProperty().bind(viewModel.inputProblemBinding().isNotEmpty());
        inputProblem.managedProperty().bind(inputProblem.visibleProperty());

        banner.visibleProperty().bind(viewModel.reconnectingBinding());
        bannerDetail.textProperty().bind(viewModel.reconnectDetailProperty());

        userList.setItems(viewModel.users());
        userList.setCellFactory(list -> new UserCell(viewModel.myNameProperty()));
        userCount.textProperty().bind(viewModel.userCountProperty().asString().map(n -> I18n.text("chat.users", n)));
        Platform.runLater(input::requestFocus);
    }

    /**
     * Shows the newest line whole. ListView.scrollTo brings the flow's item count up to date; new cells are only
     * estimated until styled and laid out, so the view follows the end again after each layout until the newest
     * line is really in view (a few pulses at most).
     */
    private void scrollToNewest() {
        scrollPending = false;
        messageList.scrollTo(viewModel.entries().size() - 1);
        followTries = 5;
        if (!following && messageList.getScene() != null) {
            following = true;
            messageList.getScene().addPostLayoutPulseListener(followEnd);
        }
    }

    private void followEnd() {
        int last = viewModel.entries().size() - 1;
        if (!(messageList.lookup(".virtual-flow") instanceof VirtualFlow<?> flow) || last < 0 || followTries-- <= 0
                || newestInView(flow, last)) {
            following = false;
            messageList.getScene().removePostLayoutPulseListener(followEnd);
            return;
        }
        flow.scrollTo(last);
        messageList.requestLayout();
    }

    private static boolean newestInView(VirtualFlow<?> flow, int last) {
        var cell = flow.getLastVisibleCell();
        return cell != null && cell.getIndex() == last
                && cell.getLayoutY() + cell.getHeight() <= flow.getHeight() + 0.5;
    }

    private void onInputKey(KeyEvent event) {
        if (event.getCode() != KeyCode.ENTER) {
            return;
        }
        event.consume();
        if (event.isShiftDown()) {
            input.insertText(input.getCaretPosition(), "\n");
        } else {
            viewModel.send();
        }
    }

    @FXML
    private void send() {
        viewModel.send();
        input.requestFocus();
    }

    @FXML
    private void leave() {
        viewModel.leave();
    }
}
