package org.natter.bench;

import static org.natter.server.OptionValues.integer;
import static org.natter.server.OptionValues.value;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.natter.common.protocol.ProtocolLimits;

/**
 * The options of {@code ./natter bench}. Parsing never exits: bad input is an {@link IllegalArgumentException}
 * whose message is a sentence for the person who typed it.
 *
 * @param host        the server's address; loopback unless {@code allowRemote}
 * @param senders     how many of the receivers also send (every message reaches all receivers)
 * @param rate        messages per second, all senders together
 * @param warmup      seconds of load before measuring starts
 * @param lateMillis  a delivery slower than this counts as late
 * @param concurrent  logins in flight at once (connect, login, wait for login_ok)
 * @param serverPid   the server's process id for its CPU and memory (from /proc), or 0
 * @param protocol    the protocol version the clients announce (1 to 3)
 * @param tls         the clients connect with TLS 1.3 (as the apps do; a server's own certificate is accepted)
 */
record BenchOptions(String mode, String host, int port, int receivers, int senders, int rate, int seconds, int warmup,
                    String room, long serverPid, boolean allowRemote, int clients, int lateMillis, int concurrent,
                    int protocol, String out, boolean help, boolean tls) {

    static final String USAGE = """
            Usage: natter bench [fanout|logins] [options]

            A load tool for a Natter server. Without fanout or logins it starts a server of its own on a free
            loopback port, runs the standard matrix and writes a report to target/bench/ (every scenario in
            plain text, the 100,000 deliveries/s ones and the login storm also over TLS; about 5 minutes).

              fanout    receivers log in, some of them send; every message reaches every receiver;
                        one more connection pings every 100 ms (its round trips are reported)
                --server HOST:PORT   the server (loopback only unless --allow-remote)
                --receivers R        connections that receive (default 100)
                --senders S          how many of the receivers also send (default 10)
                --rate M             messages per second, all senders together (default 100)
                --seconds D          how long to measure (default 10)
                --warmup W           seconds of load before measuring (default 2)
                --room NAME          send in this room instead of general (receivers join it)
                --late-ms N          a delivery slower than this counts as late (default 1000)
              logins    N clients log in as fast as the server lets them, then stay idle
                --server HOST:PORT
                --clients N          (default 1000)
                --seconds D          how long they may take to log in (default 60)
                --concurrent K       logins in flight at once (default 500)
              common options
                --server-pid PID     also report the server's CPU and memory (Linux, from /proc)
                --protocol 1|2|3     the protocol version the clients speak (default 3: names in pages)
                --tls                connect with TLS 1.3, as the apps do (any certificate is accepted:
                                     a load tool, on loopback); without it the server must --allow-plain
                --allow-remote       allow a server that is not on this machine
                --out DIR            where the matrix writes its report (default target/bench)
                --help               this text

            The server must let the load in: raise --max-users, --max-connections,
            --max-connections-per-address, --new-connections-per-address, --rate and --rate-burst
            (see natter server --help). The matrix starts its own server with these raised.
            """;

    static BenchOptions parse(List<String> args) {
        String mode = "matrix";
        int start = 0;
        if (!args.isEmpty() && !args.get(0).startsWith("-")) {
            mode = args.get(0);
            if (!mode.equals("fanout") && !mode.equals("logins")) {
                throw new IllegalArgumentException("Unknown bench \"" + mode + "\": use fanout or logins, or nothing for the matrix.");
            }
            start = 1;
        }
        String server = null;
        int receivers = 100;
        int senders = 10;
        int rate = 100;
        Integer seconds = null;
        int warmup = 2;
        String room = null;
        long pid = 0;
        boolean remote = false;
        int clients = 1000;
        int late = 1000;
        int concurrent = 500;
        int protocol = ProtocolLimits.PROTOCOL_VERSION;
        String out = "target/bench";
        boolean help = false;
        boolean tls = false;
        for (int i = start; i < args.size(); i++) {
            String option = args.get(i);
            switch (option) {
                case "--server" -> server = value(args, ++i, option);
                case "--receivers" -> receivers = integer(option, value(args, ++i, option), 1, 19_000);
                case "--senders" -> senders = integer(option, value(args, ++i, option), 1, 19_000);
                case "--rate" -> rate = integer(option, value(args, ++i, option), 1, 1_000_000);
                case "--seconds" -> seconds = integer(option, value(args, ++i, option), 1, 3_600);
                case "--warmup" -> warmup = integer(option, value(args, ++i, option), 0, 600);
                case "--room" -> room = value(args, ++i, option);
                case "--server-pid" -> pid = integer(option, value(args, ++i, option), 1, Integer.MAX_VALUE);
                case "--allow-remote" -> remote = true;
                case "--clients" -> clients = integer(option, value(args, ++i, option), 1, 19_500);
                case "--late-ms" -> late = integer(option, value(args, ++i, option), 1, 600_000);
                case "--concurrent" -> concurrent = integer(option, value(args, ++i, option), 1, 10_000);
                case "--protocol" -> protocol = integer(option, value(args, ++i, option), 1, ProtocolLimits.PROTOCOL_VERSION);
                case "--out" -> out = value(args, ++i, option);
                case "--help", "-h" -> help = true;
                case "--tls" -> tls = true;
                default -> throw new IllegalArgumentException("Unknown option " + option + ".");
            }
        }
        if (senders > receivers) {
            throw new IllegalArgumentException("--senders (" + senders + ") cannot be more than --receivers ("
                    + receivers + "): the senders are some of the receivers.");
        }
        if (room != null && protocol < 2) {
            throw new IllegalArgumentException("--room needs --protocol 2 or 3: version-1 clients only know general.");
        }
        String host = null;
        int port = 0;
        if (!mode.equals("matrix") && !help) {
            if (server == null) {
                throw new IllegalArgumentException("natter bench " + mode + " needs --server HOST:PORT.");
            }
            int colon = server.lastIndexOf(':');
            if (colon <= 0 || colon == server.length() - 1) {
                throw new IllegalArgumentException("--server needs HOST:PORT, for example 127.0.0.1:8020, not \"" + server + "\".");
            }
            host = server.substring(0, colon).replace("[", "").replace("]", "");
            port = integer("the port in --server", server.substring(colon + 1), 1, 65_535);
            requireLocal(host, remote);
        } else if (server != null) {
            throw new IllegalArgumentException("--server goes with fanout or logins; the matrix starts its own server.");
        }
        int defaultSeconds = mode.equals("logins") ? 60 : 10;
        return new BenchOptions(mode, host, port, receivers, senders, rate, seconds == null ? defaultSeconds : seconds,
                warmup, room, pid, remote, clients, late, concurrent, protocol, out, help, tls);
    }

    /** A load tool must not be pointed at someone else's server by a typo. */
    private static void requireLocal(String host, boolean allowRemote) {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Unknown host \"" + host + "\".");
        }
        if (!address.isLoopbackAddress() && !allowRemote) {
            throw new IllegalArgumentException(host + " is not this machine. The bench loads a server heavily; "
                    + "add --allow-remote if it is yours and you mean it.");
        }
    }
}
