package org.natter.server.ui.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
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

        assertThat(formatter.format(new ServerEvent.MessageSent(AT, mallory, message)).text())
                .isEqualTo("mallory\\n12:00:00 Server stopped: hi\\u001b[2J \\u202efdp.exe");
        assertThat(formatter.format(new ServerEvent.UserLeft(AT, mallory, LeaveReason.LOST, "reset\r\nby peer")).text())
                .doesNotContain("\n", "\r").contains("reset\\r\\nby peer");
    }
}
