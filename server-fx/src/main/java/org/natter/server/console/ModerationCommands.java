package org.natter.server.console;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.natter.common.protocol.SafeText;
import org.natter.server.core.ChatServer;
import org.natter.server.core.moderation.Durations;
import org.natter.server.core.moderation.Sanction;

/** The console's bans and mutes: {@code ban}, {@code unban}, {@code bans}, {@code mute}, {@code unmute}. */
final class ModerationCommands {

    private static final String DURATIONS = "10m, 1h, 1d, 1w or forever";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final ChatServer server;
    private final ConsoleOutput out;

    ModerationCommands(ChatServer server, ConsoleOutput out) {
        this.server = server;
        this.out = out;
    }

    /** {@code ban NAME|ADDRESS|CIDR DURATION [REASON]} */
    void ban(String argument) {
        Command command = parse(argument, "ban NAME|ADDRESS|CIDR DURATION [REASON]");
        if (command != null) {
            try {
                Sanction ban = server.ban(command.target(), command.duration(), command.reason());
                out.println("Banned " + describe(ban) + ".");
            } catch (IllegalArgumentException e) {
                out.println(e.getMessage());
            }
        }
    }

    /** {@code mute NAME DURATION [REASON]} */
    void mute(String argument) {
        Command command = parse(argument, "mute NAME DURATION [REASON]");
        if (command != null) {
            try {
                out.println("Muted " + describe(server.mute(command.target(), command.duration(), command.reason())) + ".");
            } catch (IllegalArgumentException e) {
                out.println(e.getMessage());
            }
        }
    }

    void unban(String target) {
        if (target.isEmpty()) {
            out.println("Usage: unban NAME|ADDRESS|CIDR");
            return;
        }
        out.println(server.unban(target) ? "Lifted the ban on " + SafeText.escape(target) + "."
                : "No ban on " + SafeText.escape(target) + ". Type 'bans' for the list.");
    }

    void unmute(String name) {
        if (name.isEmpty()) {
            out.println("Usage: unmute NAME");
            return;
        }
        out.println(server.unmute(name) ? SafeText.escape(name) + " may write again."
                : SafeText.escape(name) + " is not muted. Type 'bans' for the list.");
    }

    void list() {
        List<Sanction> all = server.sanctions();
        if (all.isEmpty()) {
            out.println("No bans or mutes.");
            return;
        }
        out.println(String.format("%-8s  %-28s  %-17s  %s", "KIND", "WHO", "UNTIL", "REASON"));
        for (Sanction s : all) {
            out.println(String.format("%-8s  %-28s  %-17s  %s", s.kind() == Sanction.Kind.MUTE ? "mute" : "ban",
                    SafeText.escape(s.target()), s.until() == null ? "for good" : WHEN.format(s.until()),
                    SafeText.escape(s.reason())));
        }
    }

    private record Command(String target, Duration duration, String reason) {
    }

    private Command parse(String argument, String usage) {
        String[] parts = argument.split("\\s+", 3);
        if (parts.length < 2 || parts[0].isEmpty()) {
            out.println("Usage: " + usage + " (DURATION: " + DURATIONS + ")");
            return null;
        }
        Optional<Durations.Parsed> duration = Durations.parse(parts[1]);
        if (duration.isEmpty()) {
            out.println("'" + SafeText.escape(parts[1]) + "' is not a duration: write " + DURATIONS + ".");
            return null;
        }
        return new Command(parts[0], duration.get().duration(), parts.length > 2 ? parts[2] : "");
    }

    private static String describe(Sanction s) {
        return SafeText.escape(s.target()) + " " + s.untilText() + (s.reason().isEmpty() ? "" : " (" + SafeText.escape(s.reason()) + ")");
    }
}
