package org.natter.server.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import org.natter.common.fx.Messages;
import org.natter.server.core.ChatServer;
import org.natter.server.core.MessageStore;
import org.natter.server.core.ServerSettings;
import org.natter.server.ui.settings.AdminPreferences;

/**
 * The admin window as a JavaFX application. {@code ServerMain} calls {@link #run}; the window owns one
 * {@link ChatServer}, started and stopped as often as the operator likes.
 */
public final class ServerApp extends Application {

    // Application.launch creates the instance itself, so the arguments travel in static fields.
    private static volatile ServerSettings launchSettings;
    private static volatile boolean launchStart;
    private static volatile Path launchDataDir;
    private static volatile ChatServer launchedServer;

    /** The window's server once it is made, for the demo that fills the window; null before. */
    static ChatServer launchedServer() {
        return launchedServer;
    }
    private static volatile MessageStore launchStore;
    private static volatile String launchProblem;

    private AdminPreferences preferences;
    private ExecutorService background;

    /**
     * Shows the admin window and returns when it is closed; the server is stopped by then.
     *
     * @param settings    the server settings from the command line
     * @param startAtOnce start the server as soon as the window is up
     * @param dataDir     where the window keeps its settings file
     * @param store       where the server keeps its history; closed with the server
     */
    public static void run(ServerSettings settings, boolean startAtOnce, Path dataDir, MessageStore store) {
        launchStore = Objects.requireNonNull(store, "store");
        launchSettings = Objects.requireNonNull(settings, "settings");
        launchStart = startAtOnce;
        launchDataDir = Objects.requireNonNull(dataDir, "dataDir");
        try {
            Application.launch(ServerApp.class);
        } finally {
            ChatServer server = launchedServer;
            if (server != null) {
                // Here on the launcher thread, not the FX thread: stopping waits for the network.
                server.close();
            }
        }
    }

    @Override
    public void init() {
        if (launchProblem != null) {
            return;
        }
        // init() runs on the launcher thread, so reading the settings file keeps off the FX thread.
        preferences = AdminPreferences.load(launchDataDir, launchSettings.serverName(), launchSettings.welcomeText());
    }

    /** As {@link #run(ServerSettings, boolean, Path, MessageStore)}, with history kept in memory only. */
    public static void run(ServerSettings settings, boolean startAtOnce, Path dataDir) {
        run(settings, startAtOnce, dataDir, MessageStore.inMemory());
    }

    /** Shows a sentence in a dialog when the server cannot start at all (a damaged database), and returns when closed. */
    public static void showProblem(String problem) {
        launchProblem = problem;
        Application.launch(ServerApp.class);
    }

    @Override
    public void start(Stage stage) {
        if (launchProblem != null) {
            Alert alert = new Alert(Alert.AlertType.ERROR, launchProblem, ButtonType.CLOSE);
            alert.setTitle("Natter Server");
            alert.setHeaderText("Natter Server cannot start");
            alert.showAndWait();
            Platform.exit();
            return;
        }
        ChatServer server = new ChatServer(launchSettings.withInfo(preferences.serverName(), preferences.welcomeText()),
                launchStore);
        launchedServer = server;
        background = Executors.newCachedThreadPool(new NamedDaemonThreads("natter-admin-io"));
        Messages messages = Messages.load(AdminWindow.BUNDLE);
        AdminViewModel viewModel = new AdminViewModel(server, preferences, launchDataDir, Platform::runLater,
                background, Clock.systemUTC(), ZoneId.systemDefault(), messages);
        AdminWindow.show(stage, viewModel, messages, ZoneId.systemDefault(), launchDataDir);
        if (launchStart) {
            viewModel.control().start();
        }
    }

    @Override
    public void stop() {
        if (background != null) {
            background.shutdown();
        }
    }

    /**
     * Threads for the window's blocking work (kicks, file writes, address lookup): named for thread dumps, and
     * daemons so that a slow one never keeps the process alive after the window is gone.
     */
    private static final class NamedDaemonThreads implements java.util.concurrent.ThreadFactory {
        private final String prefix;
        private final AtomicInteger count = new AtomicInteger();

        NamedDaemonThreads(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public Thread newThread(Runnable task) {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
