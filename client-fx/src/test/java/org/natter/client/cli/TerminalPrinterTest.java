package org.natter.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.natter.client.net.ConnectionFailure;
import org.natter.client.net.DisconnectReason;
import org.natter.client.net.ServerAddress;
import org.natter.common.model.LeaveReason;
import org.natter.common.protocol.Announcement;
import org.natter.common.protocol.ErrorCode;
import org.natter.common.protocol.ErrorReply;
import org.natter.common.protocol.Joined;
import org.natter.common.protocol.Left;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.Message;
import org.natter.common.protocol.RoomState;
import org.natter.common.protocol.TopicChanged;

/** Whatever a hostile server sends, the terminal receives no control or formatting character from it. */
class TerminalPrinterTest {

    private static final String ESC = "\u001b";
    private static final String NASTY = ESC + "[2J\r\u009b31m\u202Egnp.exe\u200B\u0007";

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final TerminalPrinter printer = new TerminalPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aHeldLoginIsToldAndRemembered() {
        assertThat(printer.isWaiting()).isFalse();
        printer.onWaiting(new org.natter.common.protocol.Waiting("1", "anna", "ignored: the terminal says it in its words"));
        assertThat(output()).contains("* Waiting for the host to let you in…");
        assertThat(printer.isWaiting()).isTrue();
    }

    @Test
    void everythingTheServerSendsIsPrintedEscaped() {
        Instant now = Instant.now();
        printer.onLoggedIn(new LoginOk("c1", "anna", 1, NASTY, List.of("anna", "b" + NASTY), NASTY), false);
        printer.onMessage(new Message(1, "m" + NASTY, "line one\nline two " + NASTY, now, null));
        printer.onJoined(new Joined("j" + NASTY, now));
        printer.onLeft(new Left("l" + NASTY, LeaveReason.KICKED, NASTY, now));
        printer.onAnnouncement(new Announcement(NASTY, now));
        printer.onError(new ErrorReply(null, ErrorCode.BAD_JSON, NASTY));
        printer.onMessage(new Message(2, "anna", "x", now, null, null, "t" + NASTY));
        printer.onMessage(new Message(3, "d" + NASTY, "x", now, null, null, "anna"));
        printer.onJoined(new Joined("a", "r" + NASTY, now));
        printer.onLeft(new Left("a", "s" + NASTY, LeaveReason.PART, null, now));
        printer.onRoomJoined(new RoomState(null, "u" + NASTY, NASTY, List.of("v" + NASTY)));
        printer.onRoomLeft("w" + NASTY, LeaveReason.ROOM_CLOSED);
        printer.onTopicChanged(new TopicChanged("x" + NASTY, NASTY, "y" + NASTY, now));
        printer.onAnnouncement(new Announcement("z", "q" + NASTY, now));
        printer.onKicked(NASTY);
        printer.onConnectionLost(NASTY);
        printer.onDisconnected(DisconnectReason.KICKED, NASTY);

        String printed = output();
        String withoutLineBreaks = printed.replace(System.lineSeparator(), "").replace("\n", "");
        assertThat(withoutLineBreaks.codePoints().filter(cp -> Character.isISOControl(cp)
                || Character.getType(cp) == Character.FORMAT)).as("control or format characters").isEmpty();
        assertThat(printed).contains("m\\u001b[2J\\u000d\\u009b31m\\u202egnp.exe\\u200b\\u0007: line one\n        line two ");
        assertThat(printed).contains("* j\\u001b[2J").contains("* l\\u001b[2J").contains("b\\u001b[2J");
        assertThat(printed).contains("[dm → t\\u001b[2J").contains("[dm d\\u001b[2J").contains("#r\\u001b[2J")
                .contains("#s\\u001b[2J")
                .contains("#u\\u001b[2J").contains("v\\u001b[2J").contains("#w\\u001b[2J").contains("#x\\u001b[2J")
                .contains("y\\u001b[2J").contains("#q\\u001b[2J");
    }

    @Test
    void messagesShowTheirRoomOrTheDirectionOfADirectMessage() {
        Instant ts = Instant.parse("2026-11-22T09:15:00Z");
        String time = TerminalChat.TIME.format(ts) + " ";
        printer.onLoggedIn(new LoginOk("c1", "ada", 1, "You are user number 1.", List.of("ada"), null), false);

        printer.onMessage(new Message(1, "bob", "x = 2\ny = 3", ts, null, "maths", null));
        printer.onMessage(new Message(2, "bob", "hi all", ts, null, "general", null));
        printer.onMessage(new Message(3, "bob", "psst", ts, null, null, "ada"));
        printer.onMessage(new Message(4, "ada", "hush", ts, "c9", null, "bob"));

        assertThat(output().lines()).contains(time + "#maths bob: x = 2", "        y = 3", time + "#general bob: hi all",
                time + "[dm bob] bob: psst", time + "[dm → bob] ada: hush");
    }

    @Test
    void roomEventsArePrinted() {
        Instant ts = Instant.parse("2026-11-22T09:15:00Z");
        String time = TerminalChat.TIME.format(ts) + " ";

        printer.onJoined(new Joined("bob", "maths", ts));
        printer.onLeft(new Left("bob", "maths", LeaveReason.PART, null, ts));
        printer.onLeft(new Left("carol", LeaveReason.QUIT, null, ts));
        printer.onTopicChanged(new TopicChanged("books", "Read Dune", "ada", ts));
        printer.onTopicChanged(new TopicChanged("books", "", null, ts));
        printer.onRoomJoined(new RoomState("j1", "books", "Read Dune", List.of("ada", "bob")));
        printer.onRoomLeft("maths", LeaveReason.PART);
        printer.onRoomLeft("news", LeaveReason.ROOM_CLOSED);
        printer.onAnnouncement(new Announcement("Test at 10", "maths", ts));

        assertThat(output()).contains(time + "* bob joined #maths", time + "* bob left #maths" + System.lineSeparator(),
                time + "* carol left (quit)", time + "* Topic of #books: Read Dune (set by ada)",
                time + "* Topic of #books cleared by the host", "* You are in #books (2): ada, bob",
                "* Topic of #books: Read Dune", "* You left #maths",
                "! #news was closed by the host; you are no longer in it.", time + "! #maths Test at 10");
    }

    @Test
    void serversRefusalIsEscapedInTheOneSentence() {
        String sentence = TerminalChat.describe(new ConnectionFailure(ConnectionFailure.Kind.REFUSED, ErrorCode.INVALID_NAME,
                "no " + ESC + "]0;title" + "\u0007", null), new ServerAddress("chat.lan", 8020));

        assertThat(sentence).isEqualTo("The server refused the login: no \\u001b]0;title\\u0007");
    }
}
