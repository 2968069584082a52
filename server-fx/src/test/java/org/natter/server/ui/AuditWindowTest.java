package org.natter.server.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.natter.server.ui.FxWait.onFx;
import static org.natter.server.ui.FxWait.waitUntil;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.natter.common.model.ServerState;
import org.natter.server.core.ChatServer;
import org.natter.server.core.ServerSettings;
import org.natter.server.core.moderation.AuditAction;
import org.natter.server.core.moderation.AuditEntry;
import org.natter.server.core.moderation.AuditSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Audit tab: what the operator did from the window, filtered by text and by kind of action. */
@ExtendWith(ApplicationExtension.class)
class AuditWindowTest {

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

    @SuppressWarnings("unchecked")
    private static List<AuditEntry> rows(FxRobot robot) throws Exception {
        return onFx(() -> List.copyOf((List<AuditEntry>) robot.lookup("#auditTable").queryAs(TableView.class).getItems()));
    }

    @Test
    void theOperatorsActionsAreListedAndFiltered(FxRobot robot) throws Exception {
        robot.clickOn("#startButton");
        waitUntil(() -> server.state() == ServerState.RUNNING);
        robot.clickOn("#announceField").write("Pizza in the hall").type(KeyCode.ENTER);
        server.ban("mallory", Duration.ofHours(1), "spam");
        server.createRoom("pizza_club", "");

        robot.clickOn(tab(robot, "Audit"));
        waitUntil(() -> rows(robot).size() == 3);
        assertThat(rows(robot)).extracting(AuditEntry::action).containsExactly(AuditAction.ROOM_CREATED,
                AuditAction.BAN, AuditAction.ANNOUNCE);
        assertThat(rows(robot)).extracting(AuditEntry::source).containsOnly(AuditSource.WINDOW);

        robot.clickOn("#auditFilter").write("pizza");
        waitUntil(() -> rows(robot).size() == 2);
        onFx(() -> {
            robot.lookup("#auditActionFilter").queryAs(ComboBox.class).getSelectionModel()
                    .select(AuditAction.ANNOUNCE);
            return null;
        });
        waitUntil(() -> rows(robot).size() == 1);
        assertThat(rows(robot).get(0).reason()).isEqualTo("Pizza in the hall");
        assertThat(onFx(() -> robot.lookup("#auditExportButton").queryButton().isDisabled())).isFalse();

        robot.doubleClickOn("#auditFilter").eraseText(5).write("nothing like it");
        waitUntil(() -> rows(robot).isEmpty());
        assertThat(onFx(() -> robot.lookup("#auditExportButton").queryButton().isDisabled()))
                .as("nothing to export").isTrue();
    }

    private static Node tab(FxRobot robot, String textStart) throws Exception {
        Callable<Optional<Node>> find = () -> robot.lookup(".tab-label")
                .match((Labeled label) -> label.getText() != null && label.getText().startsWith(textStart)).tryQuery();
        waitUntil(() -> find.call().isPresent());
        return onFx(find).orElseThrow();
    }
}
