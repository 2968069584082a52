package org.natter.server.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.natter.common.fx.Messages;
import org.natter.common.fx.UiTheme;
import org.natter.server.core.ChatServer;
import org.natter.server.ui.settings.AdminPreferences;

/**
 * The admin window on TestFX's stage, with a real server that the test starts through the window: the set-up
 * of the window tests. Close it after each test.
 */
final class AdminWindowFixture implements AutoCloseable {

    final ChatServer server;
    final AdminViewModel viewModel;
    // One thread, so that a no-op submitted after a command runs after it.
    private final ExecutorService background = Executors.newSingleThreadExecutor();

    private AdminWindowFixture(Stage stage, Path dataDir, ChatServer server) {
        this.server = server;
        Messages messages = Messages.load(AdminWindow.BUNDLE);
        viewModel = new AdminViewModel(server, new AdminPreferences(server.settings().serverName(), "", UiTheme.LIGHT),
                dataDir, Platform::runLater, background, Clock.systemUTC(), ZoneId.systemDefault(), messages);
        AdminWindow.show(stage, viewModel, messages, ZoneId.systemDefault(), dataDir);
        // TestFX hands every test the same stage: a size left by an earlier test must not hide a button.
        stage.setWidth(1200);
        stage.setHeight(760);
    }

    /** Shows the window for {@code server} on {@code stage} (FX thread, as TestFX's {@code @Start} runs). */
    static AdminWindowFixture show(Stage stage, Path dataDir, ChatServer server) {
        return new AdminWindowFixture(stage, dataDir, server);
    }

    /** Closes the dialogs the test left open, then the server and the window's worker. */
    @Override
    public void close() throws Exception {
        FxWait.closeLeftoverWindows();
        server.close();
        background.shutdownNow();
    }
}
