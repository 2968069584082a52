package org.natter.client.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.natter.client.net.ServerAddress;
import org.natter.client.net.doctor.ConnectionDoctor;
import org.natter.client.net.doctor.Diagnosis;
import org.natter.client.net.doctor.Finding;

/**
 * After a failed connection, the terminal client checks the connection step by step with the
 * {@link ConnectionDoctor} and prints each step as it is checked, so a person sees which one fails and why.
 */
final class DiagnosisPrinter {

    private DiagnosisPrinter() {
    }

    /** Runs the doctor (blocking, a few seconds at most) and prints its findings; returns the diagnosis. */
    static Diagnosis examine(ServerAddress address, PrintStream err, ConnectionDoctor doctor) {
        Locale locale = Locale.getDefault();
        err.println("Checking the connection to " + address + " step by step:");
        return doctor.examine(address, finding -> err.println(line(finding, locale)));
    }

    static String line(Finding finding, Locale locale) {
        return (finding.passed() ? "  [ok]   " : "  [FAIL] ") + Finding.title(finding.check(), locale) + ": "
                + TerminalText.line(finding.sentence(locale));
    }
}
