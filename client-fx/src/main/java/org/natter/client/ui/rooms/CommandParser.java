package org.natter.client.ui.rooms;

import java.util.Locale;
import org.natter.client.ui.I18n;
import org.natter.client.ui.InputProblems;

/**
 * Reads a line from the message field: a line starting with {@code /} is a command, {@code //} sends a line that
 * starts with {@code /}, anything else is a message. Room names may be typed with or without their {@code #}.
 * Pure: no JavaFX, no connection.
 */
public final class CommandParser {

    private CommandParser() {
    }

    public static ChatCommand parse(String line) {
        if (!line.startsWith("/")) {
            return new ChatCommand.Say(line);
        }
        if (line.startsWith("//")) {
            return new ChatCommand.Say(line.substring(1));
        }
        String body = line.substring(1).strip();
        int space = firstSpace(body);
        String word = (space < 0 ? body : body.substring(0, space)).toLowerCase(Locale.ROOT);
        String rest = space < 0 ? "" : body.substring(space + 1).strip();
        return switch (word) {
            case "join", "j" -> rest.isEmpty() ? usage("/join ROOM") : room(rest, false);
            case "part", "leave" -> rest.isEmpty() ? new ChatCommand.Part(null) : room(rest, true);
            case "msg", "m" -> msg(rest);
            case "topic" -> new ChatCommand.Topic(rest);
            case "rooms", "list" -> new ChatCommand.Rooms();
            case "help", "?" -> new ChatCommand.Help();
            default -> new ChatCommand.Invalid(I18n.text("command.unknown", "/" + word));
        };
    }

    private static ChatCommand room(String typed, boolean part) {
        String room = typed.startsWith("#") ? typed.substring(1) : typed;
        if (firstSpace(room) >= 0) {
            return usage(part ? "/part ROOM" : "/join ROOM");
        }
        return InputProblems.roomName(room).<ChatCommand>map(ChatCommand.Invalid::new)
                .orElseGet(() -> part ? new ChatCommand.Part(room) : new ChatCommand.Join(room));
    }

    private static ChatCommand msg(String rest) {
        if (rest.isEmpty()) {
            return usage("/msg NAME text");
        }
        int space = firstSpace(rest);
        String user = space < 0 ? rest : rest.substring(0, space);
        String text = space < 0 ? "" : rest.substring(space + 1).strip();
        if (user.startsWith("@")) {
            user = user.substring(1);
        }
        String name = user;
        return InputProblems.name(name).<ChatCommand>map(ChatCommand.Invalid::new)
                .orElseGet(() -> new ChatCommand.Msg(name, text));
    }

    private static ChatCommand usage(String form) {
        return new ChatCommand.Invalid(I18n.text("command.usage", form));
    }

    private static int firstSpace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isWhitespace(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
