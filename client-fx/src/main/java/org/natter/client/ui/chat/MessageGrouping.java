package org.natter.client.ui.chat;

import java.time.Duration;
import org.natter.common.protocol.Names;

/**
 * Whether a message continues the one before it: the same sender, within a few minutes, nothing in between. A
 * continued message is shown without the sender's name and time, under the first one (as Slack and Element do).
 */
final class MessageGrouping {

    static final Duration WINDOW = Duration.ofMinutes(5);

    private MessageGrouping() {
    }

    static boolean continues(ChatEntry previous, ChatEntry entry) {
        if (previous == null || entry == null || !previous.isMessage() || previous.kind() != entry.kind()) {
            return false;
        }
        Duration gap = Duration.between(previous.ts(), entry.ts());
        return Names.key(previous.from()).equals(Names.key(entry.from())) && !gap.isNegative() && gap.compareTo(WINDOW) < 0;
    }
}
