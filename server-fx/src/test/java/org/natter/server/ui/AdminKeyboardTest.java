package org.natter.server.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.natter.server.ui.FxWait.onFx;
import static org.natter.server.ui.FxWait.waitUntil;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Platform;
import javafx.event.ActionEvent;
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
import org.natter.common.model.LeaveReason;
import org.natter.common.model.ServerState;
import org.natter.common.protocol.Announcement;
import org.natter.common.protocol.Left;
import org.natter.common.protocol.LoginOk;
import org.natter.server.core.ChatServer;
import org.natter.server.core.RawClient;
import org.natter.server.core.ServerSettings;
import org.natter.server.ui.settings.AdminPreferences;
import org.natter.server.ui.settings.SettingsDialog;
import org.natter.server.ui.users.KickDialog;
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
    void stopServer() throws Exception {
        FxWait.closeLeftoverWindows();
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

    @Test
    void altSStartsAltTAsksWithUsersOnlineAndStops(FxRobot robot) throws Exception {
        alt(robot, KeyCode.S);
        waitUntil(() -> server.state() == ServerState.RUNNING
                && robot.lookup("#stateLabel").queryAs(Label.class).getText().startsWith("Running on port"));
        try (RawClient ada = new RawClient(server.port())) {
            ada.login("ada");
            ada.next(LoginOk.class);
            waitUntil(() -> robot.lookup("#usersTable").queryTableView().getItems().size() == 1);

            alt(robot, KeyCode.T);
            waitUntil(() -> robot.lookup("Stop and disconnect").tryQuery().isPresent());
            assertThat(server.state()).isEqualTo(ServerState.RUNNING);
            robot.type(KeyCode.ENTER);

            assertThat(ada.next(Left.class).reason()).isEqualTo(LeaveReason.SERVER_STOPPED);
            waitUntil(() -> robot.lookup("#stateLabel").queryAs(Label.class).getText().equals("Stopped"));
        }
    }

    @Test
    void altIOpensTheSettingsAndEscClosesThem(FxRobot robot) throws Exception {
        alt(robot, KeyCode.I);
        waitUntil(() -> robot.lookup("Server settings").tryQuery().isPresent());

        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> robot.lookup("Server settings").tryQuery().isEmpty());
    }

    @Test
    void tabWalksThroughTheSettingsWithoutTypingIntoTheWelcomeText(FxRobot robot) throws Exception {
        alt(robot, KeyCode.I);
        waitUntil(() -> focused(robot, "#" + SettingsDialog.NAME_FIELD_ID));

        robot.type(KeyCode.TAB);
        waitUntil(() -> focused(robot, "#" + SettingsDialog.WELCOME_FIELD_ID));
        robot.type(KeyCode.TAB);

        waitUntil(() -> focused(robot, "#" + SettingsDialog.THEME_BOX_ID));
        assertThat(onFx(() -> robot.lookup("#" + SettingsDialog.WELCOME_FIELD_ID).queryTextInputControl().getText()))
                .doesNotContain("\t");
        robot.type(KeyCode.ESCAPE);
    }

    @Test
    void altLClearsTheLog(FxRobot robot) throws Exception {
        alt(robot, KeyCode.S);
        waitUntil(() -> !robot.lookup("#logList").queryListView().getItems().isEmpty());

        alt(robot, KeyCode.L);
        waitUntil(() -> robot.lookup("#logList").queryListView().getItems().isEmpty());
    }

    @Test
    void altVActsOnSaveAndAltAOnAnnounce(FxRobot robot) throws Exception {
        // The save dialog is the system's own window, which a headless test cannot answer: the test catches the
        // action on its way to the Save button and checks that Alt+V sent it there.
        List<Object> saveActions = new CopyOnWriteArrayList<>();
        robot.interact(() -> robot.lookup("#saveButton").query().addEventFilter(ActionEvent.ACTION, event -> {
            saveActions.add(event);
            event.consume();
        }));
        alt(robot, KeyCode.V);
        waitUntil(() -> saveActions.size() == 1);

        alt(robot, KeyCode.S);
        waitUntil(() -> server.state() == ServerState.RUNNING
                && !robot.lookup("#announceField").query().isDisabled());
        try (RawClient ada = new RawClient(server.port())) {
            ada.login("ada");
            ada.next(LoginOk.class);
            robot.clickOn("#announceField").write("Lunch");
            alt(robot, KeyCode.A);
            assertThat(ada.next(Announcement.class).text()).isEqualTo("Lunch");
        }
    }

    @Test
    void deleteOnTheUsersTableAsksToKickTheSelectedUser(FxRobot robot) throws Exception {
        alt(robot, KeyCode.S);
        waitUntil(() -> server.state() == ServerState.RUNNING);
        try (RawClient ada = new RawClient(server.port())) {
            ada.login("ada");
            ada.next(LoginOk.class);
            waitUntil(() -> robot.lookup("#usersTable").queryTableView().getItems().size() == 1);

            robot.interact(() -> {
                robot.lookup("#usersTable").queryTableView().requestFocus();
                robot.lookup("#usersTable").queryTableView().getSelectionModel().select(0);
            });
            robot.type(KeyCode.DELETE);
            waitUntil(() -> robot.lookup("#" + KickDialog.REASON_FIELD_ID).tryQuery().isPresent());
            robot.type(KeyCode.ESCAPE);
            waitUntil(() -> robot.lookup("#" + KickDialog.REASON_FIELD_ID).tryQuery().isEmpty());
            assertThat(server.users()).hasSize(1);
        }
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
