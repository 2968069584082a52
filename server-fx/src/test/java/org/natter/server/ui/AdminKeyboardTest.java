package org.natter.server.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.natter.server.ui.FxWait.onFx;
import static org.natter.server.ui.FxWait.waitUntil;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.natter.common.fx.Messages;
import org.natter.common.fx.UiTheme;
import org.natter.common.model.ServerState;
import org.natter.server.core.ChatServer;
import org.natter.server.core.ServerSettings;
import org.natter.server.ui.settings.AdminPreferences;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Every mnemonic and shortcut of docs/ADMIN-WINDOW.md, pressed on the keyboard. */
@ExtendWith(ApplicationExtension.class)
class AdminKeyboardTest {

    @TempDir static Path dataDir;
    private ChatServer server;
    private ExecutorService background;
    private Stage stage;

    @Start
    void start(Stage window) {
        stage = window;
        server = new ChatServer(ServerSettings.defaults().withPort(0));
        background = Executors.newSingleThreadExecutor();
        Messages messages = Messages.load(AdminWindow.BUNDLE);
        AdminViewModel viewModel = new AdminViewModel(server, new AdminPreferences("Natter", "", UiTheme.LIGHT),
                dataDir, Platform::runLater, background, Clock.systemUTC(), ZoneId.systemDefault(), messages);
        AdminWindow.show(window, viewModel, messages, ZoneId.systemDefault(), dataDir);
    }

    @AfterEach
    void stopServer() {
        server.close();
        background.shutdownNow();
    }

    @Test
    void altPFocusesThePortFieldAndDoesNotStart(FxRobot robot) throws Exception {
        robot.clickOn("#announceField");

        alt(robot, KeyCode.P);

        waitUntil(() -> focused(robot, "#portField"));
        assertThat(server.state()).isEqualTo(ServerState.STOPPED);
        assertThat(onFx(() -> robot.lookup("#stateLabel").queryAs(Label.class).getText())).isEqualTo("Stopped");
    }

    @Test
    void altUPausesTheLogAndCountsNewLinesThenResumes(FxRobot robot) throws Exception {
        alt(robot, KeyCode.U);
        waitUntil(() -> pauseText(robot).startsWith("Resume"));

        alt(robot, KeyCode.S);
        waitUntil(() -> pauseText(robot).equals("Resume (1 new line)"));

        alt(robot, KeyCode.U);
        waitUntil(() -> pauseText(robot).equals("Pause"));
    }

    private static String pauseText(FxRobot robot) {
        return robot.lookup("#pauseButton").queryButton().getText().replace("_", "");
    }

    private static void alt(FxRobot robot, KeyCode key) {
        robot.press(KeyCode.ALT, key).release(key, KeyCode.ALT);
    }

    private static boolean focused(FxRobot robot, String query) {
        Node node = robot.lookup(query).query();
        return node.getScene().getFocusOwner() == node;
    }
}
