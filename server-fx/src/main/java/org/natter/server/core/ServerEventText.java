package org.natter.server.core;

import org.natter.common.model.LeaveReason;
import org.natter.common.model.ServerEvent;
import org.natter.common.protocol.ProtocolLimits;
import org.natter.common.protocol.SafeText;

/**
 * One line of plain text per server event, for the console and any other log a person reads. Every text in an
 * event may have come from a client (a name, a frame type in an error, a reason, a message), so each is passed
 * through {@link SafeText#escape}: a client cannot start a line of its own or disguise one.
 */
public final class ServerEventText {

    /** Chat text in the operator's log is cut to this many characters; the users see it whole. */
    private static final int PREVIEW_LENGTH = 80;

    private ServerEventText() {
    }

    public static String describe(ServerEvent event) {
        if (event instanceof ServerEvent.Started e) {
            return "Server started on port " + e.port() + ".";
        } else if (event instanceof ServerEvent.Stopped) {
            return "Server stopped.";
        } else if (event instanceof ServerEvent.HostPending e && e.host().isWaiting()) {
            return safe(e.host().waitingName()) + " (" + safe(e.host().address()) + ") is waiting to be let in: type 'admit "
                    + safe(e.host().waitingName()) + "' or 'refuse " + safe(e.host().waitingName()) + " [REASON]'.";
        } else if (event instanceof ServerEvent.HostPending e) {
            return "Host " + safe(e.host().address()) + " is waiting to log in (connection " + e.host().connectionId() + ").";
        } else if (event instanceof ServerEvent.HostClosed e) {
            return "Host " + safe(e.address()) + " left before logging in: " + safe(e.why()) + ".";
        } else if (event instanceof ServerEvent.UserJoined e) {
            return safe(e.user().name()) + " joined from " + safe(e.user().address()) + ".";
        } else if (event instanceof ServerEvent.UserLeft e) {
            return safe(e.user().name()) + " " + leaving(e.reason(), safe(e.detail()));
        } else if (event instanceof ServerEvent.MessageSent e) {
            if (e.message().isDirect()) {
                return safe(e.message().from()) + " sent a direct message to " + safe(e.message().to()) + ".";
            }
            String room = e.message().room();
            String where = room == null || room.equals(ProtocolLimits.GENERAL_ROOM) ? "" : "#" + safe(room) + " ";
            return where + safe(e.message().from()) + ": " + preview(e.message().text());
        } else if (event instanceof ServerEvent.Announced e) {
            return "Announcement to " + e.recipients() + " users: " + preview(e.text());
        } else if (event instanceof ServerEvent.ClientError e) {
            return "Refused a request from " + safe(e.who()) + " (" + safe(e.code()) + "): " + safe(e.message());
        } else if (event instanceof ServerEvent.Failure e) {
            return "Problem: " + safe(e.message());
        } else if (event instanceof ServerEvent.RoomUpdated e) {
            return "#" + safe(e.room().name()) + ": " + e.room().members().size() + " members"
                    + (e.room().topic().isEmpty() ? "." : ", topic \"" + preview(e.room().topic()) + "\".");
        } else if (event instanceof ServerEvent.Moderated e) {
            return "The host " + switch (e.action()) {
                case "ban" -> "banned " + safe(e.target()) + " " + e.until();
                case "mute" -> "muted " + safe(e.target()) + " " + e.until();
                case "unban" -> "lifted the ban on " + safe(e.target());
                case "admit" -> "let " + safe(e.target()) + " in";
                case "refuse" -> "turned " + safe(e.target()) + " away";
                default -> "let " + safe(e.target()) + " write again";
            } + (e.reason().isEmpty() ? "." : ": " + safe(e.reason()) + ".");
        } else if (event instanceof ServerEvent.RoomRemoved e) {
            return "Room #" + safe(e.name()) + " was removed.";
        }
        return safe(event.toString());
    }

    private static String leaving(LeaveReason reason, String detail) {
        String suffix = detail == null || detail.isEmpty() ? "." : ": " + detail + ".";
        return switch (reason) {
            case QUIT -> "quit.";
            case LOGOUT -> "logged out.";
            case KICKED -> "was removed" + (detail == null || detail.isEmpty() ? "." : " (" + detail + ").");
            case LOST -> "lost the connection" + suffix;
            case SERVER_STOPPED -> "was disconnected because the server stopped.";
            case PART -> "left a room.";
            case ROOM_CLOSED -> "was taken out of a closed room.";
        };
    }

    /** The start of a long text, cut between characters (never inside an emoji's surrogate pair), then escaped. */
    private static String preview(String text) {
        if (text.codePointCount(0, text.length()) <= PREVIEW_LENGTH) {
            return safe(text);
        }
        return safe(text.substring(0, text.offsetByCodePoints(0, PREVIEW_LENGTH))) + "…";
    }

    private static String safe(String text) {
        return SafeText.escape(text);
    }
}
