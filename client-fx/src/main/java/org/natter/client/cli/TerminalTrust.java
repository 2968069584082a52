package org.natter.client.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import org.natter.client.net.trust.ServerIdentity;
import org.natter.client.net.trust.TrustDecider;

/**
 * The terminal's answer to a certificate not trusted yet: with {@code --trust FINGERPRINT} exactly that certificate
 * is trusted (for scripts); otherwise the person is shown the safety code and asked on first use. A changed
 * certificate is refused with an explanation: trusting it takes a deliberate second step, a new run with
 * {@code --trust}. Runs on the connection's connector thread, reading the same input as the chat (before the chat
 * starts reading it).
 */
final class TerminalTrust implements TrustDecider {

    private final BufferedReader in;
    private final PrintStream out;
    private final String trusted;

    /** @param trusted the fingerprint given with {@code --trust}, in canonical form, or {@code null} */
    TerminalTrust(BufferedReader in, PrintStream out, String trusted) {
        this.in = in;
        this.out = out;
        this.trusted = trusted;
    }

    @Override
    public CompletableFuture<Boolean> decide(ServerIdentity identity) {
        if (trusted != null) {
            if (!identity.fingerprint().equals(trusted)) {
                out.println("The certificate of " + identity.address() + " is not the one given with --trust.");
                out.println("  It has the fingerprint " + identity.fingerprint());
                return CompletableFuture.completedFuture(false);
            }
            return CompletableFuture.completedFuture(true);
        }
        if (identity.changed()) {
            out.println("WARNING: the certificate of " + identity.address() + " has changed since you last connected.");
            out.println("  Either the operator made a new certificate, or someone is trying to read your chat.");
            out.println("  Not connecting. Ask the operator for the server's fingerprint; if it matches");
            out.println("  " + identity.fingerprint());
            out.println("  connect again with --trust " + identity.fingerprint());
            return CompletableFuture.completedFuture(false);
        }
        out.println("First connection to " + identity.address() + ". Its safety code is " + identity.safetyCode() + ".");
        out.println("Compare this with the code in the Natter Server window (or the headless server's 'fingerprint').");
        out.print("Trust this server? [yes/no] ");
        out.flush();
        try {
            String answer = in.readLine();
            boolean yes = answer != null && answer.strip().toLowerCase(Locale.ROOT).matches("y|yes");
            if (!yes) {
                out.println("Not trusted; not connecting.");
            }
            return CompletableFuture.completedFuture(yes);
        } catch (IOException e) {
            return CompletableFuture.completedFuture(false);
        }
    }
}
