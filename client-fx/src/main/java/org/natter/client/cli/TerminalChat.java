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
import org.natter.client.net.doctor.ConnectionDoctor;
import org.natter.common.protocol.InviteLink;
import org.natter.client.net.trust.ClientSecurity;
import org.natter.client.net.trust.PinStore;
import org.natter.common.security.Fingerprints;
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
        return run(server, name, new BufferedReader(input), out, err, settings, null);
    }

    /**
     * The terminal client as {@code natter client --cli} runs it: TLS, the certificate pinned in {@code pins} on first
     * use after the person said yes (or as given with {@code --trust}), and a password asked for when the server
     * wants one. (The other {@code run} methods speak plain text, for tests against servers made in code.)
     *
     * @param trust the fingerprint given with {@code --trust}, or {@code null}
     */
    public static int runEncrypted(String server, String name, String trust, PinStore pins, Reader input,
                                   PrintStream out, PrintStream err) {
        return runEncrypted(server, name, trust, pins, input, out, err, ConnectionSettings.defaults());
    }

    static int runEncrypted(String server, String name, String trust, PinStore pins, Reader input,
                            PrintStream out, PrintStream err, ConnectionSettings settings) {
        String fingerprint = null;
        if (trust != null) {
            fingerprint = Fingerprints.parse(trust).orElse(null);
            if (fingerprint == null) {
                err.println("natter client: --trust needs a SHA-256 fingerprint (64 hex digits, colons allowed).");
                return 2;
            }
        } else if (InviteLink.looksLikeLink(server)) {
            // An invite link's fingerprint vouches for the server, as --trust does.
            try {
                fingerprint = InviteLink.parse(server).fingerprint();
            } catch (IllegalArgumentException e) {
                err.println("natter client: " + e.getMessage());
                return 2;
            }
        }
        BufferedReader in = new BufferedReader(input);
        return run(server, name, in, out, err, settings,
                ClientSecurity.tls(pins, new TerminalTrust(in, out, fingerprint)));
    }

    private static int run(String server, String name, BufferedReader in, PrintStream out, PrintStream err,
                           ConnectionSettings settings, ClientSecurity security) {
        ServerAddress address;
        try {
            address = InviteLink.looksLikeLink(server) ? addressOf(InviteLink.parse(server)) : ServerAddress.parse(server);
        } catch (IllegalArgumentException e) {
            err.println("natter client: " + e.getMessage());
            return 2;
        }
        try (ChatConnection connection = new ChatConnection(settings,
                security == null ? ClientSecurity.plain() : security)) {
            TerminalPrinter printer = new TerminalPrinter(out);
            TerminalCommands commands = new TerminalCommands(connection, printer, out, err, settings.replyTimeout().plusSeconds(1));
            connection.addListener(printer);
            connection.addListener(commands);
            out.println("Connecting to " + address + " …");
            LoginOk ok = null;
            String password = null;
            CompletableFuture<LoginOk> pending = null;
            for (int attempt = 0; ok == null; ) {
                if (pending == null) {
                    pending = connection.connect(address, name, password);
                }
                try {
                    // With TLS a person may be asked to trust the server first: no time limit then.
                    ok = security != null ? pending.get() : pending.get(settings.connectTimeout()
                            .plus(settings.replyTimeout()).plusSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
                } catch (ExecutionException e) {
                    pending = null;
                    attempt++;
                    boolean askPassword = e.getCause() instanceof ConnectionFailure f && security != null && attempt <= 3
                            && (f.kind() == ConnectionFailure.Kind.PASSWORD_NEEDED || f.kind() == ConnectionFailure.Kind.BAD_PASSWORD);
                    if (!askPassword) {
                        err.println(describe(e.getCause(), address));
                        if (isAboutTheConnection(e.getCause())) {
                            DiagnosisPrinter.examine(address, err, doctorFor(security));
                        }
                        return 1;
                    }
                    if (((ConnectionFailure) e.getCause()).kind() == ConnectionFailure.Kind.BAD_PASSWORD) {
                        out.println(TerminalText.line(e.getCause().getMessage()));
                    }
                    password = TerminalPassword.ask(in, out);
                    if (password == null) {
                        return 1;
                    }
                } catch (TimeoutException e) {
                    // A login the host has to let in waits as long as they take; anything else has timed out.
                    if (!printer.isWaiting()) {
                        err.println(address + " did not answer in time. Is the server started? Is the address right?");
                        DiagnosisPrinter.examine(address, err, doctorFor(security));
                        return 1;
                    }
                }
            }
            out.println("Logged in as " + TerminalText.line(ok.name()) + ". /help lists the commands.");
            return readLoop(connection, in, out, err, printer, commands);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    /**
     * With TLS the connection may wait for the person to trust the certificate, so there is no outer time limit:
     * the connection's own timeouts end every attempt.
     */
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

    private static ServerAddress addressOf(InviteLink link) {
        return new ServerAddress(link.host(), link.port());
    }

    /** A doctor that connects as this client does: with TLS and its pins, or in plain text. */
    private static ConnectionDoctor doctorFor(ClientSecurity security) {
        return security != null && security.usesTls() ? ConnectionDoctor.forTls(security.pins()) : new ConnectionDoctor();
    }

    /** True when the connection itself failed (not the name or the login), so the doctor can say more. */
    private static boolean isAboutTheConnection(Throwable failure) {
        if (!(failure instanceof ConnectionFailure f)) {
            return true;
        }
        return switch (f.kind()) {
            case UNREACHABLE, LOST, CLOSED, TIMEOUT, UNKNOWN_HOST, NOT_A_CHAT_SERVER, SERVER_FULL -> true;
            case NO_TLS, TLS_REQUIRED -> true;
            case NAME_TAKEN, INVALID_NAME, REFUSED, NOT_LOGGED_IN, NOT_TRUSTED, PASSWORD_NEEDED, BAD_PASSWORD -> false;
        };
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
            case NOT_TRUSTED -> "Not connected: the server's certificate is not trusted.";
            case PASSWORD_NEEDED -> "The server needs a password.";
            case BAD_PASSWORD -> "The server refused the password: " + TerminalText.line(f.getMessage());
            case TLS_REQUIRED -> address + " takes encrypted connections only. Leave out --plain.";
            case NO_TLS -> address + " does not offer an encrypted connection (an older or a plain-text-only"
                    + " server). Add --plain to connect without encryption.";
        };
    }
}
