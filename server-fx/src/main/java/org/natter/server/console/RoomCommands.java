package org.natter.server.console;

import java.util.List;
import org.natter.common.model.RoomInfo;
import org.natter.common.protocol.SafeText;
import org.natter.server.core.ChatServer;

/** The console's room commands: {@code rooms}, {@code room create|delete}, {@code topic}, {@code say #room}. */
final class RoomCommands {

    private final ChatServer server;
    private final ConsoleOutput out;

    RoomCommands(ChatServer server, ConsoleOutput out) {
        this.server = server;
        this.out = out;
    }

    void list() {
        List<RoomInfo> rooms = server.rooms();
        if (rooms.isEmpty()) {
            out.println("The server is not running.");
            return;
        }
        out.println(String.format("%-33s  %-7s  %-8s  %s", "ROOM", "MEMBERS", "MESSAGES", "TOPIC"));
        for (RoomInfo room : rooms) {
            out.println(String.format("%-33s  %-7d  %-8d  %s", "#" + SafeText.escape(room.name()),
                    room.members().size(), room.messages(), SafeText.escape(room.topic())));
        }
    }

    /** {@code room create NAME [TOPIC]} or {@code room delete NAME}. */
    void room(String argument) {
        String[] parts = argument.split("\\s+", 3);
        if (parts.length < 2 || parts[1].isEmpty()) {
            out.println("Usage: room create NAME [TOPIC] | room delete NAME");
            return;
        }
        String name = withoutHash(parts[1]);
        try {
            switch (parts[0]) {
                case "create" -> {
                    RoomInfo room = server.createRoom(name, parts.length > 2 ? parts[2] : "");
                    out.println("Created #" + SafeText.escape(room.name()) + ".");
                }
                case "delete" -> out.println(server.deleteRoom(name) ? "Deleted #" + SafeText.escape(name) + "."
                        : "There is no room #" + SafeText.escape(name) + ".");
                default -> out.println("Usage: room create NAME [TOPIC] | room delete NAME");
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            out.println(e.getMessage());
        }
    }

    void topic(String argument) {
        String[] parts = argument.split("\\s+", 2);
        if (parts[0].isEmpty()) {
            out.println("Usage: topic NAME [TEXT]");
            return;
        }
        String name = withoutHash(parts[0]);
        try {
            server.setTopic(name, parts.length > 1 ? parts[1] : "");
            out.println(parts.length > 1 ? "Topic of #" + SafeText.escape(name) + " set." : "Topic of #" + SafeText.escape(name) + " cleared.");
        } catch (IllegalArgumentException | IllegalStateException e) {
            out.println(e.getMessage());
        }
    }

    /** {@code say [#room] TEXT}: to everyone, or to one room's members when the text starts with {@code #room}. */
    void say(String argument) {
        String room = null;
        String text = argument;
        if (argument.startsWith("#")) {
            String[] parts = argument.split("\\s+", 2);
            room = parts[0].substring(1);
            text = parts.length > 1 ? parts[1] : "";
        }
        try {
            int reached = server.announce(room, text);
            out.println("Announced to " + reached + " users" + (room == null ? "." : " in #" + SafeText.escape(room) + "."));
        } catch (IllegalArgumentException e) {
            out.println("Not sent: " + e.getMessage());
        }
    }

    private static String withoutHash(String name) {
        return name.startsWith("#") ? name.substring(1) : name;
    }
}
