package org.natter.server.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.natter.common.model.ChatMessage;
import org.natter.common.model.ConnectedUser;
import org.natter.common.model.LeaveReason;
import org.natter.common.model.ServerEvent;
import org.junit.jupiter.api.Test;

class ServerEventTextTest {

    private static final Instant AT = Instant.parse("2026-11-22T09:15:00Z");
    private static final String FORGED = "\n12:00:00  Server stopped.";

    private static ConnectedUser user(String name) {
        return new ConnectedUser(7, name, "127.0.0.1:50000", AT, 1);
    }

    @Test
    void whatAClientChoseCannotStartALineOfItsOwn() {
        ConnectedUser mallory = user("mallory" + FORGED);
        assertThat(describe(new ServerEvent.UserJoined(AT, mallory)))
                .isEqualTo("mallory\\n12:00:00  Server stopped. joined from 127.0.0.1:50000.");
        assertThat(describe(new ServerEvent.UserLeft(AT, mallory, LeaveReason.KICKED, "spam" + FORGED)))
                .isEqualTo("mallory\\n12:00:00  Server stopped. was removed (spam\\n12:00:00  Server stopped.).");
        assertThat(describe(new ServerEvent.MessageSent(AT, mallory, new ChatMessage(1, mallory.name(), "hi" + FORGED, AT))))
                .isEqualTo("mallory\\n12:00:00  Server stopped.: hi\\n12:00:00  Server stopped.");
        assertThat(describe(new ServerEvent.ClientError(AT, 7, "127.0.0.1:50000", "UNKNOWN_TYPE",
                "Unknown frame type \"x\u001b[2J" + FORGED + "\".")))
                .isEqualTo("Refused a request from 127.0.0.1:50000 (UNKNOWN_TYPE): "
                        + "Unknown frame type \"x\\u001b[2J\\n12:00:00  Server stopped.\".");
    }

    @Test
    void bidiOverridesAndZeroWidthCharactersAreShown() {
        ConnectedUser user = user("ada");
        String text = "see \u202Efdp.exe\u202C and ad\u200Bmin";
        assertThat(describe(new ServerEvent.MessageSent(AT, user, new ChatMessage(2, "ada", text, AT))))
                .isEqualTo("ada: see \\u202efdp.exe\\u202c and ad\\u200bmin");
    }

    @Test
    void longTextIsCutBetweenCharactersThenEscaped() {
        ConnectedUser user = user("ada");
        String text = "🙂".repeat(79) + "\n" + "x".repeat(100);
        String line = describe(new ServerEvent.MessageSent(AT, user, new ChatMessage(3, "ada", text, AT)));
        assertThat(line).isEqualTo("ada: " + "🙂".repeat(79) + "\\n…");
    }

    @Test
    void emojiAndOtherScriptsAreLeftAlone() {
        ConnectedUser user = user("Zoë");
        String text = "Привет 👋🏽 مرحبا 你好";
        assertThat(describe(new ServerEvent.MessageSent(AT, user, new ChatMessage(4, "Zoë", text, AT))))
                .isEqualTo("Zoë: Привет 👋🏽 مرحبا 你好");
    }

    private static String describe(ServerEvent event) {
        return ServerEventText.describe(event);
    }
}
