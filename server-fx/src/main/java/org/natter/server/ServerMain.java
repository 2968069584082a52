package org.natter.server;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.natter.server.console.ServerConsole;
import org.natter.server.core.ChatServer;
import org.natter.server.core.MessageStore;
import org.natter.server.store.SqliteMessageStore;
import org.natter.server.store.StoreException;
import org.natter.server.core.DataDirectory;
import org.natter.server.discovery.ServerAnnouncer;
import org.natter.server.core.security.PasswordHash;
import org.natter.server.core.security.ServerSecurity;
import org.natter.server.core.tls.ServerCertificate;
import org.natter.server.core.tls.TlsContexts;
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
        // The store opens (SQLite, the logging set-up) on a second thread while this one goes on (the certificate,
        // or JavaFX's start): both are on the way to the first window and neither needs the other.
        CompletableFuture<SqliteMessageStore> opening = CompletableFuture.supplyAsync(
                () -> SqliteMessageStore.open(dataDir, commandLine.retention()),
                task -> startDaemon(task, "natter-store-open"));
        if (!commandLine.headless()) {
            if (!runWindow(commandLine, dataDir, opening)) {
                System.exit(1);
            }
            return;
        }
        PasswordHash password = null;
        ServerCertificate certificate;
        try {
            if (commandLine.passwordFile() != null) {
                password = ServerSecuritySetup.passwordFrom(commandLine.passwordFile());
            }
            // Made once, at the first start, and used again on every start so that clients' pins stay valid.
            certificate = ServerCertificate.loadOrCreate(dataDir);
        } catch (IllegalArgumentException | java.io.IOException e) {
            System.err.println("natter server: " + e.getMessage());
            System.exit(1);
            return;
        }
        // The first TLS context of a JVM takes most of a second (the JDK's TLS classes and their set-up); the
        // console builds its own a little later. A throw-away one built now, beside the store's opening, makes it
        // quick.
        ServerCertificate loaded = certificate;
        startDaemon(() -> {
            try {
                TlsContexts.forServer(loaded);
            } catch (RuntimeException e) {
                // Only a warm-up: the real build reports the same problem where it is handled.
            }
        }, "natter-tls-warm-up");
        SqliteMessageStore store;
        try {
            store = join(opening);
        } catch (StoreException e) {
            System.err.println("natter server: " + e.getMessage());
            System.exit(1);
            return;
        }
        // The headless server takes its security from the command line only: TLS always, plain text and a
        // password when asked for.
        System.exit(runHeadless(commandLine, store, ServerSecurity.tls(certificate, commandLine.allowPlain(), password)));
    }

    /**
     * The admin window. JavaFX starts at once on this thread while the store opens on its own and a third thread
     * reads the certificate and builds the TLS context: the first window waits for the slowest of the three, not
     * for their sum. A problem with the password file, the certificate or the store is reported as before (in
     * that order when there are several), on standard error and in a dialog.
     *
     * @return false when the server could not start
     */
    private static boolean runWindow(ServerCommandLine commandLine, Path dataDir,
                                     CompletableFuture<SqliteMessageStore> opening) {
        CompletableFuture<ServerSecurity> securing = CompletableFuture.supplyAsync(() -> {
            try {
                PasswordHash password = commandLine.passwordFile() == null ? null
                        : ServerSecuritySetup.passwordFrom(commandLine.passwordFile());
                // Made once, at the first start, and used again on every start so that clients' pins stay valid.
                ServerCertificate certificate = ServerCertificate.loadOrCreate(dataDir);
                return new ServerApp.Security(certificate, commandLine.allowPlain(), password).withSaved(dataDir);
            } catch (IllegalArgumentException | java.io.IOException e) {
                throw new ServerApp.StartProblem(e.getMessage());
            }
        }, task -> startDaemon(task, "natter-security"));
        CompletableFuture<MessageStore> store = opening.handle((opened, failure) -> {
            if (failure == null) {
                return opened;
            }
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            if (cause instanceof StoreException) {
                throw new ServerApp.StartProblem(cause.getMessage());
            }
            throw new CompletionException(cause);
        });
        // thenCombine waits for both and reports the security's failure before the store's.
        CompletableFuture<ServerApp.Prepared> preparing = securing.thenCombine(store, (security, history) -> new ServerApp.Prepared(history, security));
        preparing.whenComplete((prepared, failure) -> {
            if (failure != null && failure.getCause() instanceof ServerApp.StartProblem problem) {
                System.err.println("natter server: " + problem.getMessage());
            }
        });
        return ServerApp.run(commandLine.settings(), commandLine.startAtOnce(), dataDir, preparing,
                commandLine.announce());
    }

    private static Thread startDaemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** The store, or the store's own exception as if it had been opened on this thread. */
    private static SqliteMessageStore join(CompletableFuture<SqliteMessageStore> opening) {
        try {
            return opening.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    private static int runHeadless(ServerCommandLine commandLine, MessageStore store, ServerSecurity security)
            throws InterruptedException {
        ChatServer server = new ChatServer(commandLine.settings(), store, security);
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
