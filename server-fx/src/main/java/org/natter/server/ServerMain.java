package org.natter.server;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Arrays;
import org.natter.server.console.ServerConsole;
import org.natter.server.core.ChatServer;
import org.natter.server.core.MessageStore;
import org.natter.server.store.SqliteMessageStore;
import org.natter.server.store.StoreException;
import org.natter.server.core.DataDirectory;
import org.natter.server.discovery.ServerAnnouncer;
import org.natter.server.ui.ServerApp;

/**
 * Starts Natter Server: the admin window, or with {@code --headless} the console. Not a JavaFX class, so the
 * program also starts with JavaFX on the plain class path.
 */
public final class ServerMain {

    private ServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ServerCommandLine commandLine;
        try {
            commandLine = ServerCommandLine.parse(Arrays.asList(args));
        } catch (IllegalArgumentException e) {
            System.err.println("natter server: " + e.getMessage());
            System.err.println("Try 'natter server --help'.");
            System.exit(2);
            return;
        }
        if (commandLine.help()) {
            System.out.print(ServerCommandLine.USAGE);
            return;
        }
        Path dataDir = DataDirectory.resolve(commandLine.dataDir());
        // Read by logback.xml; must be set before the first logger is created.
        System.setProperty("natter.data.dir", dataDir.toString());
        SqliteMessageStore store;
        try {
            store = SqliteMessageStore.open(dataDir, commandLine.retention());
        } catch (StoreException e) {
            System.err.println("natter server: " + e.getMessage());
            if (!commandLine.headless()) {
                ServerApp.showProblem(e.getMessage());
            }
            System.exit(1);
            return;
        }
        if (commandLine.headless()) {
            System.exit(runHeadless(commandLine, store));
        }
        ServerApp.run(commandLine.settings(), commandLine.startAtOnce(), dataDir, store, commandLine.announce());
    }

    private static int runHeadless(ServerCommandLine commandLine, MessageStore store) throws InterruptedException {
        ChatServer server = new ChatServer(commandLine.settings(), store);
        // Ctrl+C or a service manager's stop: users are told, sockets closed.
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "natter-shutdown"));
        PrintStream out = new PrintStream(System.out, true, Charset.defaultCharset());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()));
        // The announcer reports from its own thread; out is an auto-flushing PrintStream, safe from any thread.
        try (ServerAnnouncer announcer = commandLine.announce() ? ServerAnnouncer.attach(server, out::println) : null) {
            return new ServerConsole(server, in, out, commandLine.showMessages()).run(commandLine.settings().port());
        }
    }
}
