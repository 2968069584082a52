package org.natter.server.core;

import org.natter.common.model.LeaveReason;
import org.natter.common.model.ServerEvent;

/** One line of plain text per server event, for the console and any other log a person reads. */
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
        } else if (event instanceof ServerEvent.HostPending e) {
            return "Host " + e.host().address() + " is waiting to log in (connection " + e.host().connectionId() + ").";
        } else if (event instanceof ServerEvent.HostClosed e) {
            return "Host " + e.address() + " left before logging in: " + e.why() + ".";
        } else if (event instanceof ServerEvent.UserJoined e) {
            return e.user().name() + " joined from " + e.user().address() + ".";
        } else if (event instanceof ServerEvent.UserLeft e) {
            return e.user().name() + " " + leaving(e.reason(), e.detail());
        } else if (event instanceof ServerEvent.MessageSent e) {
            return e.message().from() + ": " + preview(e.message().text());
        } else if (event instanceof ServerEvent.Announced e) {
            return "Announcement to " + e.recipients() + " users: " + preview(e.text());
        } else if (event instanceof ServerEvent.ClientError e) {
            return "Refused a request from " + e.who() + " (" + e.code() + "): " + e.message();
        } else if (event instanceof ServerEvent.Failure e) {
            return "Problem: " + e.message();
        }
        return event.toString();
    }

    private static String leaving(LeaveReason reason, String detail) {
        String suffix = detail == null || detail.isEmpty() ? "." : ": " + detail + ".";
        return switch (reason) {
            case QUIT -> "quit.";
            case LOGOUT -> "logged out.";
            case KICKED -> "was removed" + (detail == null || detail.isEmpty() ? "." : " (" + detail + ").");
            case LOST -> "lost the connection" + suffix;
            case SERVER_STOPPED -> "was disconnected because the server stopped.";
        };
    }

    private static String preview(String text) {
        String oneLine = text.replace('\n', ' ').replace('\t', ' ');
        return oneLine.length() <= PREVIEW_LENGTH ? oneLine : oneLine.substring(0, PREVIEW_LENGTH) + "…";
    }
}
