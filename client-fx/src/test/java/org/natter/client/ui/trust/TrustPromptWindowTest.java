package org.natter.client.ui.trust;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.prefs.Preferences;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.natter.client.net.ConnectionSettings;
import org.natter.client.net.ServerAddress;
import org.natter.client.net.trust.MemoryPinStore;
import org.natter.client.prefs.ClientPreferences;
import org.natter.client.prefs.ServerPasswords;
import org.natter.client.ui.ClientWindow;
import org.natter.server.core.ChatServer;
import org.natter.server.core.ServerSettings;
import org.natter.server.core.security.PasswordHash;
import org.natter.server.core.security.ServerSecurity;
import org.natter.server.core.tls.ServerCertificate;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.service.query.NodeQuery;
import org.testfx.util.WaitForAsyncUtils;

/** The window's trust prompts and password field against a real TLS server, headless (Monocle). */
@ExtendWith(ApplicationExtension.class)
class TrustPromptWindowTest {

    private static final ConnectionSettings FAST = ConnectionSettings.defaults()
            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
            .withBackoff(Duration.ofMillis(100), Duration.ofMillis(300), 0);
    private static final ServerCertificate CERTIFICATE = ServerCertificate.generate();

    private final Preferences node = Preferences.userRoot().node("natter-test-" + UUID.randomUUID());
    private final MemoryPinStore pins = new MemoryPinStore();
    private final ServerPasswords passwords = ServerPasswords.inMemory();
    private final ChatServer server = new ChatServer(ServerSettings.builder().port(0).build(),
            ServerSecurity.tls(CERTIFICATE, false, null));
    private final int port = server.start(0);
    private final ServerAddress address = new ServerAddress("127.0.0.1", port);
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        new ClientWindow(stage, new ClientPreferences(node), FAST, url -> { }, pins, passwords)
                .show(address.toString(), "anna");
    }

    @AfterEach
    void cleanUp() throws Exception {
        server.close();
        node.removeNode();
    }

    @Test
    void firstConnectionShowsTheSafetyCodeAndTrustPinsIt(FxRobot robot) throws Exception {
        robot.clickOn(in(robot).lookup("#connectButton").queryAs(Node.class));

        waitUntil(() -> robot.lookup("#" + TrustPrompt.SAFETY_CODE_ID).tryQuery().isPresent());
        assertThat(robot.lookup("#" + TrustPrompt.SAFETY_CODE_ID).queryAs(Label.class).getText())
                .isEqualTo(CERTIFICATE.safetyCode());
        robot.clickOn(robot.lookup("#" + TrustPrompt.TRUST_BUTTON_ID).queryAs(Button.class));

        waitUntil(() -> in(robot).lookup("#messageList").tryQuery().isPresent());
        assertThat(pins.pinned(address)).contains(CERTIFICATE.fingerprint());
        waitUntil(() -> server.users().stream().anyMatch(user -> user.name().equals("anna")));
    }

    @Test
    void anInviteLinkWithTheFingerprintConnectsWithoutAskingAndPinsIt(FxRobot robot) throws Exception {
        String link = new org.natter.common.protocol.InviteLink("127.0.0.1", port, CERTIFICATE.fingerprint(), "Room 12")
                .toString();
        robot.interact(() -> in(robot).lookup("#serverBox").queryComboBox().getEditor().setText(link));

        robot.clickOn(in(robot).lookup("#connectButton").queryAs(Node.class));

        waitUntil(() -> in(robot).lookup("#messageList").tryQuery().isPresent());
        assertThat(robot.lookup("#" + TrustPrompt.SAFETY_CODE_ID).tryQuery()).as("nobody was asked").isEmpty();
        assertThat(pins.pinned(address)).contains(CERTIFICATE.fingerprint());
    }

    @Test
    void anInviteLinkWithAnotherFingerprintIsRefusedWithoutAsking(FxRobot robot) throws Exception {
        String link = new org.natter.common.protocol.InviteLink("127.0.0.1", port,
                ServerCertificate.generate().fingerprint(), "Room 12").toString();
        robot.interact(() -> in(robot).lookup("#serverBox").queryComboBox().getEditor().setText(link));

        robot.clickOn(in(robot).lookup("#connectButton").queryAs(Node.class));

        waitUntil(() -> in(robot).lookup("#errorLabel").queryAs(Label.class).getText().contains("was not trusted"));
        assertThat(robot.lookup("#" + TrustPrompt.SAFETY_CODE_ID).tryQuery()).as("nobody was asked").isEmpty();
        assertThat(pins.pinned(address)).isEmpty();
    }

    @Test
    void cancelOnFirstUseSaysItWasNotTrusted(FxRobot robot) throws Exception {
        robot.clickOn(in(robot).lookup("#connectButton").queryAs(Node.class));
        waitUntil(() -> robot.lookup("#" + TrustPrompt.TRUST_BUTTON_ID).tryQuery().isPresent());
        robot.clickOn(robot.lookup(".dialog-pane .button").match(node -> node instanceof Button b && b.isCancelButton())
                .queryAs(Button.class));

        waitUntil(() -> in(robot).lookup("#errorLabel").queryAs(Label.class).getText().contains("was not trusted"));
        assertThat(pins.pinned(address)).isEmpty();
    }

    @Test
    void aChangedCertificateIsExplainedAndTrustedOnlyAfterTheSecondStep(FxRobot robot) throws Exception {
        pins.pin(address, ServerCertificate.generate().fingerprint());
        robot.clickOn(in(robot).lookup("#connectButton").queryAs(Node.class));

        waitUntil(() -> robot.lookup("#" + TrustPrompt.WARNING_ID).tryQuery().isPresent());
        Label warning = robot.lookup("#" + TrustPrompt.WARNING_ID).queryAs(Label.class);
        assertThat(warning.getText()).contains("different certificate");
        assertThat(warning.getStyleClass()).contains("trust-warning");
        Button trustNew = robot.lookup("#" + TrustPrompt.TRUST_NEW_BUTTON_ID).queryAs(Button.class);
        assertThat(trustNew.isDisabled()).isTrue();
        assertThat(robot.lookup("#" + TrustPrompt.SAFETY_CODE_ID).queryAs(Label.class).isVisible()).isFalse();

        robot.clickOn(robot.lookup("#" + TrustPrompt.CONFIRM_CHANGE_ID).queryAs(Node.class));
        assertThat(trustNew.isDisabled()).isFalse();
        assertThat(robot.lookup("#" + TrustPrompt.SAFETY_CODE_ID).queryAs(Label.class).getText())
                .isEqualTo(CERTIFICATE.safetyCode());
        robot.clickOn(trustNew);

        waitUntil(() -> in(robot).lookup("#messageList").tryQuery().isPresent());
        assertThat(pins.pinned(address)).contains(CERTIFICATE.fingerprint());
    }

    @Test
    void aPasswordServerShowsThePasswordFieldAndRemembersIt(FxRobot robot) throws Exception {
        server.setSecurity(server.security().withPassword(PasswordHash.create("s3cret")));
        pins.pin(address, CERTIFICATE.fingerprint());
        assertThat(in(robot).lookup("#passwordBox").queryAs(Node.class).isVisible()).isFalse();
        robot.clickOn(in(robot).lookup("#connectButton").queryAs(Node.class));

        waitUntil(() -> in(robot).lookup("#passwordBox").queryAs(Node.class).isVisible());
        assertThat(in(robot).lookup("#errorLabel").queryAs(Label.class).getText()).contains("needs a password");
        robot.clickOn(in(robot).lookup("#passwordField").queryAs(Node.class)).write("s3cret");
        robot.clickOn(in(robot).lookup("#rememberBox").queryAs(Node.class));
        robot.clickOn(in(robot).lookup("#connectButton").queryAs(Node.class));

        waitUntil(() -> in(robot).lookup("#messageList").tryQuery().isPresent());
        assertThat(passwords.find(address).get(5, TimeUnit.SECONDS)).contains("s3cret");
    }

    /** Looks in this window only: the robot would also search windows that earlier tests left behind. */
    private NodeQuery in(FxRobot robot) {
        return robot.from(stage.getScene().getRoot());
    }

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, condition);
    }
}
