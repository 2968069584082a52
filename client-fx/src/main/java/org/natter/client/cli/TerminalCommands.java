package org.natter.client.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.natter.client.net.ChatConnection;
import org.natter.client.net.ClientListener;
import org.natter.client.net.Conversation;
import org.natter.client.net.OpenRoom;
import org.natter.common.model.LeaveReason;
import org.natter.common.protocol.Message;
import org.natter.common.protocol.Names;
import org.natter.common.protocol.ProtocolLimits;
import org.natter.common.protocol.RoomSummary;

/**
 * What a typed line does: a command, or a message to the current room (where plain lines go, {@code general} at
 * first; {@code /join} and {@code /switch} change it, leaving it goes back to {@code general}).
 *
 * <p><b>Threads:</b> {@link #handle} runs on the thread that reads the terminal. {@code /join}, {@code /part}, {@code /history}
 * and {@code /search} wait there for the server's answer (at most {@code wait}), so that the lines typed after them
 * go to the right room and their output comes before the next command's; other answers are printed on the connection's reader thread when they come. {@link #onRoomLeft} runs on
 * the event thread. The current room is guarded by this object. Text from the server goes through
 * {@link TerminalText}.
 */
final class TerminalCommands implements ClientListener {

    /** What the read loop does after a line. */
    enum Next { CONTINUE, QUIT, LEAVE }

    static final String HELP = """
            Type a line and press Enter to send it to the current room (start it with // to send a line that
            begins with /). Commands:
              /join ROOM       enter a room (it is created if it does not exist) and type into it
              /part [ROOM]     leave a room, the current one without a name
              /switch [ROOM]   type into another room you are in; alone: where your lines go
              /msg NAME text   a direct message to one person
              /topic [text]    show or set the topic of the current room
              /rooms           every room of the server, with members and topic
              /history [N]     the last N messages of the current room (20 without N, at most 500)
              /search TEXT     the messages that contain TEXT, in every room you are in and your direct messages
              /users           who is online
              /leave           log out and end
              /quit            quit at once
              /help            this text""";

    private final ChatConnection connection;
    private final TerminalPrinter printer;
    private final PrintStream out;
    private final PrintStream err;
    private final Duration wait;
    private static final int DEFAULT_HISTORY = 20;

    private String current = ProtocolLimits.GENERAL_ROOM;

    TerminalCommands(ChatConnection connection, TerminalPrinter printer, PrintStream out, PrintStream err, Duration wait) {
        this.connection = connection;
        this.printer = printer;
        this.out = out;
        this.err = err;
        this.wait = wait;
    }

    synchronized String current() {
        return current;
    }

    private synchronized void switchTo(String room, String how) {
        current = room;
        out.println("Your lines go to #" + TerminalText.line(room) + how);
    }

    Next handle(String line) {
        String command = line.strip();
        if (command.isEmpty()) {
            return Next.CONTINUE;
        }
        if (!command.startsWith("/") || command.startsWith("//")) {
            // "//text" sends "/text", for messages that start with a slash.
            String text = command.startsWith("//") ? line.substring(line.indexOf('/') + 1) : line;
            report(connection.say(current(), text), "Not sent");
            return Next.CONTINUE;
        }
        String[] words = command.split("\\s+", 2);
        String argument = words.length > 1 ? words[1].strip() : "";
        switch (words[0]) {
            case "/help" -> out.println(HELP);
            case "/users" -> out.println("Online (" + connection.users().size() + "): "
                    + TerminalPrinter.names(connection.users()));
            case "/join" -> join(argument);
            case "/part" -> part(argument);
            case "/switch" -> switchRoom(argument);
            case "/msg" -> message(argument);
            case "/topic" -> topic(argument);
            case "/rooms" -> rooms();
            case "/history" -> history(argument);
            case "/search" -> search(argument);
            case "/quit" -> {
                return Next.QUIT;
            }
            case "/leave" -> {
                return Next.LEAVE;
            }
            default -> err.println("Unknown command " + words[0] + ". /help lists the commands.");
        }
        return Next.CONTINUE;
    }

    /** Event thread: leaving the current room (a part, or the host closed it) sends plain lines to general again. */
    @Override
    public void onRoomLeft(String room, LeaveReason reason) {
        leftRoom(room);
    }

    private synchronized void leftRoom(String room) {
        if (Names.key(room).equals(Names.key(current)) && !Names.key(room).equals(ProtocolLimits.GENERAL_ROOM)) {
            switchTo(ProtocolLimits.GENERAL_ROOM, " now.");
        }
    }

    private void join(String argument) {
        if (argument.isEmpty()) {
            err.println("Which room? /join ROOM");
            return;
        }
        await(connection.join(roomName(argument)), "Not joined").ifPresent(room -> switchTo(room.room(), " now."));
    }

    private void part(String argument) {
        String room = argument.isEmpty() ? current() : roomName(argument);
        await(connection.part(room), "Not left").ifPresent(parted -> leftRoom(parted.room()));
    }

    private void switchRoom(String argument) {
        if (argument.isEmpty()) {
            out.println("Your lines go to #" + TerminalText.line(current()) + ".");
            return;
        }
        Optional<String> open = openRoom(roomName(argument));
        if (open.isEmpty()) {
            err.println("You are not in #" + TerminalText.line(roomName(argument)) + ". /join it first.");
            return;
        }
        switchTo(open.get(), " now.");
    }

    private void message(String argument) {
        String[] parts = argument.split("\\s+", 2);
        if (parts.length < 2 || parts[0].isEmpty()) {
            err.println("To whom, and what? /msg NAME text");
            return;
        }
        report(connection.sayTo(parts[0], parts[1]), "Not sent");
    }

    private void topic(String argument) {
        if (!argument.isEmpty()) {
            report(connection.setTopic(current(), argument), "Topic not set");
            return;
        }
        String room = current();
        String topic = connection.rooms().stream().filter(open -> Names.key(open.name()).equals(Names.key(room)))
                .map(OpenRoom::topic).findFirst().orElse("");
        out.println(topic.isEmpty() ? "#" + TerminalText.line(room) + " has no topic."
                : "Topic of #" + TerminalText.line(room) + ": " + TerminalText.line(topic));
    }

    private void rooms() {
        report(connection.listRooms().thenAccept(list -> out.println(roomList(list))), "No list");
    }

    /** Waits for the page, so that it is printed before the next line is read. */
    private void history(String argument) {
        int count;
        try {
            count = argument.isEmpty() ? DEFAULT_HISTORY : Integer.parseInt(argument);
        } catch (NumberFormatException e) {
            count = 0;
        }
        if (count < 1 || count > ProtocolLimits.MAX_HISTORY_PAGE) {
            err.println("How many? /history N, N from 1 to " + ProtocolLimits.MAX_HISTORY_PAGE + ".");
            return;
        }
        String room = current();
        await(connection.history().page(Conversation.room(room), null, null, count), "No history").ifPresent(page -> {
            if (page.messages().isEmpty()) {
                out.println("Nothing has been said in #" + TerminalText.line(room) + " yet.");
            } else {
                out.println("The last " + page.messages().size() + " in #" + TerminalText.line(room) + ":");
                printer.printMessages(page.messages());
            }
        });
    }

    /** Results come newest first; printed oldest first, as the chat reads. */
    private void search(String argument) {
        if (argument.isEmpty()) {
            err.println("Search for what? /search TEXT");
            return;
        }
        await(connection.history().search(argument, null, null), "No search").ifPresent(found -> {
            out.println((found.isEmpty() ? "Nothing" : found.size() == 1 ? "1 message" : found.size() + " messages")
                    + " found for \"" + TerminalText.line(argument) + "\"" + (found.isEmpty() ? "." : ":"));
            List<Message> oldestFirst = new ArrayList<>(found);
            Collections.reverse(oldestFirst);
            printer.printMessages(oldestFirst);
        });
    }

    static String roomList(List<RoomSummary> rooms) {
        StringBuilder text = new StringBuilder("Rooms (" + rooms.size() + "):");
        for (RoomSummary room : rooms) {
            text.append(System.lineSeparator()).append("  #").append(TerminalText.line(room.name()))
                    .append(" (").append(room.users()).append(room.users() == 1 ? " member)" : " members)");
            if (room.topic() != null && !room.topic().isEmpty()) {
                text.append(" ").append(TerminalText.line(room.topic()));
            }
        }
        return text.toString();
    }

    private Optional<String> openRoom(String room) {
        String key = Names.key(room);
        return connection.openRooms().stream().filter(name -> Names.key(name).equals(key)).findFirst();
    }

    /** A room as typed, with or without its {@code #}. */
    private static String roomName(String typed) {
        return typed.startsWith("#") ? typed.substring(1) : typed;
    }

    private void report(CompletableFuture<?> request, String what) {
        request.whenComplete((done, failure) -> {
            if (failure != null) {
                Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
                err.println(what + ": " + TerminalText.line(cause.getMessage()));
            }
        });
    }

    /** The answer, or empty after printing why there is none. */
    private <T> Optional<T> await(CompletableFuture<T> request, String what) {
        try {
            return Optional.of(request.get(wait.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            err.println(what + ": " + TerminalText.line(cause.getMessage()));
        } catch (TimeoutException e) {
            err.println(what + ": the server did not answer in time.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Optional.empty();
    }
}
