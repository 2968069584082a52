package org.natter.client.ui.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.natter.client.net.ConnectionFailure;
import org.natter.client.net.ServerAddress;
import org.natter.client.prefs.ClientPreferences;
import org.natter.client.ui.ChatSession;

/** The login form's logic with no JavaFX toolkit. */
class LoginViewModelTest {

    private final Preferences node = Preferences.userRoot().node("natter-test-" + UUID.randomUUID());
    private final ClientPreferences preferences = new ClientPreferences(node);
    private final List<ServerAddress> opened = new ArrayList<>();
    private CompletableFuture<ChatSession> nextResult = new CompletableFuture<>();
    private LoginViewModel viewModel;

    @BeforeEach
    void form() {
        viewModel = new LoginViewModel(preferences, (address, name) -> {
            opened.add(address);
            return nextResult;
        }, Runnable::run);
    }

    @AfterEach
    void removeNode() throws Exception {
        node.removeNode();
    }

    @Test
    void nameIsCheckedAsYouTypeWithTheProtocolRules() {
        viewModel.nameProperty().set("two words");
        assertThat(viewModel.nameProblemBinding().get()).isEqualTo("A name cannot contain spaces.");
        assertThat(viewModel.canConnectBinding().get()).isFalse();

        viewModel.nameProperty().set("anna");
        assertThat(viewModel.nameProblemBinding().get()).isEmpty();
        assertThat(viewModel.canConnectBinding().get()).isTrue();
    }

    @Test
    void lookAlikeAndInvisibleNamesAreCaughtBeforeConnecting() {
        viewModel.nameProperty().set("\u0430lice");
        assertThat(viewModel.nameProblemBinding().get()).contains("cannot mix Cyrillic and Latin");
        assertThat(viewModel.canConnectBinding().get()).isFalse();

        viewModel.nameProperty().set("alice\u3164");
        assertThat(viewModel.nameProblemBinding().get()).isEqualTo("A name cannot contain invisible characters (U+3164).");
        assertThat(viewModel.canConnectBinding().get()).isFalse();
    }

    @Test
    void emptyNicknameSaysWhatIsNeeded() {
        viewModel.nameProperty().set("  ");

        assertThat(viewModel.nameProblemBinding().get()).startsWith("Type a nickname:");
        assertThat(viewModel.canConnectBinding().get()).isFalse();
    }

    @Test
    void serverPastedAsALinkIsConnectedToAsHostAndPortWithANote() {
        viewModel.nameProperty().set("anna");
        viewModel.serverProperty().set(" http://127.0.0.1:20020/ ");

        assertThat(viewModel.serverProblemBinding().get()).isEmpty();
        assertThat(viewModel.serverNoteBinding().get()).isEqualTo(
                "Connecting to 127.0.0.1:20020: a chat server address is just host:port (left out: “http://”).");
        viewModel.connect();
        assertThat(opened).containsExactly(new ServerAddress("127.0.0.1", 20020));

        viewModel.serverProperty().set("natter://Chat.LAN/room/1");
        assertThat(viewModel.serverNoteBinding().get()).contains("chat.lan:8020").contains("(left out: “natter://”, “/room/1”)");
        viewModel.serverProperty().set("chat.lan:9000");
        assertThat(viewModel.serverNoteBinding().get()).isEmpty();
    }

    @Test
    void anInviteLinkIsReadWholeWithTheServersName() {
        String fp = "AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89";
        viewModel.nameProperty().set("anna");
        viewModel.serverProperty().set("natter://192.168.1.20:8021/?fp=" + fp + "&name=Room%2012");

        assertThat(viewModel.serverProblemBinding().get()).isEmpty();
        assertThat(viewModel.serverNoteBinding().get()).isEqualTo("Invitation to “Room 12” at 192.168.1.20:8021.");
        assertThat(ServerInput.read(viewModel.serverProperty().get()).invite().fingerprint()).isEqualTo(fp);
        viewModel.connect();
        assertThat(opened).containsExactly(new ServerAddress("192.168.1.20", 8021));

        viewModel.serverProperty().set("natter://192.168.1.20:8021/?fp=12:34");
        assertThat(viewModel.serverProblemBinding().get()).isNotEmpty();
    }

    @Test
    void otherSchemesAreRefusedWithASentence() {
        viewModel.serverProperty().set("ftp://chat.lan");

        assertThat(viewModel.serverProblemBinding().get())
                .isEqualTo("A chat server address is host or host:port, without “ftp://”.");
    }

    @Test
    void badServerAddressBlocksConnect() {
        viewModel.nameProperty().set("anna");
        viewModel.serverProperty().set("host:70000");

        assertThat(viewModel.serverProblemBinding().get()).isNotEmpty();
        assertThat(viewModel.canConnectBinding().get()).isFalse();
    }

    @Test
    void connectingShowsProgressAndSuccessIsRemembered() {
        List<ChatSession> sessions = new ArrayList<>();
        viewModel.setOnLoggedIn(sessions::add);
        viewModel.nameProperty().set("anna");
        viewModel.serverProperty().set("chat.lan");

        viewModel.connect();

        assertThat(opened).containsExactly(new ServerAddress("chat.lan", 8020));
        assertThat(viewModel.connectingProperty().get()).isTrue();
        assertThat(viewModel.canConnectBinding().get()).isFalse();
        ChatSession session = new ChatSession(null, new ServerAddress("chat.lan", 8020), "anna");
        nextResult.complete(session);

        assertThat(viewModel.connectingProperty().get()).isFalse();
        assertThat(sessions).containsExactly(session);
        assertThat(preferences.lastName()).isEqualTo("anna");
        assertThat(preferences.recentServers()).containsExactly("chat.lan");
    }

    @Test
    void aLoginHeldByTheHostSaysSoUntilItEnds() {
        viewModel.nameProperty().set("anna");
        viewModel.showWaiting();
        assertThat(viewModel.waitingProperty().get()).as("not connecting: nothing to wait for").isFalse();
        viewModel.connect();
        assertThat(viewModel.progressTextBinding().get()).isEqualTo("Connecting…");

        viewModel.showWaiting();
        assertThat(viewModel.progressTextBinding().get()).isEqualTo("Waiting for the host to let you in…");
        nextResult.completeExceptionally(new ConnectionFailure(ConnectionFailure.Kind.REFUSED, null,
                "The host did not let you in.", null));

        assertThat(viewModel.waitingProperty().get()).isFalse();
        assertThat(viewModel.errorProperty().get()).isEqualTo("The server refused the login: The host did not let you in.");
    }

    @Test
    void everyFailureBecomesASentence() {
        assertThat(failureText(ConnectionFailure.Kind.UNREACHABLE))
                .isEqualTo("Cannot reach chat.lan:8020. Is the server started? Is the address right?");
        assertThat(failureText(ConnectionFailure.Kind.NAME_TAKEN)).contains("Someone is already called “anna”");
        assertThat(failureText(ConnectionFailure.Kind.SERVER_FULL)).isEqualTo("The server is full. Try again later.");
        assertThat(failureText(ConnectionFailure.Kind.TIMEOUT)).contains("did not answer in time");
        assertThat(failureText(ConnectionFailure.Kind.INVALID_NAME)).contains("refused the nickname");
        for (ConnectionFailure.Kind kind : ConnectionFailure.Kind.values()) {
            assertThat(failureText(kind)).doesNotContain("Exception").doesNotContain("\tat ");
        }
    }

    @Test
    void editingTheFormClearsAnOldError() {
        viewModel.nameProperty().set("anna");
        viewModel.connect();
        nextResult.completeExceptionally(new ConnectionFailure(ConnectionFailure.Kind.UNREACHABLE, "refused"));
        assertThat(viewModel.errorProperty().get()).isNotEmpty();

        viewModel.nameProperty().set("anna2");

        assertThat(viewModel.errorProperty().get()).isEmpty();
    }

    @Test
    void lastNameAndServersArePrefilled() {
        preferences.rememberLogin("bob", "beta:9000");

        LoginViewModel fresh = new LoginViewModel(preferences, (a, n) -> nextResult, Runnable::run);

        assertThat(fresh.nameProperty().get()).isEqualTo("bob");
        assertThat(fresh.serverProperty().get()).isEqualTo("beta:9000");
        assertThat(fresh.recentServers()).containsExactly("beta:9000");
    }

    private String failureText(ConnectionFailure.Kind kind) {
        return LoginViewModel.describe(new ConnectionFailure(kind, "detail"), new ServerAddress("chat.lan", 8020), "anna");
    }
}
