package org.natter.server.console;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import org.natter.common.model.ConnectedUser;
import org.natter.common.model.PendingHost;
import org.natter.common.model.ServerEvent;
import org.natter.common.protocol.InviteLink;
import org.natter.common.protocol.SafeText;
import org.natter.server.core.ChatServer;
import org.natter.server.core.LocalAddresses;
import org.natter.server.core.ServerEventText;
import org.natter.server.core.ServerListener;
import org.natter.server.core.ServerStartException;
import org.natter.server.core.moderation.AuditSource;

/**
 * The headless server: starts the core, prints what happens (chat messages only when asked to), and takes the
 * operator's commands from a text stream until {@code stop}. The end of the input does not stop the server (it
 * may run under nohup or a service manager); it then runs until {@code stop} from elsewhere or the process is ended.
 *
 * <p>Everything is printed through a {@link ConsoleOutput}: a bounded queue and a thread of its own, so an output
 * nobody reads never holds up the server's threads or the command reader.
 */
public final class ServerConsole implements AutoCloseable {

    /**
     * Lines that wait for a slow or stuck standard output before new ones are dropped (and counted). Lines are
     * short, so this is a few megabytes at most, and minutes of a busy server's joins and leaves.
     */
    public static final int OUTPUT_QUEUE_LINES = 10_000;

    /** How long the last lines may take to reach the output before the process exits anyway. */
    private static final Duration EXIT_FLUSH = Duration.ofSeconds(2);

    static final String HELP = """
            Commands:
              help                  this list
              status                state, port, counts
              users                 the logged-in users
              pending               the hosts that have not logged in, and who waits to be let in
              waiting on|off        new users wait until you let them in (the waiting room)
              admit NAME            let a waiting user in
              refuse NAME [REASON]  turn a waiting user away (ban NAME ... turns them away and bans the name)
              kick NAME [REASON]    remove a user and tell them why
              drop ID               close a pending host (ID from 'pending')
              say [#ROOM] TEXT      send an announcement to every user, or to one room's members
              rooms                 the rooms, with members and topics
              room create NAME [TOPIC]  a room that stays when empty
              room delete NAME      close a room (its members are told)
              room moderate NAME on|off   only the people you allow may write in it
              room allow|disallow NAME USER   who may write in a moderated room
              room slow NAME SECONDS|off  each person may write once per SECONDS (1 to 3600)
              topic NAME [TEXT]     set a room's topic; no text clears it
              history ROOM [N]      the last N messages of a room (default 20)
              export ROOM FILE      write a room's history to FILE (.jsonl: JSON lines; else text)
              clear ROOM            delete a room's history
              ban WHO DURATION [REASON]   ban a name, an address or a range (10m 1h 1d 1w forever)
              unban WHO             lift a ban
              mute NAME DURATION [REASON] the user reads but cannot write
              unmute NAME           let a muted user write again
              bans                  the bans and mutes in force
              audit [N]             the last N actions of the operator (default 20), newest first
              fingerprint           the certificate's safety code and SHA-256 fingerprint
              invite                the invite links users can open or scan (natter://...)
              stop                  stop the server (users are told) and exit""";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final ChatServer server;
    private final BufferedReader in;
    private final ConsoleOutput out;
    private final boolean showMessages;
    private final RoomCommands rooms;
    private final HistoryCommands history;
    private final ModerationCommands moderation;
    private final WaitingRoomCommands waitingRoom;
    private final AuditCommands audit;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final ServerListener events = new ServerListener() {
        @Override
        public void onEvent(ServerEvent event) {
            printEvent(event);
        }
    };

    /** @param showMessages print chat messages too, not only joins, leaves, kicks, errors and announcements */
    public ServerConsole(ChatServer server, BufferedReader in, PrintStream out, boolean showMessages) {
        this(server, in, out, showMessages, OUTPUT_QUEUE_LINES);
    }

    ServerConsole(ChatServer server, BufferedReader in, PrintStream out, boolean showMessages, int queueLines) {
        this.server = server;
        this.in = in;
        this.out = ConsoleOutput.start(out, queueLines);
        this.showMessages = showMessages;
        this.rooms = new RoomCommands(server, this.out);
        this.history = new HistoryCommands(server, this.out);
        this.moderation = new ModerationCommands(server, this.out);
        this.waitingRoom = new WaitingRoomCommands(server, this.out);
        this.audit = new AuditCommands(server, this.out);
        server.setAuditSource(AuditSource.CONSOLE);
    }

    /**
     * Starts the server on {@code port} and serves commands until {@code stop}.
     *
     * @return the process exit code: 0 after {@code stop}, 1 when the server could not start
     */
    public int run(int port) throws InterruptedException {
        server.addListener(events);
        try {
            int actualPort;
            try {
                actualPort = server.start(port);
            } catch (ServerStartException e) {
                out.println(e.getMessage());
                return 1;
            }
            String bind = server.settings().bindAddress();
            out.println("Natter server \"" + server.settings().serverName() + "\" is running. Users connect to "
                    + String.join(" or ", LocalAddresses.reachableAt(bind, actualPort)) + "."
                    + (LocalAddresses.onlyThisComputer(bind)
                            ? " Only this computer can connect (listening on " + bind + ")." : ""));
            SecurityText.describe(server.security()).forEach(out::println);
            out.println("Type 'help' for commands.");
            readCommands();
            stopped.await();
            return 0;
        } finally {
            out.flush(EXIT_FLUSH);
        }
    }

    /** The listener {@link #run} adds to the server; it only queues a line, so it returns at once. */
    ServerListener events() {
        return events;
    }

    private void printEvent(ServerEvent event) {
        if (event instanceof ServerEvent.MessageSent && !showMessages) {
            return;
        }
        if (event instanceof ServerEvent.RoomUpdated) {
            // Every join and part updates a room: the console says who joined already; 'rooms' lists them.
            return;
        }
        out.println(TIME.format(event.at()) + "  " + ServerEventText.describe(event));
    }

    /** Stops the output thread; lines not yet printed are lost. {@link #run} prints its last lines first. */
    @Override
    public void close() {
        out.close();
    }

    private void readCommands() {
        try {
            String line;
            while (stopped.getCount() > 0 && (line = in.readLine()) != null) {
                execute(line.strip());
            }
        } catch (IOException e) {
            out.println("Cannot read commands any more: " + e.getMessage());
        }
        if (stopped.getCount() > 0) {
            out.println("No more input; the server keeps running. Stop it with Ctrl+C.");
        }
    }

    /** Runs one command line; public for the console's tests and for embedding. */
    public void execute(String line) {
        if (line.isEmpty()) {
            return;
        }
        String[] parts = line.split("\\s+", 2);
        String argument = parts.length > 1 ? parts[1].strip() : "";
        switch (parts[0].toLowerCase(Locale.ROOT)) {
            case "help", "?" -> out.println(HELP);
            case "status" -> status();
            case "users" -> users();
            case "pending" -> pending();
            case "kick" -> kick(argument);
            case "drop" -> drop(argument);
            case "say" -> rooms.say(argument);
            case "rooms" -> rooms.list();
            case "room" -> rooms.room(argument);
            case "topic" -> rooms.topic(argument);
            case "history" -> history.history(argument);
            case "export" -> history.export(argument);
            case "clear" -> history.clear(argument);
            case "ban" -> moderation.ban(argument);
            case "unban" -> moderation.unban(argument);
            case "mute" -> moderation.mute(argument);
            case "unmute" -> moderation.unmute(argument);
            case "bans" -> moderation.list();
            case "waiting" -> waitingRoom.waiting(argument);
            case "admit" -> waitingRoom.admit(argument);
            case "refuse" -> waitingRoom.refuse(argument);
            case "audit" -> audit.audit(argument);
            case "fingerprint" -> SecurityText.fingerprint(server.security()).forEach(out::println);
            case "invite" -> invite();
            case "stop", "quit", "exit" -> stop();
            default -> out.println("Unknown command '" + parts[0] + "'. Type 'help' for the list.");
        }
    }

    private void invite() {
        if (server.port() < 0) {
            out.println("The server is not running: no invite yet.");
            return;
        }
        String name = server.settings().serverName();
        for (String address : LocalAddresses.reachableAt(server.settings().bindAddress(), server.port())) {
            out.println(InviteLink.forAddress(address, server.security().fingerprint(), name).toString());
        }
    }

    private void status() {
        out.println("State " + server.state() + ", port " + server.port() + ", " + server.users().size() + " users, "
                + server.pendingHosts().size() + " pending, " + server.messagesSent() + " messages.");
    }

    private void users() {
        List<ConnectedUser> users = server.users();
        if (users.isEmpty()) {
            out.println("No users are logged in.");
            return;
        }
        out.println(String.format("%-24s  %-24s  %-8s  %s", "NAME", "ADDRESS", "SINCE", "MESSAGES"));
        for (ConnectedUser user : users) {
            out.println(String.format("%-24s  %-24s  %-8s  %d", SafeText.escape(user.name()), user.address(),
                    TIME.format(user.since()), user.messagesSent()));
        }
    }

    private void pending() {
        List<PendingHost> hosts = server.pendingHosts();
        if (hosts.isEmpty()) {
            out.println("No hosts are waiting.");
            return;
        }
        out.println(String.format("%-8s  %-24s  %-8s  %s", "ID", "ADDRESS", "SINCE", "WAITS TO BE LET IN AS"));
        for (PendingHost host : hosts) {
            out.println(String.format("%-8d  %-24s  %-8s  %s", host.connectionId(), host.address(),
                    TIME.format(host.since()), host.isWaiting() ? SafeText.escape(host.waitingName()) : ""));
        }
    }

    private void kick(String argument) {
        if (argument.isEmpty()) {
            out.println("Usage: kick NAME [REASON]");
            return;
        }
        String[] parts = argument.split("\\s+", 2);
        try {
            if (!server.kick(parts[0], parts.length > 1 ? parts[1] : "")) {
                out.println("No user named " + parts[0] + " is logged in.");
            }
        } catch (IllegalArgumentException e) {
            out.println(e.getMessage());
        }
    }

    private void drop(String argument) {
        try {
            if (!server.dropPending(Long.parseLong(argument))) {
                out.println("No pending host has the ID " + argument + ". Type 'pending' for the list.");
            }
        } catch (NumberFormatException e) {
            out.println("Usage: drop ID (the number from 'pending')");
        }
    }

    private void stop() {
        server.stop();
        stopped.countDown();
    }
}
