package org.natter.server.ui.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.natter.common.model.PendingHost;
import org.natter.common.model.ChatMessage;
import org.natter.common.model.ConnectedUser;
import org.natter.common.model.LeaveReason;
import org.natter.common.fx.Messages;
import org.natter.common.model.ServerEvent;
import org.natter.server.ui.AdminWindow;
import org.junit.jupiter.api.Test;

class LogFormatterTest {

    private static final Instant AT = Instant.parse("2026-11-22T09:15:00Z");

    private final LogFormatter formatter = new LogFormatter(Messages.load(AdminWindow.BUNDLE));

    @Test
    void aClientCannotForgeOrDisguiseALineInTheAdminLog() {
        ConnectedUser mallory = new ConnectedUser(7, "mallory\n12:00:00 Server stopped", "127.0.0.1:50000", AT, 1);
        ChatMessage message = new ChatMessage(1, mallory.name(), "hi\u001b[2J \u202Efdp.exe", AT);

        assertThat(formatter.format(new ServerEvent.MessageSent(AT, mallory, message)).orElseThrow().text())
                .isEqualTo("mallory\\n12:00:00 Server stopped: hi\\u001b[2J \\u202efdp.exe");
        assertThat(formatter.format(new ServerEvent.UserLeft(AT, mallory, LeaveReason.LOST, "reset\r\nby peer")).orElseThrow().text())
                .doesNotContain("\n", "\r").contains("reset\\r\\nby peer");
    }

    @Test
    void aLoginIsOneLineSayingWhoJoinedFromWhere() {
        ConnectedUser ada = new ConnectedUser(3, "ada", "127.0.0.1:5000", AT, 0);

        List<LogLine> lines = formatter.format(List.of(
                new ServerEvent.HostPending(AT, new PendingHost(3, "127.0.0.1:5000", AT)),
                new ServerEvent.UserJoined(AT, ada)));

        assertThat(lines).containsExactly(new LogLine(AT, LogKind.JOIN, "ada joined from 127.0.0.1:5000"));
    }

    @Test
    void aLogoutSaysSoAndIsNotAHostConnecting() {
        ConnectedUser ada = new ConnectedUser(3, "ada", "127.0.0.1:5000", AT, 0);

        List<LogLine> lines = formatter.format(List.of(
                new ServerEvent.UserLeft(AT, ada, LeaveReason.LOGOUT, ""),
                new ServerEvent.HostPending(AT, new PendingHost(3, "127.0.0.1:5000", AT))));

        assertThat(lines).extracting(LogLine::text)
                .containsExactly("ada logged out (still connected, back at the login screen)");
    }

    @Test
    void aRefusedRequestIsACalmRefusalAndAServerProblemIsAnError() {
        LogLine refused = formatter.format(new ServerEvent.ClientError(AT, 4, "127.0.0.1:5001", "NAME_TAKEN",
                "The name ada is taken")).orElseThrow();
        LogLine failure = formatter.format(new ServerEvent.Failure(AT, "Port 8020 is already in use")).orElseThrow();

        assertThat(refused.kind()).isEqualTo(LogKind.REFUSED);
        assertThat(refused.text()).isEqualTo("Refused a request from 127.0.0.1:5001: The name ada is taken (NAME_TAKEN)");
        assertThat(failure.kind()).isEqualTo(LogKind.ERROR);
        assertThat(failure.text()).isEqualTo("Server error: Port 8020 is already in use");
    }

    @Test
    void aKickTellsTheOperatorTheReasonWentToTheUserOnly() {
        ConnectedUser bob = new ConnectedUser(3, "bob", "127.0.0.1:5000", AT, 0);

        LogLine kicked = formatter.format(new ServerEvent.UserLeft(AT, bob, LeaveReason.KICKED, "spam")).orElseThrow();

        assertThat(kicked.kind()).isEqualTo(LogKind.KICK);
        assertThat(kicked.text()).isEqualTo("bob was removed by the host (reason, shown to bob only: spam)");
    }

    @Test
    void aRunOfJoinsInOneBatchIsOneLineAndAShortRunIsNot() {
        List<ServerEvent> many = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            ConnectedUser user = new ConnectedUser(i, "user" + i, "127.0.0.1:" + (5000 + i), AT, 0);
            many.add(new ServerEvent.HostPending(AT, new PendingHost(i, user.address(), AT)));
            many.add(new ServerEvent.UserJoined(AT, user));
        }
        List<ServerEvent> few = many.subList(0, 2 * (LogFormatter.COLLAPSE_AT - 1));

        assertThat(formatter.format(many)).containsExactly(new LogLine(AT, LogKind.JOIN,
                "60 users joined: user1, user2, user3, user4, user5, user6, user7, user8 and 52 more"));
        assertThat(formatter.format(few)).hasSize(LogFormatter.COLLAPSE_AT - 1)
                .allMatch(line -> line.kind() == LogKind.JOIN);
    }

    @Test
    void aKickEndsARunOfLeaves() {
        List<ServerEvent> events = new ArrayList<>();
        for (int i = 1; i <= 6; i++) {
            ConnectedUser user = new ConnectedUser(i, "u" + i, "127.0.0.1:" + (5000 + i), AT, 0);
            events.add(new ServerEvent.UserLeft(AT, user, i == 3 ? LeaveReason.KICKED : LeaveReason.QUIT, ""));
        }

        assertThat(formatter.format(events)).extracting(LogLine::text).containsExactly(
                "u1 left", "u2 left", "u3 was removed by the host", "u4 left", "u5 left", "u6 left");
    }
}
