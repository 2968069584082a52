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
import org.natter.common.model.ServerState;
import org.natter.common.protocol.Kicked;
import org.natter.common.protocol.Login;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.Welcome;
import org.natter.server.core.ChatServer;
import org.natter.server.core.RawClient;
import org.natter.server.core.ServerSettings;
import org.natter.server.core.moderation.Sanction;
import org.natter.server.ui.users.SanctionDialog;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Banning from the Users tab and lifting the ban in the Bans tab, headless, against a real server on port 0. */
@ExtendWith(ApplicationExtension.class)
class BansWindowTest {

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
    void aUserBannedFromTheirRowIsRemovedAndTheBanIsLiftedInTheBansTab(FxRobot robot) throws Exception {
        robot.clickOn("#startButton");
        waitUntil(() -> server.state() == ServerState.RUNNING);
        try (RawClient bob = RawClient.from("127.0.0.3", server.port())) {
            bob.next(Welcome.class);
            bob.send(new Login(null, "bob"));
            bob.next(LoginOk.class);

            robot.clickOn(AdminWindowTest.rowOf(robot, "bob"));
            robot.clickOn("#banButton");
            waitUntil(() -> robot.lookup("#" + SanctionDialog.REASON_FIELD_ID).tryQuery().isPresent());
            robot.clickOn("#" + SanctionDialog.REASON_FIELD_ID).write("spamming").type(KeyCode.ENTER);

            assertThat(bob.next(Kicked.class).reason()).contains("spamming");
            waitUntil(() -> AdminWindowTest.table(robot, "#usersTable").getItems().isEmpty());
            assertThat(server.sanctions()).extracting(Sanction::target).containsExactly("bob");
        }

        robot.clickOn(tab(robot, "Bans ("));
        waitUntil(() -> banRow(robot, "bob").isPresent());
        robot.clickOn(banRow(robot, "bob").orElseThrow());
        robot.clickOn("#liftButton");
        waitUntil(() -> banRow(robot, "bob").isEmpty());
        assertThat(server.sanctions()).isEmpty();
        try (RawClient again = RawClient.from("127.0.0.3", server.port())) {
            again.next(Welcome.class);
            again.send(new Login(null, "bob"));
            assertThat(again.next()).as("bob may log in again").isInstanceOf(LoginOk.class);
        }
    }

    private static Node tab(FxRobot robot, String textStart) throws Exception {
        Callable<Optional<Node>> find = () -> robot.lookup(".tab-label")
                .match((Labeled label) -> label.getText() != null && label.getText().startsWith(textStart)).tryQuery();
        waitUntil(() -> find.call().isPresent());
        return onFx(find).orElseThrow();
    }

    private static Optional<Node> banRow(FxRobot robot, String target) throws Exception {
        return onFx(() -> robot.lookup("#bansTable").lookup(".table-row-cell")
                .match((TableRow<?> row) -> row.getItem() instanceof Sanction ban && ban.target().equals(target))
                .tryQuery());
    }
}
