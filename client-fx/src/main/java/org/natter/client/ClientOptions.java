package org.natter.client;

import java.util.List;
import org.natter.common.protocol.InviteLink;

/**
 * The client's command line, read by {@link #parse}.
 *
 * @param mode    window, terminal, server list or help
 * @param server  {@code host[:port]} or an invite link to fill in (or to connect to in terminal mode), or {@code null}
 * @param name    the nickname to fill in, or {@code null}
 * @param connect log in at once in window mode
 * @param trust   with {@code --cli}: the fingerprint to trust without asking ({@code --trust}), or {@code null}
 * @param plain   with {@code --cli}: connect without encryption ({@code --plain}), to a server that allows it
 * @param listFor with {@link Mode#LIST_SERVERS}: how many seconds to listen for servers
 * @param listOn  with {@link Mode#LIST_SERVERS}: the local address to listen from, or {@code null} for every interface
 */
public record ClientOptions(Mode mode, String server, String name, boolean connect, String trust, boolean plain,
        int listFor, String listOn) {

    public enum Mode { WINDOW, TERMINAL, LIST_SERVERS, HELP }

    /** How long {@code --list-servers} listens unless told {@code --seconds}. */
    public static final int DEFAULT_LIST_SECONDS = 3;

    /** Window options, or terminal options with TLS and asking before trusting a server. */
    public ClientOptions(Mode mode, String server, String name, boolean connect) {
        this(mode, server, name, connect, null, false);
    }

    public ClientOptions(Mode mode, String server, String name, boolean connect, String trust, boolean plain) {
        this(mode, server, name, connect, trust, plain, DEFAULT_LIST_SECONDS, null);
    }

    public ClientOptions(Mode mode, String server, String name, boolean connect, int listFor, String listOn) {
        this(mode, server, name, connect, null, false, listFor, listOn);
    }

    public static final String USAGE = """
            Usage: natter client [--server HOST[:PORT]] [--name NAME] [--connect]
                   natter client --server HOST[:PORT] --trust FINGERPRINT ...
                   natter client natter://HOST:PORT/...   (an invite link: the window, server filled in)
                   natter client --cli HOST[:PORT] NAME [--trust FINGERPRINT | --plain]
                   natter client --list-servers [--seconds N] [--on ADDRESS]
                   natter client --help

              --server HOST[:PORT]  fill in the server (port 8020 when none is given); an invite link
                                    (natter://HOST:PORT/?fp=...) works wherever an address does
              --name NAME           fill in the nickname
              --connect             log in at once with --server and --name
              --cli HOST[:PORT] NAME
                                    chat in this terminal, without a window; the first
                                    connection to a server shows its safety code and asks
                                    whether to trust it
              --trust FINGERPRINT   trust the server (--cli, or --server) with this SHA-256
                                    fingerprint without asking (for scripts and the demo; with
                                    --cli also to accept a changed certificate after checking it)
              --plain               with --cli: no encryption (only for servers started
                                    with --allow-plain)
              --list-servers        print the Natter servers announced on the local network and exit
                                    (status 1 when none answered)
              --seconds N           with --list-servers: listen this long, 1 to 60 (default 3)
              --on ADDRESS          with --list-servers: listen from this local address only
              --help                show this text
            """;

    /** A command line that cannot be used; the message says why, for a person. */
    public static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        public UsageException(String message) {
            super(message);
        }
    }

    public static ClientOptions parse(List<String> args) throws UsageException {
        String server = null;
        String name = null;
        boolean connect = false;
        boolean cli = false;
        String trust = null;
        boolean plain = false;
        boolean list = false;
        int seconds = DEFAULT_LIST_SECONDS;
        String on = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--help", "-h" -> {
                    return new ClientOptions(Mode.HELP, null, null, false);
                }
                case "--server" -> server = value(args, ++i, "--server", "HOST[:PORT]");
                case "--name" -> name = value(args, ++i, "--name", "NAME");
                case "--connect" -> connect = true;
                case "--trust" -> trust = org.natter.common.security.Fingerprints.parse(
                        value(args, ++i, "--trust", "a certificate fingerprint")).orElseThrow(() -> new UsageException(
                        "--trust needs a SHA-256 fingerprint: 64 hex digits, colons allowed."));
                case "--plain" -> plain = true;
                case "--list-servers" -> list = true;
                case "--seconds" -> seconds = seconds(value(args, ++i, "--seconds", "a number of seconds"));
                case "--on" -> on = value(args, ++i, "--on", "a local address");
                case "--cli" -> {
                    cli = true;
                    server = value(args, ++i, "--cli", "HOST[:PORT] NAME");
                    name = value(args, ++i, "--cli", "HOST[:PORT] NAME");
                }
                default -> {
                    if (!InviteLink.looksLikeLink(arg) || server != null) {
                        throw new UsageException(arg.startsWith("-")
                                ? "Unknown option " + arg + "."
                                : "Unexpected argument \"" + arg + "\".");
                    }
                    // An invite link clicked on the desktop arrives as the only argument.
                    server = arg;
                }
            }
        }
        if (list) {
            if (cli || connect || server != null || name != null || trust != null || plain) {
                throw new UsageException("--list-servers cannot be combined with --cli, --server, --name, --connect,"
                        + " --trust or --plain.");
            }
            return new ClientOptions(Mode.LIST_SERVERS, null, null, false, seconds, on);
        }
        if (seconds != DEFAULT_LIST_SECONDS || on != null) {
            throw new UsageException("--seconds and --on go with --list-servers.");
        }
        if (cli) {
            if (connect) {
                throw new UsageException("--connect is for the window; --cli always connects.");
            }
            if (trust != null && plain) {
                throw new UsageException("--trust is for encrypted connections; --plain has none.");
            }
            return new ClientOptions(Mode.TERMINAL, server, name, false, trust, plain);
        }
        if (plain) {
            throw new UsageException("--plain is for --cli; the window always encrypts.");
        }
        if (trust != null && server == null) {
            throw new UsageException("--trust needs --server: it is the fingerprint of that server.");
        }
        if (connect && (server == null || name == null)) {
            throw new UsageException("--connect needs --server and --name.");
        }
        return new ClientOptions(Mode.WINDOW, server, name, connect, trust, false);
    }

    private static int seconds(String text) throws UsageException {
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= 1 && value <= 60) {
                return value;
            }
        } catch (NumberFormatException e) {
            // the same sentence as an out-of-range number
        }
        throw new UsageException("--seconds needs a whole number from 1 to 60.");
    }

    private static String value(List<String> args, int index, String option, String what) throws UsageException {
        if (index >= args.size() || args.get(index).startsWith("--")) {
            throw new UsageException(option + " needs " + what + ".");
        }
        return args.get(index);
    }
}
