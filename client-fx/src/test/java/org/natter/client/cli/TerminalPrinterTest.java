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
    void everythingTheServerSendsIsPrintedEscaped() {
        Instant now = Instant.now();
        printer.onLoggedIn(new LoginOk("c1", "anna", 1, NASTY, List.of("anna", "b" + NASTY), NASTY), false);
        printer.onMessage(new Message(1, "m" + NASTY, "line one\nline two " + NASTY, now, null));
        printer.onJoined(new Joined("j" + NASTY, now));
        printer.onLeft(new Left("l" + NASTY, LeaveReason.KICKED, NASTY, now));
        printer.onAnnouncement(new Announcement(NASTY, now));
        printer.onError(new ErrorReply(null, ErrorCode.BAD_JSON, NASTY));
        printer.onKicked(NASTY);
        printer.onConnectionLost(NASTY);
        printer.onDisconnected(DisconnectReason.KICKED, NASTY);

        String printed = output();
        String withoutLineBreaks = printed.replace(System.lineSeparator(), "").replace("\n", "");
        assertThat(withoutLineBreaks.codePoints().filter(cp -> Character.isISOControl(cp)
                || Character.getType(cp) == Character.FORMAT)).as("control or format characters").isEmpty();
        assertThat(printed).contains("<m\\u001b[2J\\u000d\\u009b31m\\u202egnp.exe\\u200b\\u0007> line one\n        line two ");
        assertThat(printed).contains("* j\\u001b[2J").contains("* l\\u001b[2J").contains("b\\u001b[2J");
    }

    @Test
    void serversRefusalIsEscapedInTheOneSentence() {
        String sentence = TerminalChat.describe(new ConnectionFailure(ConnectionFailure.Kind.REFUSED, ErrorCode.INVALID_NAME,
                "no " + ESC + "]0;title" + "\u0007", null), new ServerAddress("chat.lan", 8020));

        assertThat(sentence).isEqualTo("The server refused the login: no \\u001b]0;title\\u0007");
    }
}
