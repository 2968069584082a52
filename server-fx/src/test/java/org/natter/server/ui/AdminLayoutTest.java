package org.natter.server.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.natter.server.ui.FxWait.onFx;
import static org.natter.server.ui.FxWait.waitUntil;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.natter.common.fx.Messages;
import org.natter.common.fx.UiTheme;
import org.natter.server.core.ChatServer;
import org.natter.server.core.ServerSettings;
import org.natter.server.ui.settings.AdminPreferences;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window at its smallest: every label and button of the bars is shown in full and inside the window. */
@ExtendWith(ApplicationExtension.class)
class AdminLayoutTest {

    @TempDir static Path dataDir;
    private ChatServer server;
    private ExecutorService background;
    private Stage stage;
    private AdminViewModel viewModel;

    @Start
    void start(Stage window) {
        stage = window;
        server = new ChatServer(ServerSettings.defaults().withPort(0));
        background = Executors.newSingleThreadExecutor();
        Messages messages = Messages.load(AdminWindow.BUNDLE);
        viewModel = new AdminViewModel(server, new AdminPreferences("Natter", "", UiTheme.LIGHT),
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
    void atTheMinimumSizeNoBarIsCutEvenWhilePausedAndRunning(FxRobot robot) throws Exception {
        // The Rooms, Bans and Audit tabs are built when first selected (LazyTab), and the window's minimum grows
        // with them: a person who has looked at every tab gets a minimum that fits every tab's bar.
        for (String tab : List.of("Rooms (", "Bans (", "Audit", "Users (")) {
            robot.clickOn(tab(robot, tab));
        }
        robot.clickOn("#startButton");
        waitUntil(() -> robot.lookup("#stateLabel").queryLabeled().getText().startsWith("Running on port"));
        robot.interact(() -> {
            viewModel.log().togglePause();
            viewModel.log().append(List.of(new org.natter.server.ui.log.LogLine(java.time.Instant.now(),
                    org.natter.server.ui.log.LogKind.MESSAGE, "x")));
            stage.setWidth(stage.getMinWidth());
            stage.setHeight(stage.getMinHeight());
        });
        waitUntil(() -> robot.lookup("#pauseButton").queryButton().getText().startsWith("Res"));

        List<String> cut = cutLabels(robot, stage);

        assertThat(stage.getMinWidth()).isGreaterThanOrEqualTo(800);
        assertThat(cut).as("labels cut at %s x %s", stage.getWidth(), stage.getHeight()).isEmpty();
    }

    private static Node tab(FxRobot robot, String textStart) throws Exception {
        java.util.concurrent.Callable<java.util.Optional<Node>> find = () -> robot.lookup(".tab-label")
                .match((Labeled label) -> label.getText() != null && label.getText().startsWith(textStart)).tryQuery();
        waitUntil(() -> find.call().isPresent());
        return onFx(find).orElseThrow();
    }

    /** The texts of the top bar and panel headers that are shorter than they need or stick out of the window. */
    static List<String> cutLabels(FxRobot robot, Stage stage) throws Exception {
        return onFx(() -> {
            javafx.scene.Parent root = stage.getScene().getRoot();
            root.applyCss();
            root.layout();
            List<String> problems = new ArrayList<>();
            for (String bar : List.of(".top-bar", ".panel-header")) {
                for (Node header : robot.lookup(bar).queryAll()) {
                    for (Node node : robot.from(header).lookup((Node n) -> n instanceof Labeled).queryAll()) {
                        Labeled labeled = (Labeled) node;
                        if (!labeled.isVisible() || labeled.getText() == null || labeled.getText().isEmpty()) {
                            continue;
                        }
                        Bounds inScene = labeled.localToScene(labeled.getLayoutBounds());
                        if (labeled.getWidth() + 0.5 < labeled.prefWidth(-1)
                                || inScene.getMaxX() > stage.getScene().getWidth() + 0.5) {
                            problems.add(labeled.getText());
                        }
                    }
                }
            }
            return problems;
        });
    }
}
