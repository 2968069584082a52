package org.natter.server.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.natter.server.ui.FxWait.onFx;
import static org.natter.server.ui.FxWait.waitUntil;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.natter.common.model.LeaveReason;
import org.natter.common.model.RoomInfo;
import org.natter.common.protocol.Join;
import org.natter.common.protocol.Left;
import org.natter.common.protocol.Login;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.RoomState;
import org.natter.server.core.ChatServer;
import org.natter.server.core.RawClient;
import org.natter.server.core.ServerSettings;
import org.natter.server.ui.rooms.CreateRoomDialog;
import org.natter.server.ui.rooms.RoomItemViewModel;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Rooms tab as an operator uses it, headless, against a real server on port 0 and a real socket client. */
@ExtendWith(ApplicationExtension.class)
class RoomsWindowTest {

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

    @Test
    void aRoomIsCreatedThroughTheDialogAndClosedAfterConfirming(FxRobot robot) throws Exception {
        robot.clickOn("#startButton");
        waitUntil(() -> server.state() == org.natter.common.model.ServerState.RUNNING);
        robot.clickOn(tab(robot, "Rooms ("));
        waitUntil(() -> rowOf(robot, "general").isPresent());

        robot.clickOn("#newRoomButton");
        waitUntil(() -> robot.lookup("#" + CreateRoomDialog.NAME_FIELD_ID).tryQuery().map(Node::isFocused).orElse(false));
        // Monocle gives keys to the window that was clicked last; the click also shows the field takes the name.
        robot.clickOn("#" + CreateRoomDialog.NAME_FIELD_ID).write("general").type(KeyCode.ENTER);
        waitUntil(() -> !robot.lookup("#" + CreateRoomDialog.PROBLEM_ID).queryLabeled().getText().isEmpty());
        assertThat(onFx(() -> robot.lookup("#" + CreateRoomDialog.PROBLEM_ID).queryLabeled().getText()))
                .as("the server's sentence, and the dialog stays open").containsIgnoringCase("general");

        robot.doubleClickOn("#" + CreateRoomDialog.NAME_FIELD_ID).eraseText(7).write("maths");
        robot.clickOn("#" + CreateRoomDialog.TOPIC_FIELD_ID).write("Algebra").type(KeyCode.ENTER);
        waitUntil(() -> robot.lookup("#" + CreateRoomDialog.NAME_FIELD_ID).tryQuery().isEmpty());
        waitUntil(() -> rowOf(robot, "maths").isPresent());
        assertThat(server.rooms()).filteredOn(room -> room.name().equals("maths"))
                .extracting(RoomInfo::topic).containsExactly("Algebra");

        try (RawClient ada = new RawClient(server.port())) {
            ada.send(new Login(null, "ada", 2));
            ada.next(LoginOk.class);
            ada.send(new Join("j", "maths"));
            waitUntil(() -> ada.next(RoomState.class).room().equals("maths"));
            waitUntil(() -> robot.lookup("#roomsTable").queryTableView().getItems().stream()
                    .anyMatch(item -> ((RoomItemViewModel) item).memberCountProperty().get() == 1));

            robot.clickOn(rowOf(robot, "maths").orElseThrow());
            robot.clickOn("#deleteButton");
            waitUntil(() -> robot.lookup(".dialog-pane .header-panel .label").tryQuery().isPresent());
            assertThat(onFx(() -> robot.lookup(".dialog-pane .header-panel .label").queryLabeled().getText()))
                    .isEqualTo("Close #maths? Its 1 member is taken out.");
            robot.type(KeyCode.ENTER);

            Left left = ada.next(Left.class);
            assertThat(left.room()).isEqualTo("maths");
            assertThat(left.reason()).isEqualTo(LeaveReason.ROOM_CLOSED);
            waitUntil(() -> rowOf(robot, "maths").isEmpty());
            assertThat(server.rooms()).extracting(RoomInfo::name).containsExactly("general");
        }
    }

    private static Node tab(FxRobot robot, String textStart) throws Exception {
        Callable<Optional<Node>> find = () -> robot.lookup(".tab-label")
                .match((Labeled label) -> label.getText() != null && label.getText().startsWith(textStart)).tryQuery();
        waitUntil(() -> find.call().isPresent());
        return onFx(find).orElseThrow();
    }

    private static Optional<Node> rowOf(FxRobot robot, String room) throws Exception {
        return onFx(() -> robot.lookup("#roomsTable").lookup(".table-row-cell")
                .match((TableRow<?> row) -> row.getItem() instanceof RoomItemViewModel item && item.name().equals(room))
                .tryQuery());
    }
}
