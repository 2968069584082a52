package org.natter.client.ui.chat;

import org.natter.client.ui.I18n;
import org.natter.common.model.LeaveReason;
import org.natter.common.protocol.Left;

/** The sentence shown in the chat when someone leaves for a reason worth its own line. */
final class LeaveTexts {

    private LeaveTexts() {
    }

    /** Whether the leave is an ordinary coming and going, told in a collapsed {@link Presence} line. */
    static boolean ordinary(Left left) {
        return left.reason() != LeaveReason.KICKED && left.reason() != LeaveReason.SERVER_STOPPED;
    }

    static String describe(Left left) {
        LeaveReason reason = left.reason();
        String detail = left.detail() == null ? "" : left.detail().strip();
        if (reason == null) {
            return I18n.text("event.left", left.name());
        }
        return switch (reason) {
            case LOGOUT -> I18n.text("event.left.logout", left.name());
            // The server tells only the removed user why; an older server told everybody.
            case KICKED -> detail.isEmpty() ? I18n.text("event.left.kickedNoReason", left.name())
                    : I18n.text("event.left.kicked", left.name(), detail);
            case LOST -> I18n.text("event.left.lost", left.name());
            case SERVER_STOPPED -> I18n.text("event.left.stopped");
            case QUIT, PART -> I18n.text("event.left", left.name());
            case ROOM_CLOSED -> I18n.text("event.left.roomClosed", left.room());
        };
    }
}
