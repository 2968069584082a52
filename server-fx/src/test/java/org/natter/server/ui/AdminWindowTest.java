package org.natter.server.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.natter.server.ui.FxWait.onFx;
import static org.natter.server.ui.FxWait.waitUntil;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.natter.common.fx.Messages;
import org.natter.common.fx.UiTheme;
import org.natter.common.model.LeaveReason;
import org.natter.common.model.ServerState;
import org.natter.common.protocol.Announcement;
import org.natter.common.protocol.Kicked;
import org.natter.common.protocol.Left;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.Message;
import org.natter.server.core.ChatServer;
import org.natter.server.core.RawClient;
import org.natter.server.core.ServerSettings;
import org.natter.server.ui.settings.AdminPreferences;
import org.natter.server.ui.users.ConnectedUserItemViewModel;
import org.natter.server.ui.users.KickDialog;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The admin window as an operator uses it, headless, against a real server on port 0 and real socket clients. */
@ExtendWith(ApplicationExtension.class)
class AdminWindowTest {

    private static final long WAIT_SECONDS = FxWait.WAIT_SECONDS;

    @TempDir static Path dataDir;
    private ChatServer server;
    private AdminViewModel viewModel;
    private ExecutorService background;

    @Start
    void start(Stage stage) {
        server = new ChatServer(ServerSettings.defaults().withPort(0));
        // One thread, so that a no-op submitted after a command runs after it (see the kick dialog test).
        background = Executors.newSingleThreadExecutor();
        Messages messages = Messages.load(AdminWindow.BUNDLE);
        viewModel = new AdminViewModel(server, new AdminPreferences("Natter", "", UiTheme.LIGHT), dataDir,
                Platform::runLater, background, Clock.systemUTC(), ZoneId.systemDefault(), messages);
        AdminWindow.show(stage, viewModel, messages, ZoneId.systemDefault(), dataDir);
        // TestFX hands every test the same stage: a size left by an earlier test must not hide a button.
        stage.setWidth(1200);
        stage.setHeight(760);
    }

    @AfterEach
    void stopServer() throws Exception {
        FxWait.closeLeftoverWindows();
        server.close();
        background.shutdownNow();
    }

    @Test
    void startShowsRunningAndWhereUsersConnect(FxRobot robot) throws Exception {
        int port = startServer(robot);

        assertThat(onFx(() -> robot.lookup("#stateLabel").queryAs(Label.class).getText()))
                .isEqualTo("Running on port " + port);
        assertThat(onFx(() -> robot.lookup("#startButton").queryButton().isDisabled())).isTrue();
        assertThat(onFx(() -> robot.lookup("#stopButton").queryButton().isDisabled())).isFalse();
        waitUntil(() -> robot.lookup(".address-chip").queryAll().size() > 0);
        assertThat(onFx(() -> robot.lookup(".address-chip").queryAs(Button.class).getText())).endsWith(":" + port);
    }

    @Test
    void aClientIsPendingUntilItLogsInThenItIsAUser(FxRobot robot) throws Exception {
        int port = startServer(robot);
        try (RawClient client = new RawClient(port)) {
            waitUntil(() -> table(robot, "#pendingTable").getItems().size() == 1);
            assertThat(onFx(() -> table(robot, "#usersTable").getItems().isEmpty())).isTrue();

            client.login("alice");
            client.next(LoginOk.class);

            waitUntil(() -> table(robot, "#usersTable").getItems().size() == 1
                    && table(robot, "#pendingTable").getItems().isEmpty());
            assertThat(onFx(() -> ((ConnectedUserItemViewModel) table(robot, "#usersTable").getItems().get(0)).name()))
                    .isEqualTo("alice");
        }
    }

    @Test
    void kickWithAReasonTellsTheUserAndRemovesTheRow(FxRobot robot) throws Exception {
        int port = startServer(robot);
        try (RawClient alice = new RawClient(port); RawClient bob = new RawClient(port)) {
            alice.login("alice");
            alice.next(LoginOk.class);
            bob.login("bob");
            bob.next(LoginOk.class);
            waitUntil(() -> table(robot, "#usersTable").getItems().size() == 2);

            robot.clickOn(rowOf(robot, "alice"));
            robot.clickOn("#kickButton");
            waitUntil(() -> robot.lookup("#" + KickDialog.REASON_FIELD_ID).tryQuery().isPresent());
            assertThat(onFx(() -> robot.lookup("#" + KickDialog.PROMPT_ID).queryLabeled().getText()))
                    .startsWith("Reason (optional), shown to alice only.");
            robot.clickOn("#" + KickDialog.REASON_FIELD_ID).write("please keep it friendly").type(KeyCode.ENTER);

            assertThat(alice.next(Kicked.class).reason()).isEqualTo("please keep it friendly");
            Left left = bob.next(Left.class);
            assertThat(left.name()).isEqualTo("alice");
            assertThat(left.reason()).isEqualTo(LeaveReason.KICKED);
            assertThat(left.detail()).as("the reason is for alice only").isNullOrEmpty();
            assertThat(alice.closedByServer()).isTrue();
            waitUntil(() -> table(robot, "#usersTable").getItems().size() == 1);
        }
    }

    @Test
    void escapeInTheKickDialogKeepsTheUser(FxRobot robot) throws Exception {
        int port = startServer(robot);
        try (RawClient carol = new RawClient(port); RawClient dave = new RawClient(port)) {
            carol.login("carol");
            carol.next(LoginOk.class);
            waitUntil(() -> table(robot, "#usersTable").getItems().size() == 1);

            robot.clickOn(rowOf(robot, "carol")).type(KeyCode.DELETE);
            waitUntil(() -> robot.lookup("#" + KickDialog.REASON_FIELD_ID).tryQuery().isPresent());
            robot.type(KeyCode.ESCAPE);

            waitUntil(() -> robot.lookup("#" + KickDialog.REASON_FIELD_ID).tryQuery().isEmpty());
            // Barriers before "carol is still there". A kick sent by mistake would have been queued on the
            // window's one background thread when the dialog closed, so it has run once this no-op has; it would
            // then reach carol before her own round trip; and the window shows dave's later login only after
            // the leaving it would have caused.
            background.submit(() -> { }).get(WAIT_SECONDS, TimeUnit.SECONDS);
            carol.say("still here");
            assertThat(carol.next(Message.class).text()).isEqualTo("still here");
            dave.login("dave");
            dave.next(LoginOk.class);
            waitUntil(() -> table(robot, "#usersTable").getItems().size() == 2);
            assertThat(server.users()).extracting(user -> user.name()).containsExactlyInAnyOrder("carol", "dave");
            assertThat(onFx(() -> table(robot, "#usersTable").getItems().stream()
                    .map(row -> ((ConnectedUserItemViewModel) row).name()).toList()))
                    .containsExactlyInAnyOrder("carol", "dave");
        }
    }

    @Test
    void dropClosesAPendingHost(FxRobot robot) throws Exception {
        int port = startServer(robot);
        try (RawClient stranger = new RawClient(port)) {
            waitUntil(() -> table(robot, "#pendingTable").getItems().size() == 1);

            waitUntil(() -> robot.lookup("#pendingTable").lookup(".row-button").tryQuery().isPresent());
            robot.clickOn(robot.lookup("#pendingTable").lookup(".row-button").queryButton());

            assertThat(stranger.closedByServer()).isTrue();
            waitUntil(() -> table(robot, "#pendingTable").getItems().isEmpty());
        }
    }

    @Test
    void anAnnouncementReachesEveryUser(FxRobot robot) throws Exception {
        int port = startServer(robot);
        try (RawClient alice = new RawClient(port); RawClient bob = new RawClient(port)) {
            alice.login("alice");
            alice.next(LoginOk.class);
            bob.login("bob");
            bob.next(LoginOk.class);
            waitUntil(() -> table(robot, "#usersTable").getItems().size() == 2);

            robot.clickOn("#announceField").write("Lunch in five minutes");
            robot.clickOn("#announceButton");

            assertThat(alice.next(Announcement.class).text()).isEqualTo("Lunch in five minutes");
            assertThat(bob.next(Announcement.class).text()).isEqualTo("Lunch in five minutes");
            waitUntil(() -> robot.lookup("#announceField").queryTextInputControl().getText().isEmpty());
        }
    }

    @Test
    void stopEmptiesBothTablesAndClosesEveryClient(FxRobot robot) throws Exception {
        int port = startServer(robot);
        try (RawClient alice = new RawClient(port); RawClient pending = new RawClient(port)) {
            alice.login("alice");
            alice.next(LoginOk.class);
            waitUntil(() -> table(robot, "#usersTable").getItems().size() == 1
                    && table(robot, "#pendingTable").getItems().size() == 1);

            robot.clickOn("#stopButton");
            waitUntil(() -> robot.lookup("Stop and disconnect").tryQuery().isPresent());
            robot.clickOn("Stop and disconnect");

            Left left = alice.next(Left.class);
            assertThat(left.reason()).isEqualTo(LeaveReason.SERVER_STOPPED);
            assertThat(alice.closedByServer()).isTrue();
            assertThat(pending.closedByServer()).isTrue();
            waitUntil(() -> "Stopped".equals(robot.lookup("#stateLabel").queryAs(Label.class).getText()));
            assertThat(onFx(() -> table(robot, "#usersTable").getItems().isEmpty()
                    && table(robot, "#pendingTable").getItems().isEmpty())).isTrue();
        }
    }

    @Test
    void theServerStartsAgainAfterAStop(FxRobot robot) throws Exception {
        startServer(robot);
        robot.clickOn("#stopButton");
        waitUntil(() -> !robot.lookup("#startButton").queryButton().isDisabled());

        int port = startServer(robot);
        try (RawClient dave = new RawClient(port)) {
            dave.login("dave");
            dave.next(LoginOk.class);
            waitUntil(() -> table(robot, "#usersTable").getItems().size() == 1);
        }
    }

    @Test
    void aPortInUseIsExplainedInTheWindow(FxRobot robot) throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            robot.doubleClickOn("#portField").eraseText(8).write(Integer.toString(taken.getLocalPort()));
            robot.type(KeyCode.ENTER);

            waitUntil(() -> !robot.lookup("#errorLabel").queryAs(Label.class).getText().isEmpty());
            assertThat(onFx(() -> robot.lookup("#errorLabel").queryAs(Label.class).getText()))
                    .contains("already in use");
            assertThat(onFx(() -> robot.lookup("#errorBar").query().isVisible())).isTrue();
            assertThat(onFx(() -> robot.lookup("#stateLabel").queryAs(Label.class).getText())).isEqualTo("Stopped");
        }
    }

    @Test
    void closingWhileRunningAsksThenStopsTheServer(FxRobot robot) throws Exception {
        int port = startServer(robot);
        try (RawClient erin = new RawClient(port)) {
            erin.login("erin");
            erin.next(LoginOk.class);
            waitUntil(() -> table(robot, "#usersTable").getItems().size() == 1);
            Stage stage = onFx(() -> (Stage) robot.lookup("#stateLabel").query().getScene().getWindow());

            // Not robot.interact: the request opens a modal dialog, which would block until answered.
            Platform.runLater(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST)));
            waitUntil(() -> robot.lookup("Stop and close").tryQuery().isPresent());
            assertThat(onFx(() -> robot.lookup(".dialog-pane .content").queryLabeled().getText()))
                    .isEqualTo("Closing the window stops the server and disconnects 1 user.");
            assertThat(onFx(stage::isShowing)).isTrue();
            assertThat(server.state()).isEqualTo(ServerState.RUNNING);
            robot.clickOn("Stop and close");

            assertThat(erin.next(Left.class).reason()).isEqualTo(LeaveReason.SERVER_STOPPED);
            waitUntil(() -> !stage.isShowing());
            assertThat(server.state()).isEqualTo(ServerState.STOPPED);
        }
    }

    @Test
    void theThemeButtonSwitchesToDarkAndRemembersIt(FxRobot robot) throws Exception {
        robot.clickOn("#themeButton");

        waitUntil(() -> javafx.application.Application.getUserAgentStylesheet().endsWith("primer-dark.css"));
        Path file = dataDir.resolve(AdminPreferences.FILE_NAME);
        WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS,
                () -> AdminPreferences.load(dataDir, "", "").theme() == UiTheme.DARK);
        assertThat(java.nio.file.Files.readString(file)).contains("theme=dark");
    }

    @Test
    void stopWithUsersOnlineAsksFirstAndCancelKeepsThemConnected(FxRobot robot) throws Exception {
        int port = startServer(robot);
        try (RawClient alice = new RawClient(port); RawClient bob = new RawClient(port)) {
            alice.login("alice");
            alice.next(LoginOk.class);
            bob.login("bob");
            bob.next(LoginOk.class);
            waitUntil(() -> table(robot, "#usersTable").getItems().size() == 2);

            robot.clickOn("#stopButton");
            waitUntil(() -> robot.lookup("Stop and disconnect").tryQuery().isPresent());
            assertThat(onFx(() -> robot.lookup(".dialog-pane .header-panel .label").queryLabeled().getText()))
                    .isEqualTo("Stop the server and disconnect 2 users?");
            robot.type(KeyCode.ESCAPE);

            waitUntil(() -> robot.lookup("Stop and disconnect").tryQuery().isEmpty());
            alice.say("still here");
            assertThat(alice.next(Message.class).text()).isEqualTo("still here");
            assertThat(server.state()).isEqualTo(ServerState.RUNNING);
        }
    }

    @Test
    void kickingSeveralUsersGivesEachTheReasonAndFocusReturnsToTheTable(FxRobot robot) throws Exception {
        int port = startServer(robot);
        try (RawClient ann = new RawClient(port); RawClient ben = new RawClient(port);
             RawClient cat = new RawClient(port)) {
            for (var pair : java.util.List.of(java.util.Map.entry(ann, "ann"), java.util.Map.entry(ben, "ben"),
                    java.util.Map.entry(cat, "cat"))) {
                pair.getKey().login(pair.getValue());
                pair.getKey().next(LoginOk.class);
            }
            waitUntil(() -> table(robot, "#usersTable").getItems().size() == 3);

            robot.clickOn(rowOf(robot, "ann")).press(KeyCode.CONTROL).clickOn(rowOf(robot, "ben"))
                    .release(KeyCode.CONTROL).type(KeyCode.DELETE);
            waitUntil(() -> robot.lookup("#" + KickDialog.REASON_FIELD_ID).tryQuery().isPresent());
            assertThat(onFx(() -> robot.lookup(".dialog-pane .header-panel .label").queryLabeled().getText()))
                    .isEqualTo("Kick 2 users?");
            waitUntil(() -> reasonFieldFocused(robot));
            robot.clickOn("#" + KickDialog.REASON_FIELD_ID).write("spam").type(KeyCode.ENTER);

            assertThat(ann.next(Kicked.class).reason()).isEqualTo("spam");
            assertThat(ben.next(Kicked.class).reason()).isEqualTo("spam");
            waitUntil(() -> table(robot, "#usersTable").getItems().size() == 1);
            Node table = robot.lookup("#usersTable").query();
            assertThat(onFx(() -> table.getScene().getFocusOwner())).isSameAs(table);
            // A stray Enter now acts on nothing: no dialog, cat stays.
            robot.type(KeyCode.ENTER);
            cat.say("still here");
            assertThat(cat.next(Message.class).text()).isEqualTo("still here");
            assertThat(robot.lookup("#" + KickDialog.REASON_FIELD_ID).tryQuery()).isEmpty();
        }
    }

    @Test
    void aReasonOverTheLimitIsCountedAndRefusedNotCut(FxRobot robot) throws Exception {
        int port = startServer(robot);
        try (RawClient dan = new RawClient(port)) {
            dan.login("dan");
            dan.next(LoginOk.class);
            robot.clickOn(rowOf(robot, "dan")).type(KeyCode.DELETE);
            waitUntil(() -> robot.lookup("#" + KickDialog.REASON_FIELD_ID).tryQuery().isPresent());
            javafx.scene.control.Button kick = onFx(() -> robot.lookup(".dialog-pane .button.danger").queryButton());
            waitUntil(() -> reasonFieldFocused(robot));

            robot.clickOn("#" + KickDialog.REASON_FIELD_ID).write("calm down");
            waitUntil(() -> robot.lookup("#" + KickDialog.COUNTER_ID).queryLabeled().getText().equals("9/200"));
            robot.interact(() -> robot.lookup("#" + KickDialog.REASON_FIELD_ID).queryTextInputControl()
                    .setText("x".repeat(201)));

            waitUntil(() -> robot.lookup("#" + KickDialog.COUNTER_ID).queryLabeled().getText().equals("201/200"));
            assertThat(onFx(() -> robot.lookup("#" + KickDialog.REASON_FIELD_ID).queryTextInputControl().getText()))
                    .hasSize(201);
            assertThat(onFx(kick::isDisabled)).isTrue();
            robot.type(KeyCode.ENTER);
            assertThat(onFx(() -> robot.lookup("#" + KickDialog.REASON_FIELD_ID).tryQuery().isPresent())).isTrue();
            robot.type(KeyCode.END).type(KeyCode.BACK_SPACE);
            waitUntil(() -> !kick.isDisabled());
            robot.type(KeyCode.ENTER);
            assertThat(dan.next(Kicked.class).reason()).isEqualTo("x".repeat(200));
        }
    }

    @Test
    void theSearchFieldFiltersUsersByNameOrAddress(FxRobot robot) throws Exception {
        int port = startServer(robot);
        try (RawClient one = new RawClient(port); RawClient two = new RawClient(port)) {
            one.login("Олена");
            one.next(LoginOk.class);
            two.login("bob");
            two.next(LoginOk.class);
            waitUntil(() -> table(robot, "#usersTable").getItems().size() == 2);

            robot.interact(() -> robot.lookup("#searchField").queryTextInputControl().setText("олен"));
            waitUntil(() -> table(robot, "#usersTable").getItems().size() == 1);
            assertThat(onFx(() -> ((ConnectedUserItemViewModel) table(robot, "#usersTable").getItems().get(0)).name()))
                    .isEqualTo("Олена");
            robot.interact(() -> robot.lookup("#searchField").queryTextInputControl().setText("127.0.0.1"));
            waitUntil(() -> table(robot, "#usersTable").getItems().size() == 2);
        }
    }

    /** Clicks Start with the port field's 0 and waits until the window shows the server running. */
    private int startServer(FxRobot robot) throws Exception {
        robot.clickOn("#startButton");
        waitUntil(() -> robot.lookup("#stateLabel").queryAs(Label.class).getText().startsWith("Running on port"));
        return server.port();
    }

    private static boolean reasonFieldFocused(FxRobot robot) {
        return robot.lookup("#" + KickDialog.REASON_FIELD_ID).tryQuery().map(Node::isFocused).orElse(false);
    }

    /** The table row of {@code name}, once the table has laid it out. */
    static Node rowOf(FxRobot robot, String name) throws Exception {
        Callable<java.util.Optional<Node>> find = () -> robot.lookup("#usersTable").lookup(".table-row-cell")
                .match((javafx.scene.control.TableRow<?> row) -> row.getItem() instanceof ConnectedUserItemViewModel user
                        && user.name().equals(name))
                .tryQuery();
        waitUntil(() -> find.call().isPresent());
        return onFx(find).orElseThrow();
    }

    @SuppressWarnings("unchecked")
    static TableView<Object> table(FxRobot robot, String id) {
        return (TableView<Object>) robot.lookup(id).queryAs(TableView.class);
    }
}
