package org.natter.client.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.natter.client.net.ChatConnection;
import org.natter.client.net.ConnectionFailure;
import org.natter.client.net.ConnectionSettings;
import org.natter.client.net.ServerAddress;
import org.natter.common.protocol.LoginOk;

/**
 * Chat in a terminal, for machines without a display: lines typed are sent to the current room, incoming messages
 * are printed with time, room (or {@code [dm NAME]}) and sender; the commands are in {@link TerminalCommands#HELP}.
 * Uses no JavaFX class.
 */
public final class TerminalChat {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

    private TerminalChat() {
    }

    /** Runs until /leave, /quit, the end of the input, a kick, or a failed login; returns the exit status. */
    public static int run(String server, String name, Reader input, PrintStream out, PrintStream err) {
        return run(server, name, input, out, err, ConnectionSettings.defaults());
    }

    static int run(String server, String name, Reader input, PrintStream out, PrintStream err, ConnectionSettings settings) {
        ServerAddress address;
        try {
            address = ServerAddress.parse(server);
        } catch (IllegalArgumentException e) {
            err.println("natter client: " + e.getMessage());
            return 2;
        }
        try (ChatConnection connection = new ChatConnection(settings)) {
            TerminalPrinter printer = new TerminalPrinter(out);
            TerminalCommands commands = new TerminalCommands(connection, printer, out, err, settings.replyTimeout().plusSeconds(1));
            connection.addListener(printer);
            connection.addListener(commands);
            out.println("Connecting to " + address + " …");
            CompletableFuture<LoginOk> login = connection.connect(address, name);
            LoginOk ok = null;
            while (ok == null) {
                try {
                    ok = login.get(settings.connectTimeout().plus(settings.replyTimeout()).plusSeconds(5).toMillis(),
                            TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    err.println(describe(e.getCause(), address));
                    return 1;
                } catch (TimeoutException e) {
                    // A login the host has to let in waits as long as they take; anything else has timed out.
                    if (!printer.isWaiting()) {
                        err.println(address + " did not answer in time. Is the server started? Is the address right?");
                        return 1;
                    }
                }
            }
            out.println("Logged in as " + TerminalText.line(ok.name()) + ". /help lists the commands.");
            return readLoop(connection, new BufferedReader(input), out, err, printer, commands);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private static int readLoop(ChatConnection connection, BufferedReader in, PrintStream out, PrintStream err,
                                TerminalPrinter printer, TerminalCommands commands) throws InterruptedException {
        try {
            for (String line; (line = in.readLine()) != null; ) {
                if (printer.isOver()) {
                    return 1;
                }
                switch (commands.handle(line)) {
                    case QUIT -> {
                        return 0;
                    }
                    case LEAVE -> {
                        waitQuietly(connection.logout());
                        out.println("Logged out.");
                        return 0;
                    }
                    case CONTINUE -> { }
                }
            }
        } catch (IOException e) {
            err.println("Reading the terminal failed: " + e.getMessage());
        }
        return printer.isOver() ? 1 : 0;
    }

    private static void waitQuietly(java.util.concurrent.CompletableFuture<?> future) throws InterruptedException {
        try {
            future.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // Leaving anyway: closing the connection follows.
        }
    }

    static String describe(Throwable failure, ServerAddress address) {
        if (!(failure instanceof ConnectionFailure f)) {
            return "Could not connect to " + address + ". Is the server started? Is the address right?";
        }
        return switch (f.kind()) {
            case UNREACHABLE, LOST, CLOSED, NOT_LOGGED_IN, TIMEOUT ->
                    "Cannot reach " + address + ". Is the server started? Is the address right?";
            case UNKNOWN_HOST -> "There is no server called \"" + address.host() + "\". Is the address right?";
            case NAME_TAKEN -> "That name is taken. Choose another one.";
            case SERVER_FULL -> "The server is full. Try again later.";
            case NOT_A_CHAT_SERVER -> address + " is not a Natter server. Is the port right?";
            case INVALID_NAME, REFUSED -> "The server refused the login: " + TerminalText.line(f.getMessage());
        };
    }
}
