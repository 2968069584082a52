package org.natter.client.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import org.natter.client.net.ClientListener;
import org.natter.client.net.DisconnectReason;
import org.natter.common.protocol.Announcement;
import org.natter.common.protocol.ErrorReply;
import org.natter.common.protocol.Joined;
import org.natter.common.protocol.Left;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.Message;

/** Prints what happens on the connection, one line each with the time; runs on the connection's event thread. */
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
            print(Instant.now(), "* Reconnected. " + ok.text());
        } else {
            print(Instant.now(), "* " + ok.text() + (ok.welcome() == null || ok.welcome().isBlank() ? "" : " " + ok.welcome()));
            print(Instant.now(), "* Online (" + ok.users().size() + "): " + String.join(", ", ok.users()));
        }
    }

    @Override
    public void onMessage(Message message) {
        // Continuation lines are indented so a multi-line message still reads as one.
        print(message.ts(), "<" + message.from() + "> " + message.text().replace("\n", "\n        "));
    }

    @Override
    public void onJoined(Joined joined) {
        print(joined.ts(), "* " + joined.name() + " joined");
    }

    @Override
    public void onLeft(Left left) {
        String why = left.reason() == null ? "" : " (" + left.reason().wireName()
                + (left.detail() == null || left.detail().isBlank() ? "" : ": " + left.detail()) + ")";
        print(left.ts(), "* " + left.name() + " left" + why);
    }

    @Override
    public void onAnnouncement(Announcement announcement) {
        print(announcement.ts(), "! " + announcement.text());
    }

    @Override
    public void onError(ErrorReply error) {
        print(Instant.now(), "! " + error.message());
    }

    @Override
    public void onKicked(String reason) {
        print(Instant.now(), "! You were removed by the admin" + (reason == null || reason.isBlank() ? "." : ": " + reason));
    }

    @Override
    public void onConnectionLost(String cause) {
        print(Instant.now(), "! Connection lost (" + cause + "). Reconnecting…");
    }

    @Override
    public void onReconnecting(int attempt, Duration delay) {
        print(Instant.now(), "* Attempt " + attempt + " in " + Math.max(1, delay.toSeconds()) + " s");
    }

    @Override
    public void onDisconnected(DisconnectReason reason, String detail) {
        if (reason != DisconnectReason.QUIT) {
            over = true;
            print(Instant.now(), "! Disconnected" + (detail == null || detail.isBlank() ? "." : ": " + detail)
                    + " Press Enter to end.");
        }
    }

    private void print(Instant ts, String text) {
        out.println(TerminalChat.TIME.format(ts == null ? Instant.now() : ts) + " " + text);
        out.flush();
    }
}
