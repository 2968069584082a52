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
                    room.members().size(), room.messages(), SafeText.escape(room.topic()))
                    + (room.moderated() || room.slowModeSeconds() > 0 ? "  [" + rulesOf(room) + "]" : ""));
        }
    }

    private static final String USAGE = "Usage: room create NAME [TOPIC] | room delete NAME | room moderate NAME on|off"
            + " | room allow NAME USER | room disallow NAME USER | room slow NAME SECONDS|off";

    /** {@code room create NAME [TOPIC]}, {@code room delete NAME}, and the room's rules (moderated, slow mode). */
    void room(String argument) {
        String[] parts = argument.split("\\s+", 3);
        if (parts.length < 2 || parts[1].isEmpty()) {
            out.println(USAGE);
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
                case "moderate", "allow", "disallow", "slow" -> rules(parts[0], name, parts.length > 2 ? parts[2].strip() : "");
                default -> out.println(USAGE);
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            out.println(e.getMessage());
        }
    }

    private void rules(String rule, String room, String value) {
        RoomInfo info;
        switch (rule) {
            case "moderate" -> {
                if (!value.equals("on") && !value.equals("off")) {
                    out.println("Usage: room moderate NAME on|off");
                    return;
                }
                info = server.setModerated(room, value.equals("on"));
            }
            case "allow", "disallow" -> {
                if (value.isEmpty()) {
                    out.println("Usage: room " + rule + " NAME USER");
                    return;
                }
                info = server.allowToWrite(room, value, rule.equals("allow"));
            }
            default -> {
                java.time.Duration interval;
                try {
                    interval = value.equals("off") ? java.time.Duration.ZERO : java.time.Duration.ofSeconds(Long.parseLong(value));
                } catch (NumberFormatException e) {
                    out.println("Usage: room slow NAME SECONDS|off (1 to 3600 seconds)");
                    return;
                }
                info = server.setSlowMode(room, interval);
            }
        }
        out.println("#" + SafeText.escape(info.name()) + ": " + rulesOf(info) + ".");
    }

    /** "moderated (may write: ada, bob), slow mode 30 s" or "open to everyone". */
    static String rulesOf(RoomInfo room) {
        String moderated = room.moderated() ? "moderated (may write: " + (room.allowed().isEmpty() ? "nobody yet"
                : SafeText.escape(String.join(", ", room.allowed()))) + ")" : "";
        String slow = room.slowModeSeconds() == 0 ? "" : "slow mode " + room.slowModeSeconds() + " s";
        return moderated.isEmpty() && slow.isEmpty() ? "open to everyone"
                : moderated + (moderated.isEmpty() || slow.isEmpty() ? "" : ", ") + slow;
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
