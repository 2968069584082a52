package org.natter.server.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.natter.server.ui.FxWait.onFx;
import static org.natter.server.ui.FxWait.waitUntil;

import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TableRow;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.natter.common.model.ServerState;
import org.natter.common.protocol.ErrorCode;
import org.natter.common.protocol.ErrorReply;
import org.natter.common.protocol.Login;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.Waiting;
import org.natter.common.protocol.Welcome;
import org.natter.server.core.ChatServer;
import org.natter.server.core.RawClient;
import org.natter.server.core.ServerSettings;
import org.natter.server.core.moderation.Sanction;
import org.natter.server.ui.pending.PendingHostItemViewModel;
import org.natter.server.ui.pending.RefuseDialog;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The waiting room in the admin window: switched on, a waiting user admitted, another refused and banned. */
@ExtendWith(ApplicationExtension.class)
class WaitingRoomWindowTest {

    @TempDir static Path dataDir;
    private AdminWindowFixture window;
    private ChatServer server;

    @Start
    void start(Stage stage) {
        window = AdminWindowFixture.show(stage, dataDir, new ChatServer(ServerSettings.defaults().withPort(0)));
        server = window.server;
    }

    @AfterEach
    void stopServer() throws Exception {
        window.close();
    }

    private RawClient waiting(String address, String name) throws Exception {
        RawClient client = RawClient.from(address, server.port());
        client.next(Welcome.class);
        client.send(new Login("1", name, 2));
        client.next(Waiting.class);
        return client;
    }

    @Test
    void aWaitingUserIsAdmittedFromThePendingList(FxRobot robot) throws Exception {
        robot.clickOn("#startButton");
        waitUntil(() -> server.state() == ServerState.RUNNING);
        robot.clickOn("#waitingRoomSwitch");
        waitUntil(server::waitingRoom);
        try (RawClient ada = waiting("127.0.0.5", "ada")) {
            waitUntil(() -> pendingRow(robot, "ada").isPresent());
            Node row = onFx(() -> pendingRow(robot, "ada").orElseThrow());
            robot.clickOn(robot.from(row).lookup("#pendingAdmit").queryButton());

            assertThat(ada.next(LoginOk.class).name()).isEqualTo("ada");
            waitUntil(() -> pendingRow(robot, "ada").isEmpty());
            waitUntil(() -> AdminWindowTest.table(robot, "#usersTable").getItems().size() == 1);
        }
        robot.clickOn("#waitingRoomSwitch");
        waitUntil(() -> !server.waitingRoom());
        assertThat(onFx(() -> robot.lookup("#waitingRoomSwitch").queryAs(CheckBox.class).isSelected())).isFalse();
    }

    @Test
    void aWaitingUserIsRefusedWithABan(FxRobot robot) throws Exception {
        server.setWaitingRoom(true);
        robot.clickOn("#startButton");
        waitUntil(() -> server.state() == ServerState.RUNNING);
        try (RawClient eve = waiting("127.0.0.6", "eve")) {
            waitUntil(() -> pendingRow(robot, "eve").isPresent());
            Node row = onFx(() -> pendingRow(robot, "eve").orElseThrow());
            robot.clickOn(robot.from(row).lookup("#pendingRefuse").queryButton());
            waitUntil(() -> robot.lookup("#" + RefuseDialog.REASON_FIELD_ID).tryQuery().isPresent());
            robot.clickOn("#" + RefuseDialog.BAN_CHECK_ID);
            robot.clickOn("#" + RefuseDialog.REASON_FIELD_ID).write("not this class").type(KeyCode.ENTER);

            ErrorReply refused = eve.next(ErrorReply.class);
            assertThat(refused.code()).isEqualTo(ErrorCode.BANNED);
            assertThat(refused.message()).contains("not this class");
            waitUntil(() -> pendingRow(robot, "eve").isEmpty());
        }
        assertThat(server.sanctions()).extracting(Sanction::target).containsExactly("eve");
    }

    private static Optional<Node> pendingRow(FxRobot robot, String name) throws Exception {
        return onFx(() -> robot.lookup("#pendingTable").lookup(".table-row-cell")
                .match((TableRow<?> row) -> row.getItem() instanceof PendingHostItemViewModel item
                        && name.equals(item.waitingName()))
                .tryQuery());
    }
}
