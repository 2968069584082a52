package org.natter.client.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.natter.client.net.ClientListener;
import org.natter.client.net.Conversation;
import org.natter.client.net.DisconnectReason;
import org.natter.common.model.LeaveReason;
import org.natter.common.protocol.Announcement;
import org.natter.common.protocol.ErrorReply;
import org.natter.common.protocol.Joined;
import org.natter.common.protocol.Left;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.Message;
import org.natter.common.protocol.Names;
import org.natter.common.protocol.RoomState;
import org.natter.common.protocol.TopicChanged;
import org.natter.common.protocol.Waiting;

/**
 * Prints what happens on the connection, one line each with the time; runs on the connection's event thread. Every
 * text that came from the server goes through {@link TerminalText}, so it cannot steer the terminal.
 *
 * <p>A message shows where it was said: {@code #maths anna: text} in a room ({@code #general} too), {@code [dm bob]
 * bob: text} for a direct message from bob, {@code [dm → bob] anna: text} for this user's own copy of one to bob.
 */
final class TerminalPrinter implements ClientListener {

    /** Set on the connection's event thread, read by the thread that waits for the login. */
    private volatile boolean waiting;

    private final PrintStream out;
    private volatile boolean over;
    /** This user's name as the server spells it, to tell a direct message's two directions apart. */
    private volatile String self;

    TerminalPrinter(PrintStream out) {
        this.out = out;
    }

    /** The session ended on the server's side (kick, name taken, reconnection gave up). */
    boolean isOver() {
        return over;
    }

    @Override
    public void onLoggedIn(LoginOk ok, boolean again) {
        self = ok.name();
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
        print(message.ts(), line(message));
    }

    /** The replay after entering a room: its latest messages, as messages are printed. */
    @Override
    public void onHistory(Conversation conversation, List<Message> messages, boolean complete) {
        messages.forEach(this::onMessage);
    }

    @Override
    public void onCaughtUp(Conversation conversation, int count) {
        if (count > 0) {
            print(Instant.now(), "* Caught up on " + TerminalText.line(conversation.toString()) + ": " + count
                    + (count == 1 ? " message" : " messages"));
        }
    }

    /** Messages (a history page, search results) in the same form, each with its own time; any thread. */
    void printMessages(List<Message> messages) {
        messages.forEach(this::onMessage);
    }

    /** {@code #room name: text}, {@code [dm NAME] …}: where, who, the text escaped. */
    private String line(Message message) {
        // Continuation lines are indented so a multi-line message still reads as one.
        return where(message) + TerminalText.line(message.from()) + ": "
                + TerminalText.message(message.text()).replace("\n", "\n        ");
    }

    @Override
    public void onJoined(Joined joined) {
        print(joined.ts(), "* " + TerminalText.line(joined.name()) + " joined" + inRoom(joined.room()));
    }

    @Override
    public void onLeft(Left left) {
        boolean part = left.room() != null && left.reason() == LeaveReason.PART;
        String why = left.reason() == null || part ? "" : " (" + left.reason().wireName()
                + (left.detail() == null || left.detail().isBlank() ? "" : ": " + TerminalText.line(left.detail())) + ")";
        print(left.ts(), "* " + TerminalText.line(left.name()) + " left" + inRoom(left.room()) + why);
    }

    @Override
    public void onRoomJoined(RoomState room) {
        print(Instant.now(), "* You are in #" + TerminalText.line(room.room()) + " (" + room.users().size() + "): "
                + names(room.users()));
        if (room.topic() != null && !room.topic().isEmpty()) {
            print(Instant.now(), "* Topic of #" + TerminalText.line(room.room()) + ": " + TerminalText.line(room.topic()));
        }
    }

    @Override
    public void onRoomLeft(String room, LeaveReason reason) {
        if (reason == LeaveReason.ROOM_CLOSED) {
            print(Instant.now(), "! #" + TerminalText.line(room) + " was closed by the host; you are no longer in it.");
        } else {
            print(Instant.now(), "* You left #" + TerminalText.line(room));
        }
    }

    @Override
    public void onTopicChanged(TopicChanged topic) {
        String by = topic.by() == null ? "the host" : TerminalText.line(topic.by());
        print(topic.ts(), "* Topic of #" + TerminalText.line(topic.room())
                + (topic.text().isEmpty() ? " cleared by " + by : ": " + TerminalText.line(topic.text()) + " (set by " + by + ")"));
    }

    @Override
    public void onAnnouncement(Announcement announcement) {
        print(announcement.ts(), "! " + (announcement.room() == null ? "" : "#" + TerminalText.line(announcement.room()) + " ")
                + TerminalText.message(announcement.text()).replace("\n", "\n        "));
    }

    @Override
    public void onError(ErrorReply error) {
        print(Instant.now(), "! " + TerminalText.line(error.message()));
    }

    @Override
    public void onWaiting(Waiting waiting) {
        this.waiting = true;
        print(Instant.now(), "* Waiting for the host to let you in… (Ctrl+C gives up)");
    }

    /** True once the server said the login waits for its operator: then the login has no time limit. */
    boolean isWaiting() {
        return waiting;
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

    /** {@code #room }, {@code [dm NAME] } from someone, {@code [dm → NAME] } this user's own copy; or nothing. */
    private String where(Message message) {
        if (message.to() != null) {
            boolean own = self != null && Names.key(self).equals(Names.key(message.from()));
            return own ? "[dm → " + TerminalText.line(message.to()) + "] " : "[dm " + TerminalText.line(message.from()) + "] ";
        }
        return message.room() == null ? "" : "#" + TerminalText.line(message.room()) + " ";
    }

    private static String inRoom(String room) {
        return room == null ? "" : " #" + TerminalText.line(room);
    }

    static String names(List<String> names) {
        return String.join(", ", names.stream().map(TerminalText::line).toList());
    }

    private void print(Instant ts, String text) {
        // One println per line, so that lines printed from two threads do not mix.
        out.println(TerminalChat.TIME.format(ts == null ? Instant.now() : ts) + " " + text);
        out.flush();
    }
}
