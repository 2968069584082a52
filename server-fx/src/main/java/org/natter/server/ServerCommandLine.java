package org.natter.server;

import static org.natter.server.OptionValues.integer;
import static org.natter.server.OptionValues.value;

import java.time.Duration;
import java.util.List;
import org.natter.server.core.ServerSettings;
import org.natter.server.core.moderation.AddressLimits;
import org.natter.server.core.room.RoomSettings;
import org.natter.server.store.Retention;

/**
 * The server's command line: how to run it and every limit, each with the default of
 * {@link ServerSettings#defaults()}. Parsing never exits; bad input is an {@link IllegalArgumentException}
 * whose message is a sentence for the person who typed it.
 */
record ServerCommandLine(ServerSettings settings, boolean headless, boolean startAtOnce, boolean showMessages,
        String dataDir, boolean help, Retention retention, boolean allowPlain, String passwordFile,
        boolean announce) {

    static final String USAGE = """
            Usage: natter server [options]

            Opens the Natter Server window, or with --headless runs the server in this terminal.

              --headless                 no window; read commands from standard input (type 'help')
              --show-messages            with --headless, print chat messages too (by default only
                                         joins, leaves, kicks, errors and announcements are printed)
              --start                    start listening at once (the window's Start button)
              --port N                   TCP port (default 8020; 0 picks a free one)
              --bind ADDRESS             listen on this address only (default: all)
              --name TEXT                server name shown to users (default: Natter)
              --welcome TEXT             welcome text shown to users after login
              --max-users N              logged-in users at most (default 200)
              --max-connections N        open connections at most, pending included (default 1000)
              --login-timeout SECONDS    drop pending hosts that do not log in by then (default 30)
              --ping-after SECONDS       ping a client that has been silent this long (default 30)
              --idle-timeout SECONDS     drop a client silent this long (default 90)
              --rate-burst N             requests a client may send at once (default 20)
              --rate N                   requests per second a client may send in the long run (default 5)
              --max-queue-bytes N        bytes queued for a client that does not read before it is
                                         dropped (default 1048576)
              --max-connections-per-address N   connections open at once from one address (default 8)
              --new-connections-per-address N   new connections from one address per 10 s (default 20)
              --waiting-room             new users wait until you let them in (Admit or Refuse in the
                                         window, 'admit NAME' or 'refuse NAME' in the console)
              --no-user-rooms            only the operator creates rooms (default: users may)
              --max-rooms N              rooms on the server, general included (default 100)
              --max-rooms-per-user N     rooms one user may be in at once (default 20)
              --max-room-members N       members of one room (default 200)
              --empty-room-grace SECONDS an empty room a user created goes after this (default 300)
              --history N                messages of a room shown on joining it (default 50)
              --keep-days N              delete history older than N days (default 0: keep for ever)
              --keep-last N              keep only the last N messages of each room (default 0: all)
              --allow-plain              also take unencrypted connections (nc, scripts); by default
                                         only encrypted (TLS) ones are taken
              --password-file FILE       users need the password in the first line of FILE to log
                                         in (never give a password on the command line)
              --no-announce              do not announce the server on the local network (by default
                                         clients list it under "On your network")
              --data-dir PATH            settings, logs and the server's certificate (default: see README)
              --help                     this text
            """;

    static ServerCommandLine parse(List<String> args) {
        ServerSettings.Builder settings = ServerSettings.builder();
        RoomSettings defaults = RoomSettings.defaults();
        boolean userRooms = defaults.userRoomsAllowed();
        int maxRooms = defaults.maxRooms();
        int maxRoomsPerUser = defaults.maxRoomsPerUser();
        int maxRoomMembers = defaults.maxMembers();
        Duration emptyRoomGrace = defaults.emptyRoomGrace();
        int keepDays = 0;
        int perAddress = AddressLimits.defaults().maxConnections();
        int newPerAddress = AddressLimits.defaults().newConnections();
        int keepPerRoom = 0;
        boolean headless = false;
        boolean start = false;
        boolean help = false;
        boolean showMessages = false;
        boolean announce = true;
        String dataDir = null;
        boolean allowPlain = false;
        String passwordFile = null;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            switch (option) {
                case "--headless" -> headless = true;
                case "--start" -> start = true;
                case "--show-messages" -> showMessages = true;
                case "--help", "-h" -> help = true;
                case "--port" -> settings.port(integer(option, value(args, ++i, option), 0, 65_535));
                case "--bind" -> settings.bindAddress(value(args, ++i, option));
                case "--name" -> settings.serverName(value(args, ++i, option));
                case "--welcome" -> settings.welcomeText(value(args, ++i, option));
                case "--max-users" -> settings.maxUsers(integer(option, value(args, ++i, option), 1, 1_000_000));
                case "--max-connections" -> settings.maxConnections(integer(option, value(args, ++i, option), 1, 1_000_000));
                case "--login-timeout" -> settings.loginTimeout(seconds(option, value(args, ++i, option)));
                case "--ping-after" -> settings.pingAfter(seconds(option, value(args, ++i, option)));
                case "--idle-timeout" -> settings.idleTimeout(seconds(option, value(args, ++i, option)));
                case "--rate-burst" -> settings.rateBurst(integer(option, value(args, ++i, option), 1, 1_000_000));
                case "--rate" -> settings.ratePerSecond(decimal(option, value(args, ++i, option)));
                case "--max-queue-bytes" -> settings.maxOutboundBytes(integer(option, value(args, ++i, option), 4_096, Integer.MAX_VALUE));
                case "--max-connections-per-address" -> perAddress = integer(option, value(args, ++i, option), 1, 1_000_000);
                case "--new-connections-per-address" -> newPerAddress = integer(option, value(args, ++i, option), 1, 1_000_000);
                case "--no-user-rooms" -> userRooms = false;
                case "--waiting-room" -> settings.waitingRoom(true);
                case "--max-rooms" -> maxRooms = integer(option, value(args, ++i, option), 1, 100_000);
                case "--max-rooms-per-user" -> maxRoomsPerUser = integer(option, value(args, ++i, option), 1, 100_000);
                case "--max-room-members" -> maxRoomMembers = integer(option, value(args, ++i, option), 1, 1_000_000);
                case "--empty-room-grace" -> emptyRoomGrace = Duration.ofSeconds(
                        integer(option, value(args, ++i, option), 0, 7 * 24 * 3600));
                case "--history" -> settings.historyReplay(integer(option, value(args, ++i, option), 0, 500));
                case "--keep-days" -> keepDays = integer(option, value(args, ++i, option), 0, 100_000);
                case "--keep-last" -> keepPerRoom = integer(option, value(args, ++i, option), 0, 100_000_000);
                case "--no-announce" -> announce = false;
                case "--data-dir" -> dataDir = value(args, ++i, option);
                case "--allow-plain" -> allowPlain = true;
                case "--password-file" -> passwordFile = value(args, ++i, option);
                case "--password" -> throw new IllegalArgumentException("Give the password in a file with "
                        + "--password-file FILE: a command line can be seen by every user of this computer.");
                default -> throw new IllegalArgumentException("Unknown option " + option + ".");
            }
        }
        settings.addressLimits(AddressLimits.defaults().withConnections(perAddress, newPerAddress));
        settings.rooms(new RoomSettings(userRooms, maxRooms, maxRoomsPerUser, maxRoomMembers, emptyRoomGrace));
        return new ServerCommandLine(settings.build(), headless, start, showMessages, dataDir, help,
                new Retention(keepDays, keepPerRoom), allowPlain, passwordFile, announce);
    }

    private static double decimal(String option, String text) {
        try {
            double value = Double.parseDouble(text.strip());
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException(option + " must be a number greater than 0.");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number, not \"" + text + "\".");
        }
    }

    private static Duration seconds(String option, String text) {
        double value = decimal(option, text);
        return Duration.ofMillis(Math.round(value * 1000));
    }
}
