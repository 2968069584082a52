package org.natter.client.ui.chat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.natter.client.ui.I18n;
import org.natter.client.ui.ThemeSwitch;
import org.natter.client.ui.rooms.ConversationBar;
import org.natter.client.ui.rooms.ConversationViewModel;
import org.natter.client.ui.rooms.RoomDialog;
import org.natter.client.ui.rooms.Sidebar;
import org.natter.common.protocol.Message;

/** The chat window's code-behind: binds {@code Chat.fxml} to a {@link ChatViewModel}. */
public final class ChatView {

    @FXML private BorderPane root;
    @FXML private VBox userPane;
    @FXML private Label serverNameLabel;
    @FXML private Label serverLabel;
    @FXML private ToggleButton usersToggle;
    @FXML private ToggleButton themeToggle;
    @FXML private CheckMenuItem showJoinsItem;
    @FXML private Button leaveButton;
    @FXML private ListView<ChatEntry> messageList;
    @FXML private Button newMessagesButton;
    @FXML private Label inputProblem;
    @FXML private TextArea input;
    @FXML private Button sendButton;
    @FXML private HBox banner;
    @FXML private Label bannerDetail;
    @FXML private Label userCount;
    @FXML private TextField userFilter;
    @FXML private ListView<String> userList;
    @FXML private ListView<ConversationViewModel> conversationList;
    @FXML private Button joinRoomButton;
    @FXML private Label conversationTitle;
    @FXML private Label topicLabel;
    @FXML private MenuButton conversationMenu;
    @FXML private VBox searchPane;
    @FXML private TextField searchField;
    @FXML private Button searchClose;
    @FXML private Label searchStatus;
    @FXML private ListView<Message> searchResults;

    private final ChatViewModel viewModel;
    private final ThemeSwitch theme;
    private final Consumer<String> openLink;
    private MessagePane messages;
    private SearchPane search;

    private ChatView(ChatViewModel viewModel, ThemeSwitch theme, Consumer<String> openLink) {
        this.viewModel = viewModel;
        this.theme = theme;
        this.openLink = openLink;
    }

    /** @param openLink opens an http(s) address in the system browser */
    public static Parent load(ChatViewModel viewModel, ThemeSwitch theme, Consumer<String> openLink) {
        FXMLLoader loader = new FXMLLoader(ChatView.class.getResource("Chat.fxml"), I18n.bundle());
        loader.setController(new ChatView(viewModel, theme, openLink));
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Chat.fxml is missing or broken", e);
        }
    }

    @FXML
    private void initialize() {
        serverNameLabel.textProperty().bind(viewModel.serverNameProperty()
                .map(name -> name.isEmpty() ? viewModel.address() : name));
        serverLabel.textProperty().bind(Bindings.createStringBinding(() -> I18n.text("chat.header.you",
                viewModel.myNameProperty().get(), viewModel.address(), viewModel.people().userCountProperty().get()),
                viewModel.myNameProperty(), viewModel.people().userCountProperty()));
        themeToggle.selectedProperty().bindBidirectional(theme.darkProperty());
        themeToggle.setGraphic(ThemeSwitch.icon(theme.darkProperty()));
        showJoinsItem.selectedProperty().bindBidirectional(viewModel.showJoinsAndLeavesProperty());
        leaveButton.disableProperty().bind(viewModel.leavingProperty());

        new Sidebar(conversationList, joinRoomButton, viewModel.conversations(), viewModel.rooms()::leave, this::openRoomDialog);
        new ConversationBar(conversationTitle, topicLabel, conversationMenu, viewModel.conversations(), viewModel.rooms()::leave,
                this::openRoomDialog);
        messages = new MessagePane(messageList, viewModel.shownEntriesValue(),
                new MessageActions(openLink, viewModel.rooms()::retry, viewModel.rooms()::dismiss,
                        viewModel::loadOlder), theme.darkProperty());
        newMessagesButton.textProperty().bind(messages.unseenProperty()
                .map(n -> n.intValue() == 1 ? I18n.text("chat.newMessages") : I18n.text("chat.newMessages.many", n)));
        newMessagesButton.visibleProperty().bind(messages.unseenProperty().greaterThan(0));

        search = new SearchPane(root, searchPane, searchField, searchClose, searchStatus, searchResults, viewModel.search(),
                messages, input::requestFocus);

        Composer composer = new Composer(input, viewModel, this::send);
        input.textProperty().bindBidirectional(viewModel.draftProperty());
        input.disableProperty().bind(viewModel.loggedInBinding().not());
        input.promptTextProperty().bind(Bindings.createStringBinding(() -> I18n.text(
                viewModel.removedProperty().get() ? "chat.input.removed"
                        : viewModel.loggedInBinding().get() ? "chat.input.prompt" : "chat.input.offline"),
                viewModel.removedProperty(), viewModel.loggedInBinding()));
        sendButton.disableProperty().bind(viewModel.canSendBinding().not());
        inputProblem.textProperty().bind(viewModel.inputProblemBinding());
        inputProblem.visibleProperty().bind(viewModel.inputProblemBinding().isNotEmpty());
        inputProblem.managedProperty().bind(inputProblem.visibleProperty());

        banner.visibleProperty().bind(viewModel.reconnectingBinding());
        bannerDetail.textProperty().bind(viewModel.reconnectDetailProperty());

        new UserPane(root, userPane, userFilter, userList, usersToggle, viewModel, composer::mention);
        userCount.textProperty().bind(Bindings.size(viewModel.conversations().members()).asString()
                .map(n -> I18n.text("chat.members", n)));
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::onShortcut);
        Platform.runLater(input::requestFocus);
    }

    /** Ctrl+L: back to the message field; Ctrl+K: jump to a room (the room dialog, which also switches). */
    private void onShortcut(KeyEvent event) {
        if (!event.isShortcutDown() || event.isAltDown() || event.isShiftDown()) {
            return;
        }
        if (event.getCode() == KeyCode.L) {
            event.consume();
            input.requestFocus();
        } else if (event.getCode() == KeyCode.K) {
            event.consume();
            openRoomDialog();
        }
    }

    @FXML
    private void send() {
        viewModel.send();
        // Whoever sends wants to see the conversation's end, where the message will appear.
        messages.jumpToNewest();
        input.requestFocus();
    }

    private void openRoomDialog() {
        RoomDialog.open(root.getScene().getWindow(), viewModel.rooms());
    }

    @FXML
    private void openSearch() {
        search.open();
    }

    @FXML
    private void jumpToNewest() {
        messages.jumpToNewest();
    }

    @FXML
    private void retryNow() {
        viewModel.retryNow();
    }

    @FXML
    private void leave() {
        viewModel.leave();
    }
}
