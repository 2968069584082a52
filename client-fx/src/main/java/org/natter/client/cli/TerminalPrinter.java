package org.natter.client.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.natter.client.net.ClientListener;
import org.natter.client.net.DisconnectReason;
import org.natter.common.protocol.Announcement;
import org.natter.common.protocol.ErrorReply;
import org.natter.common.protocol.Joined;
import org.natter.common.protocol.Left;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.Message;

/**
 * Prints what happens on the connection, one line each with the time; runs on the connection's event thread. Every
 * text that came from the server goes through {@link TerminalText}, so it cannot steer the terminal.
 */
final class TerminalPrinter implements ClientListener {

    private final PrintStream out;
    private volatile boolean over;

    TerminalPrinter(PrintStream out) {
        this.out = out;
    }

    /** The session ended on the server's side (kick, name taken, reconnection gave up). */
    boolean isOver() {
        return over;
    }

    @Override
    public void onLoggedIn(LoginOk ok, boolean again) {
        if (again) {
            print(Instant.now(), "* Reconnected. " + TerminalText.line(ok.text()));
        } else {
            print(Instant.now(), "* " + TerminalText.line(ok.text())
                    + (ok.welcome() == null || ok.welcome().isBlank() ? "" : " " + TerminalText.message(ok.welcome())));
            print(Instant.now(), "* Online (" + ok.users().size() + "): " + names(ok.users()));
        }
    }

    @Override
    public void onMessage(Message message) {
        // Continuation lines are indented so a multi-line message still reads as one.
        print(message.ts(), "<" + TerminalText.line(message.from()) + "> "
                + TerminalText.message(message.text()).replace("\n", "\n        "));
    }

    @Override
    public void onJoined(Joined joined) {
        print(joined.ts(), "* " + TerminalText.line(joined.name()) + " joined");
    }

    @Override
    public void onLeft(Left left) {
        String why = left.reason() == null ? "" : " (" + left.reason().wireName()
                + (left.detail() == null || left.detail().isBlank() ? "" : ": " + TerminalText.line(left.detail())) + ")";
        print(left.ts(), "* " + TerminalText.line(left.name()) + " left" + why);
    }

    @Override
    public void onAnnouncement(Announcement announcement) {
        print(announcement.ts(), "! " + TerminalText.message(announcement.text()).replace("\n", "\n        "));
    }

    @Override
    public void onError(ErrorReply error) {
        print(Instant.now(), "! " + TerminalText.line(error.message()));
    }

    @Override
    public void onKicked(String reason) {
        print(Instant.now(), "! You were removed by the admin"
                + (reason == null || reason.isBlank() ? "." : ": " + TerminalText.line(reason)));
    }

    @Override
    public void onConnectionLost(String cause) {
        print(Instant.now(), "! Connection lost (" + TerminalText.line(cause) + "). Reconnecting…");
    }

    @Override
    public void onReconnecting(int attempt, Duration delay) {
        print(Instant.now(), "* Attempt " + attempt + " in " + Math.max(1, delay.toSeconds()) + " s");
    }

    @Override
    public void onDisconnected(DisconnectReason reason, String detail) {
        if (reason != DisconnectReason.QUIT) {
            over = true;
            print(Instant.now(), "! Disconnected" + (detail == null || detail.isBlank() ? "." : ": " + TerminalText.line(detail))
                    + " Press Enter to end.");
        }
    }

    static String names(List<String> names) {
        return String.join(", ", names.stream().map(TerminalText::line).toList());
    }

    private void print(Instant ts, String text) {
        out.println(TerminalChat.TIME.format(ts == null ? Instant.now() : ts) + " " + text);
        out.flush();
    }
}
