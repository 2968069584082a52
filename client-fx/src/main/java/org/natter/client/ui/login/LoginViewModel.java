package org.natter.client.ui.login;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.natter.client.net.ConnectionFailure;
import org.natter.client.net.ServerAddress;
import org.natter.client.prefs.ClientPreferences;
import org.natter.client.prefs.ServerPasswords;
import org.natter.client.ui.ChatSession;
import org.natter.client.ui.I18n;
import org.natter.client.ui.SessionOpener;
import org.natter.client.ui.InputProblems;

/**
 * The login form: nickname and server, checked as they are typed, and the Connect command. Every failure becomes
 * one sentence in {@link #errorProperty()}; no exception text from the network reaches the user.
 */
public final class LoginViewModel {

    private final ClientPreferences preferences;
    private final SessionOpener opener;
    private final Executor ui;
    private final ServerPasswords passwords;
    private final StringProperty password = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper passwordNeeded = new ReadOnlyBooleanWrapper();
    private final BooleanProperty rememberPassword = new SimpleBooleanProperty();
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty server = new SimpleStringProperty("");
    private final ObservableList<String> recentServers = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper connecting = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper waiting = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final StringBinding nameProblem;
    private final StringBinding serverProblem;
    private final StringBinding serverNote;
    private final BooleanBinding canConnect;
    private Consumer<ChatSession> onLoggedIn = session -> { };

    public LoginViewModel(ClientPreferences preferences, SessionOpener opener, Executor uiExecutor) {
        this(preferences, opener, uiExecutor, ServerPasswords.none());
    }

    /** @param passwords where "Remember" keeps server passwords */
    public LoginViewModel(ClientPreferences preferences, SessionOpener opener, Executor uiExecutor,
                          ServerPasswords passwords) {
        this.passwords = Objects.requireNonNull(passwords, "passwords");
        this.preferences = Objects.requireNonNull(preferences, "preferences");
        this.opener = Objects.requireNonNull(opener, "opener");
        this.ui = Objects.requireNonNull(uiExecutor, "uiExecutor");
        recentServers.setAll(preferences.recentServers());
        name.set(preferences.lastName());
        server.set(recentServers.isEmpty() ? "localhost" : recentServers.get(0));
        nameProblem = Bindings.createStringBinding(() -> name.get().isBlank() ? I18n.text("login.name.empty")
                : InputProblems.name(name.get().strip()).orElse(""), name);
        serverProblem = Bindings.createStringBinding(() -> addressProblem(server.get()), server);
        serverNote = Bindings.createStringBinding(() -> addressNote(server.get()), server);
        canConnect = connecting.not().and(nameProblem.isEmpty()).and(serverProblem.isEmpty());
        // A stale failure message would describe input that no longer exists.
        name.addListener((obs, old, now) -> error.set(""));
        server.addListener((obs, old, now) -> {
            error.set("");
            // Another server may have no password, or another one.
            passwordNeeded.set(false);
            password.set("");
        });
    }

    /** The server's password; shown once the server asked for one. */
    public StringProperty passwordProperty() {
        return password;
    }

    /** Whether the server asked for a password (the field appears then). */
    public ReadOnlyBooleanProperty passwordNeededProperty() {
        return passwordNeeded.getReadOnlyProperty();
    }

    /** Whether to keep the password for this server (in an owner-only file). */
    public BooleanProperty rememberPasswordProperty() {
        return rememberPassword;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty serverProperty() {
        return server;
    }

    public ObservableList<String> recentServers() {
        return recentServers;
    }

    /** Why the nickname breaks the rules (the protocol's sentence), or empty. */
    public StringBinding nameProblemBinding() {
        return nameProblem;
    }

    public StringBinding serverProblemBinding() {
        return serverProblem;
    }

    /** What was left out of a server typed as a link ("http://", a path), or empty. */
    public StringBinding serverNoteBinding() {
        return serverNote;
    }

    public BooleanBinding canConnectBinding() {
        return canConnect;
    }

    public ReadOnlyBooleanProperty connectingProperty() {
        return connecting.getReadOnlyProperty();
    }

    /** True while the login waits for the server's host to let this user in (the server's waiting room). */
    public ReadOnlyBooleanProperty waitingProperty() {
        return waiting.getReadOnlyProperty();
    }

    /** What the form says while connecting: "Connecting…", or that the host has to let the user in. */
    public StringBinding progressTextBinding() {
        return Bindings.createStringBinding(() -> I18n.text(waiting.get() ? "login.waiting" : "login.connecting"), waiting);
    }

    /** The server holds the login until its host lets the user in; called on the UI thread. */
    public void showWaiting() {
        if (connecting.get()) {
            waiting.set(true);
        }
    }

    /** The last failure as one sentence for a person, or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public void setOnLoggedIn(Consumer<ChatSession> handler) {
        onLoggedIn = Objects.requireNonNull(handler);
    }

    /** Connects and logs in; the handler gets the session on success, the error property the reason otherwise. */
    public void connect() {
        if (!canConnect.get()) {
            return;
        }
        ServerInput input = ServerInput.read(server.get());
        ServerAddress address = input.address();
        String invitePin = input.invite() == null ? null : input.invite().fingerprint();
        // As typed, unless it was a link: then as it should have been typed.
        String remembered = input.note().isEmpty() ? server.get().strip() : address.toString();
        String nickname = name.get().strip();
        connecting.set(true);
        error.set("");
        boolean typed = passwordNeeded.get() && !password.get().isEmpty();
        boolean remember = rememberPassword.get();
        CompletableFuture<String> secret = typed ? CompletableFuture.completedFuture(password.get())
                : passwords.find(address).thenApply(found -> found.orElse(null)).exceptionally(failure -> null);
        secret.thenCompose(given -> opener.open(address, nickname, given, invitePin)).whenCompleteAsync((session, failure) -> {
            connecting.set(false);
            waiting.set(false);
            if (failure != null) {
                Throwable cause = unwrap(failure);
                if (cause instanceof ConnectionFailure refused && (refused.kind() == ConnectionFailure.Kind.PASSWORD_NEEDED
                        || refused.kind() == ConnectionFailure.Kind.BAD_PASSWORD)) {
                    passwordNeeded.set(true);
                    if (!typed && refused.kind() == ConnectionFailure.Kind.BAD_PASSWORD) {
                        // A remembered password that no longer works is forgotten.
                        passwords.remember(address, null);
                    }
                }
                error.set(describe(cause, address, nickname));
                return;
            }
            if (typed) {
                passwords.remember(address, remember ? password.get() : null);
            }
            password.set("");
            passwordNeeded.set(false);
            preferences.rememberLogin(session.name(), remembered);
            recentServers.setAll(preferences.recentServers());
            onLoggedIn.accept(session);
        }, ui);
    }

    /** Shows a reason the session ended elsewhere (kicked, name taken on reconnection) on the form. */
    public void showError(String message) {
        error.set(message == null ? "" : message);
    }

    static String describe(Throwable failure, ServerAddress address, String nickname) {
        if (!(failure instanceof ConnectionFailure connectionFailure)) {
            return I18n.text("login.error.other", address.toString());
        }
        String server = address.toString();
        String detail = connectionFailure.getMessage() == null ? "" : connectionFailure.getMessage();
        return switch (connectionFailure.kind()) {
            case UNREACHABLE, LOST, CLOSED, NOT_LOGGED_IN -> I18n.text("login.error.unreachable", server);
            case UNKNOWN_HOST -> I18n.text("login.error.unknownHost", address.host());
            case TIMEOUT -> I18n.text("login.error.timeout", server);
            case NAME_TAKEN -> I18n.text("login.error.nameTaken", nickname);
            case INVALID_NAME -> I18n.text("login.error.invalidName", detail);
            case SERVER_FULL -> I18n.text("login.error.serverFull");
            case NOT_A_CHAT_SERVER -> I18n.text("login.error.notChatServer", server);
            case REFUSED -> I18n.text("login.error.refused", detail);
            case NOT_TRUSTED -> I18n.text("login.error.notTrusted", server);
            case PASSWORD_NEEDED -> I18n.text("login.error.passwordNeeded");
            case BAD_PASSWORD -> I18n.text("login.error.badPassword", detail);
            case TLS_REQUIRED -> I18n.text("login.error.tlsRequired", server);
            case NO_TLS -> I18n.text("login.error.noTls", server);
        };
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String addressProblem(String text) {
        try {
            ServerInput.read(text);
            return "";
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private static String addressNote(String text) {
        try {
            return ServerInput.read(text).note();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
