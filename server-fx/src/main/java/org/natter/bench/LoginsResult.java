package org.natter.bench;

import java.util.Locale;

/**
 * One login storm: how many got in, how long until the last did, the frames each client received meanwhile
 * (joins or presence), and the server's memory per idle connection (-1: unknown).
 */
record LoginsResult(int clients, int loggedIn, long nanos, long framesPerClient, long serverRssBefore, long serverRssAfter,
                    double serverCpu, String firstFailure) {

    boolean complete() {
        return loggedIn == clients;
    }

    /** Resident memory the connections added to the server, per connection, in bytes; -1 when unknown. */
    long bytesPerConnection() {
        if (serverRssBefore < 0 || serverRssAfter < 0 || loggedIn == 0) {
            return -1;
        }
        return (serverRssAfter - serverRssBefore) / loggedIn;
    }

    String scenario() {
        return String.format(Locale.ROOT, "%,d logins", clients);
    }

    String summary() {
        String memory = bytesPerConnection() < 0 ? "n/a" : String.format(Locale.ROOT, "%,d KB", bytesPerConnection() / 1024);
        return String.format(Locale.ROOT, """
                %s
                  logged in     %,d of %,d in %.1f s%s
                  frames        %,d per client after its login (joins, presence, pings)
                  server        %s of one core while logging in;  memory per idle connection %s""",
                scenario(), loggedIn, clients, nanos / 1e9,
                firstFailure == null ? "" : "; first refusal: " + firstFailure,
                framesPerClient, FanoutResult.percent(serverCpu), memory);
    }
}
