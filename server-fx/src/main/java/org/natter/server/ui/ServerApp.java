package org.natter.server.ui;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.natter.common.fx.Messages;
import org.natter.common.fx.StartTimeReport;
import org.natter.server.core.ChatServer;
import org.natter.server.core.MessageStore;
import org.natter.server.core.ServerSettings;
import org.natter.server.discovery.ServerAnnouncer;
import org.natter.server.core.security.PasswordHash;
import org.natter.server.core.security.ServerSecurity;
import org.natter.server.core.tls.ServerCertificate;
import org.natter.server.ui.settings.AdminPreferences;
import org.natter.server.ui.settings.SecurityPreferences;

/**
 * The admin window as a JavaFX application. {@code ServerMain} calls {@link #run}; the window owns one
 * {@link ChatServer}, started and stopped as often as the operator likes.
 */
public final class ServerApp extends Application {

    // Application.launch creates the instance itself, so the arguments travel in static fields.
    private static final Logger LOG = LoggerFactory.getLogger(ServerApp.class);

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
    private static volatile boolean launchAnnounce;
    private static volatile ServerAnnouncer announcer;
    private static volatile Security launchSecurity;
    private static volatile CompletableFuture<Prepared> launchPreparing;

    private AdminPreferences preferences;
    private ServerSecurity security;
    private ExecutorService background;

    /**
     * Shows the admin window and returns when it is closed; the server is stopped by then.
     *
     * @param settings    the server settings from the command line
     * @param startAtOnce start the server as soon as the window is up
     * @param dataDir     where the window keeps its settings file
     * @param store       where the server keeps its history; closed with the server
     * @param announce    announce the server on the local network while it runs
     */
    public static void run(ServerSettings settings, boolean startAtOnce, Path dataDir, MessageStore store) {
        run(settings, startAtOnce, dataDir, store, null);
    }

    /**
     * What the command line says about security. The window adds what was saved in its settings
     * ({@link SecurityPreferences}): plain text is allowed when either says so, and a password from the command
     * line wins over the saved one (for this run only).
     *
     * @param certificate the server's own certificate, made or read before the window opens
     * @param password    from {@code --password-file}, or {@code null}
     */
    public record Security(ServerCertificate certificate, boolean allowPlain, PasswordHash password) {

        /**
         * The security the server runs with: this, and what the window saved. Reads the settings file and builds
         * the TLS context (a good part of a second on a slow machine): not on the FX thread.
         */
        public ServerSecurity withSaved(Path dataDir) {
            SecurityPreferences saved = SecurityPreferences.load(dataDir);
            return ServerSecurity.tls(certificate, saved.allowPlain() || allowPlain,
                    password != null ? password : saved.password());
        }
    }

    /** What the window needs before it can open: the history store and the server's security. */
    public record Prepared(MessageStore store, ServerSecurity security) {
    }

    /** Why the server cannot start at all (a damaged database or certificate), in words for the operator. */
    public static final class StartProblem extends RuntimeException {
        public StartProblem(String message) {
            super(message);
        }
    }

    /**
     * Shows the admin window as soon as JavaFX has started and {@code preparing} is done, and returns when it is
     * closed. The store and the security are made on other threads while JavaFX starts, which is most of the way to
     * the first window. When {@code preparing} fails with a {@link StartProblem}, its sentence is shown in a dialog
     * instead of the window.
     *
     * @return false when a problem was shown instead of the window
     */
    public static boolean run(ServerSettings settings, boolean startAtOnce, Path dataDir,
                              CompletableFuture<Prepared> preparing, boolean announce) {
        launchPreparing = Objects.requireNonNull(preparing, "preparing");
        launch(settings, startAtOnce, dataDir, announce);
        return launchProblem == null;
    }

    /**
     * As {@link #run(ServerSettings, boolean, Path, MessageStore)}, with TLS: how the app runs. Without
     * {@code security} (tests and demos made in code) the server speaks plain text only.
     */
    public static void run(ServerSettings settings, boolean startAtOnce, Path dataDir, MessageStore store,
                           Security security) {
        run(settings, startAtOnce, dataDir, store, security, false);
    }

    /**
     * As {@link #run(ServerSettings, boolean, Path, MessageStore, Security)}, and with {@code announce} the
     * server is announced on the local network while it runs.
     */
    public static void run(ServerSettings settings, boolean startAtOnce, Path dataDir, MessageStore store,
                           Security security, boolean announce) {
        launchSecurity = security;
        launchStore = Objects.requireNonNull(store, "store");
        launch(settings, startAtOnce, dataDir, announce);
    }

    /** Runs the app with what both ways of starting it share, and stops the server once it ends. */
    private static void launch(ServerSettings settings, boolean startAtOnce, Path dataDir, boolean announce) {
        launchAnnounce = announce;
        launchSettings = Objects.requireNonNull(settings, "settings");
        launchStart = startAtOnce;
        launchDataDir = Objects.requireNonNull(dataDir, "dataDir");
        try {
            Application.launch(ServerApp.class);
        } finally {
            stopServer();
        }
    }

    private static void stopServer() {
        ChatServer server = launchedServer;
        if (announcer != null) {
            announcer.close();
        }
        if (server != null) {
            // Here on the launcher thread, not the FX thread: stopping waits for the network.
            server.close();
        }
    }

    @Override
    public void init() {
        if (launchProblem != null) {
            return;
        }
        // init() runs on the launcher thread, so reading the settings file keeps off the FX thread.
        preferences = AdminPreferences.load(launchDataDir, launchSettings.serverName(), launchSettings.welcomeText());
        // Before the first bundle, date format or dialog button is made: they keep the language they find.
        preferences.language().apply();
        CompletableFuture<Prepared> preparing = launchPreparing;
        if (preparing != null) {
            try {
                Prepared prepared = preparing.join();
                launchStore = prepared.store();
                security = prepared.security();
            } catch (CompletionException e) {
                if (e.getCause() instanceof StartProblem problem) {
                    launchProblem = problem.getMessage();
                    return;
                }
                throw e;
            }
            return;
        }
        Security fromCommandLine = launchSecurity;
        security = fromCommandLine == null ? ServerSecurity.plainOnly() : fromCommandLine.withSaved(launchDataDir);
    }

    /** As {@link #run(ServerSettings, boolean, Path, MessageStore, Security, boolean)}, plain text, with history kept in memory only. */
    public static void run(ServerSettings settings, boolean startAtOnce, Path dataDir, boolean announce) {
        run(settings, startAtOnce, dataDir, MessageStore.inMemory(), null, announce);
    }

    @Override
    public void start(Stage stage) {
        if (launchProblem != null) {
            Alert alert = new Alert(Alert.AlertType.ERROR, launchProblem, ButtonType.CLOSE);
            Messages messages = Messages.load(AdminWindow.BUNDLE);
            alert.setTitle(messages.get("app.title"));
            alert.setHeaderText(messages.get("problem.header"));
            alert.showAndWait();
            Platform.exit();
            return;
        }
        ChatServer server = new ChatServer(launchSettings.withInfo(preferences.serverName(), preferences.welcomeText()),
                launchStore, security);
        launchedServer = server;
        // The command line's --no-announce and the window's setting can each turn announcing off.
        if (launchAnnounce && preferences.announce()) {
            // Announcing starts with the server; what it managed goes to the log file.
            announcer = ServerAnnouncer.attach(server, notice -> LOG.info(notice));
        }
        background = Executors.newCachedThreadPool(new NamedDaemonThreads("natter-admin-io"));
        Messages messages = Messages.load(AdminWindow.BUNDLE);
        AdminViewModel viewModel = new AdminViewModel(server, preferences, launchDataDir, Platform::runLater,
                background, Clock.systemUTC(), ZoneId.systemDefault(), messages);
        StartTimeReport.watch(stage, "Natter Server");
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
