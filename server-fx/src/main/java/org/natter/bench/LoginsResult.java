package org.natter.bench;

import java.util.Locale;

/**
 * One login storm: how many got in, how long until the last did, the frames each client received meanwhile
 * (joins or presence), and the server's memory per connection (-1: unknown) once the storm settled and after
 * the clients idled ({@link LoginsBench#IDLE_MILLIS}).
 *
 * @param serverRssSettled the server's resident memory 3 s after the last login
 * @param serverRssAfter   the server's resident memory after the clients idled
 */
record LoginsResult(int clients, int loggedIn, long nanos, long framesPerClient, long serverRssBefore,
                    long serverRssSettled, long serverRssAfter, double serverCpu, String firstFailure) {

    boolean complete() {
        return loggedIn == clients;
    }

    /** Resident memory the idle connections added to the server, per connection, in bytes; -1 when unknown. */
    long bytesPerConnection() {
        return perConnection(serverRssAfter);
    }

    /** The same, 3 s after the last login: the storm's garbage not yet given back. */
    long bytesPerConnectionSettled() {
        return perConnection(serverRssSettled);
    }

    private long perConnection(long rss) {
        if (serverRssBefore < 0 || rss < 0 || loggedIn == 0) {
            return -1;
        }
        return (rss - serverRssBefore) / loggedIn;
    }

    String scenario() {
        return String.format(Locale.ROOT, "%,d logins", clients);
    }

    String summary() {
        String memory = bytesPerConnection() < 0 ? "n/a" : String.format(Locale.ROOT,
                "%,d KB per connection 3 s after the last login, %,d KB after %d s idle",
                bytesPerConnectionSettled() / 1024, bytesPerConnection() / 1024, LoginsBench.IDLE_MILLIS / 1000);
        return String.format(Locale.ROOT, """
                %s
                  logged in     %,d of %,d in %.1f s%s
                  frames        %,d per client after its login (joins, presence, pings)
                  server        %s of one core while logging in;  memory %s""",
                scenario(), loggedIn, clients, nanos / 1e9,
                firstFailure == null ? "" : "; first refusal: " + firstFailure,
                framesPerClient, FanoutResult.percent(serverCpu), memory);
    }
}
