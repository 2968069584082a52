package org.natter.client.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;

/** Asks for the server's password: hidden on a real console, otherwise read as a line of the input (scripts). */
final class TerminalPassword {

    private TerminalPassword() {
    }

    /** The password typed, or {@code null} when none was (end of input, or an empty line). */
    static String ask(BufferedReader in, PrintStream out) {
        Console console = System.console();
        String typed;
        if (console != null) {
            char[] chars = console.readPassword("Server password: ");
            typed = chars == null ? null : new String(chars);
        } else {
            out.print("Server password: ");
            out.flush();
            try {
                typed = in.readLine();
            } catch (IOException e) {
                typed = null;
            }
        }
        return typed == null || typed.isEmpty() ? null : typed;
    }
}
