package org.natter.client.ui;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.stage.Stage;
import org.controlsfx.control.Notifications;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;
import org.natter.client.net.ChatConnection;
import org.natter.client.net.ClientListener;
import org.natter.client.net.ConnectionSettings;
import org.natter.client.net.ServerAddress;
import org.natter.client.net.discovery.ServerBrowser;
import org.natter.client.net.doctor.ConnectionDoctor;
import org.natter.client.net.trust.ClientSecurity;
import org.natter.client.net.trust.PinStore;
import org.natter.client.net.trust.TrustDecider;
import org.natter.client.prefs.ClientPreferences;
import org.natter.client.prefs.ServerPasswords;
import org.natter.client.ui.trust.TrustPrompt;
import org.natter.client.ui.chat.ChatCommands;
import org.natter.client.ui.chat.ChatEntry;
import org.natter.client.ui.chat.ChatView;
import org.natter.client.ui.chat.ChatViewModel;
import org.natter.client.ui.login.LoginView;
import org.natter.client.ui.login.ConnectionTestViewModel;
import org.natter.client.ui.login.LoginViewModel;
import org.natter.client.ui.login.NearbyServersViewModel;
import org.natter.client.ui.rooms.ConversationViewModel;
import org.natter.common.fx.WindowPlacement;
import org.natter.common.protocol.Waiting;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's one window: the login form, then the chat, then the form again. Composes the view models with the
 * network (one {@link ChatConnection} per login) and with the FX thread ({@code Platform::runLater}).
 */
public final class ClientWindow {

    private static final Logger LOG = LoggerFactory.getLogger(ClientWindow.class);
    private static final Executor FX = Platform::runLater;

    private final Stage stage;
    private final ConnectionSettings settings;
    private final ClientSecurity security;
    private final ClientPreferences preferences;
    private final Consumer<String> browser;
    private final ThemeSwitch theme;
    private final LoginViewModel login;
    private final NearbyServersViewModel nearby;
    private final ConnectionTestViewModel connectionTest;
    /** The login view's blocking work: starting and stopping the network list, the connection test. */
    private final ExecutorService loginWork = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "natter-login-io");
        thread.setDaemon(true);
        return thread;
    });
    private final Scene scene;
    /** Fingerprints from invite links, by server: written on the FX thread, read by the connection's trust check. */
    private final Map<ServerAddress, String> invitePins = new ConcurrentHashMap<>();
    private final LanguageMenu languages;
    private ChatViewModel activeChat;

    /**
     * A window that connects in plain text and remembers no password, and whose "On your network" list stays
     * empty: for tests against servers made in code, which never listen on the machine's real network interfaces.
     *
     * @param browser opens an http(s) link from a message in the system browser (the application's HostServices)
     */
    public ClientWindow(Stage stage, ClientPreferences preferences, ConnectionSettings settings, Consumer<String> browser) {
        this(stage, preferences, settings, browser, null, ServerPasswords.none(), null, List::of);
    }

    /** As the plain-text window for tests, with an "On your network" list that listens from {@code nearbyFrom}. */
    public ClientWindow(Stage stage, ClientPreferences preferences, ConnectionSettings settings, Consumer<String> browser,
            Supplier<List<InetAddress>> nearbyFrom) {
        this(stage, preferences, settings, browser, null, ServerPasswords.none(), null, nearbyFrom);
    }

    /**
     * The window as the app opens it: TLS, each server's certificate pinned in {@code pins} after the person trusted
     * it in a {@link TrustPrompt}, passwords remembered in {@code passwords}.
     *
     * @param pins {@code null} for plain-text connections
     */
    public ClientWindow(Stage stage, ClientPreferences preferences, ConnectionSettings settings, Consumer<String> browser,
                        PinStore pins, ServerPasswords passwords) {
        this(stage, preferences, settings, browser, pins, passwords, null, List::of);
    }

    /**
     * @param trusted    a certificate fingerprint trusted without asking ({@code --trust}, as the demo starts its
     *                   clients), or {@code null}; any other certificate not pinned yet is put to the person
     * @param nearbyFrom the local addresses to look for servers from, such as {@link ServerBrowser#localAddresses()}
     */
    public ClientWindow(Stage stage, ClientPreferences preferences, ConnectionSettings settings, Consumer<String> browser,
                        PinStore pins, ServerPasswords passwords, String trusted, Supplier<List<InetAddress>> nearbyFrom) {
        this.stage = Objects.requireNonNull(stage, "stage");
        this.settings = Objects.requireNonNull(settings, "settings");
        TrustPrompt prompt = new TrustPrompt(() -> stage, FX);
        TrustDecider asked = trusted == null ? prompt : identity -> identity.fingerprint().equals(trusted)
                ? CompletableFuture.completedFuture(true) : prompt.decide(identity);
        // A server reached through an invite link with a fingerprint: that certificate and no other, without asking.
        TrustDecider decider = identity -> {
            String pin = invitePins.get(identity.address());
            return pin != null ? CompletableFuture.completedFuture(pin.equals(identity.fingerprint())) : asked.decide(identity);
        };
        this.security = pins == null ? ClientSecurity.plain() : ClientSecurity.tls(pins, decider);
        this.preferences = Objects.requireNonNull(preferences, "preferences");
        this.browser = Objects.requireNonNull(browser, "browser");
        this.theme = new ThemeSwitch(preferences);
        this.login = new LoginViewModel(preferences, new SessionOpener() {
            @Override
            public CompletableFuture<ChatSession> open(ServerAddress address, String name) {
                return ClientWindow.this.open(address, name, null);
            }

            @Override
            public CompletableFuture<ChatSession> open(ServerAddress address, String name, String password) {
                return ClientWindow.this.open(address, name, password);
            }

            @Override
            public CompletableFuture<ChatSession> open(ServerAddress address, String name, String password,
                    String invitePin) {
                if (invitePin == null) {
                    invitePins.remove(address);
                } else {
                    invitePins.put(address, invitePin);
                }
                return ClientWindow.this.open(address, name, password);
            }
        }, FX, passwords);
        this.nearby = new NearbyServersViewModel(nearbyFrom, loginWork, FX);
        this.connectionTest = new ConnectionTestViewModel(login.serverProperty()::get,
                security.usesTls() ? ConnectionDoctor.forTls(security.pins()) : new ConnectionDoctor(), loginWork, FX);
        login.setOnLoggedIn(this::showChat);
        languages = new LanguageMenu(preferences);
        scene = new Scene(LoginView.load(login, nearby, connectionTest, theme), 960, 640);
        new TextSize(scene, preferences);
        scene.getStylesheets().add(Objects.requireNonNull(getClass().getResource(Styles.STYLESHEET)).toExternalForm());
        stage.setScene(scene);
        stage.setMinWidth(480);
        stage.setMinHeight(400);
        WindowPlacement.apply(stage, Preferences.userRoot().node("org/natter/client"), "/org/natter/client/icons");
        stage.setOnCloseRequest(event -> {
            // Say goodbye to the server before the application ends; the window goes away at once.
            event.consume();
            stage.hide();
            nearby.stop();
            loginWork.shutdown();
            closeChat().whenCompleteAsync((done, failure) -> Platform.exit(), FX);
        });
    }

    public LoginViewModel loginViewModel() {
        return login;
    }

    /** Shows the login form, filled in from the command line when given. */
    public void show(String server, String name) {
        if (server != null) {
            login.serverProperty().set(server);
        }
        if (name != null) {
            login.nameProperty().set(name);
        }
        showLogin("");
        stage.show();
    }

    private CompletableFuture<ChatSession> open(ServerAddress address, String name, String password) {
        ChatConnection connection = new ChatConnection(settings, security);
        ChatViewModel chat = new ChatViewModel(ChatCommands.of(connection), FX, address.toString(),
                ChatViewModel.DEFAULT_MAX_ENTRIES);
        connection.addListener(chat.feed());
        connection.addListener(new ClientListener() {
            @Override
            public void onWaiting(Waiting waiting) {
                FX.execute(login::showWaiting);
            }
        });
        return connection.connect(address, name, password)
                .whenComplete((ok, failure) -> {
                    if (failure != null) {
                        connection.closeInBackground();
                    }
                })
                .thenApply(ok -> new ChatSession(chat, address, ok.name()));
    }

    private void showLogin(String message) {
        activeChat = null;
        stage.titleProperty().unbind();
        stage.setTitle(I18n.text("app.title"));
        login.showError(message);
        Parent root = LoginView.load(login, nearby, connectionTest, theme);
        languages.addTo(root);
        scene.setRoot(root);
        nearby.start();
    }

    private void showChat(ChatSession session) {
        ChatViewModel chat = session.viewModel();
        activeChat = chat;
        nearby.stop();
        chat.windowFocusedProperty().bind(stage.focusedProperty());
        chat.setOnLeft(() -> showLogin(""));
        chat.setOnEnded(this::showLogin);
        chat.setOnKicked(this::showKicked);
        chat.setOnNotify(this::notify);
        rememberRooms(session);
        chat.showJoinsAndLeavesProperty().set(preferences.showJoinsAndLeaves());
        chat.showJoinsAndLeavesProperty().addListener((obs, was, show) -> preferences.setShowJoinsAndLeaves(show));
        Parent root = ChatView.load(chat, theme, browser);
        languages.addTo(root);
        scene.setRoot(root);
        stage.titleProperty().bind(chat.titleBinding());
    }

    private void showKicked(String text) {
        Alert alert = new Alert(Alert.AlertType.INFORMATION, text);
        alert.initOwner(stage);
        alert.setTitle(I18n.text("kicked.title"));
        alert.setHeaderText(I18n.text("kicked.header"));
        // The theme's icon font rather than JavaFX's glossy bitmap.
        FontIcon icon = new FontIcon(Feather.USER_X);
        icon.getStyleClass().add(Styles.DIALOG_ICON);
        alert.setGraphic(icon);
        alert.getDialogPane().getStylesheets().add(Objects.requireNonNull(getClass().getResource(Styles.STYLESHEET)).toExternalForm());
        alert.setOnHidden(event -> showLogin(text));
        alert.show();
    }

    /**
     * Joins the rooms that were open on this server last time (the login put this user in general), then remembers
     * every change of the open rooms; the preferences write in the background.
     */
    private void rememberRooms(ChatSession session) {
        String server = session.address().toString();
        List<String> remembered = preferences.openRooms(server);
        ChatViewModel chat = session.viewModel();
        chat.conversations().setOnJoinedRoomsChanged(rooms -> preferences.setOpenRooms(server, rooms));
        remembered.forEach(chat.rooms()::rejoin);
    }

    private void notify(ConversationViewModel conversation, ChatEntry entry) {
        try {
            FontIcon icon = new FontIcon(conversation.isRoom() ? Feather.AT_SIGN : Feather.MESSAGE_SQUARE);
            icon.getStyleClass().add(Styles.DIALOG_ICON);
            Notifications notification = Notifications.create()
                    .owner(stage)
                    .graphic(icon)
                    .title(conversation.isRoom() ? I18n.text("notification.mention", entry.from(), conversation.label())
                            : I18n.text("notification.direct", entry.from()))
                    .text(entry.text().length() > 140 ? entry.text().substring(0, 140) + "…" : entry.text());
            if (theme.darkProperty().get()) {
                notification.darkStyle();
            }
            notification.show();
        } catch (RuntimeException e) {
            // A desktop without notifications still has the highlighted message and the unread count.
            LOG.debug("Could not show a notification: {}", e.toString());
        }
    }

    /** Leaves through the view model, so that closing the window ends a session the same way as Leave. */
    private CompletableFuture<Void> closeChat() {
        ChatViewModel chat = activeChat;
        activeChat = null;
        CompletableFuture<Void> left = new CompletableFuture<>();
        if (chat == null) {
            left.complete(null);
        } else {
            chat.setOnLeft(() -> left.complete(null));
            chat.leave();
        }
        return left;
    }
}
