package org.natter.server.ui.log;

import org.natter.common.fx.Messages;
import org.natter.common.model.ServerEvent;
import org.natter.common.protocol.ProtocolLimits;
import org.natter.common.protocol.SafeText;

/** Turns a server event into the log line the operator reads. */
public final class LogFormatter {

    private final Messages messages;

    public LogFormatter(Messages messages) {
        this.messages = messages;
    }

    public LogLine format(ServerEvent event) {
        // Java 17 has no pattern switch; the chain ends in an exception so a new event kind is noticed.
        if (event instanceof ServerEvent.MessageSent e && e.message().isDirect()) {
            return line(e, LogKind.MESSAGE, "log.directMessage", e.user().name(), e.message().to());
        } else if (event instanceof ServerEvent.MessageSent e && isGeneral(e.message().room())) {
            return line(e, LogKind.MESSAGE, "log.message", e.user().name(), e.message().text());
        } else if (event instanceof ServerEvent.MessageSent e) {
            return line(e, LogKind.MESSAGE, "log.roomMessage", e.message().room(), e.user().name(), e.message().text());
        } else if (event instanceof ServerEvent.RoomRemoved e) {
            return line(e, LogKind.SERVER, "log.roomRemoved", e.name());
        } else if (event instanceof ServerEvent.RoomUpdated e) {
            return line(e, LogKind.SERVER, "log.roomUpdated", e.room().name(), e.room().members().size());
        } else if (event instanceof ServerEvent.Started e) {
            return line(e, LogKind.SERVER, "log.started", e.port());
        } else if (event instanceof ServerEvent.Stopped e) {
            return line(e, LogKind.SERVER, "log.stopped");
        } else if (event instanceof ServerEvent.HostPending e) {
            return line(e, LogKind.HOST, "log.hostPending", e.host().address());
        } else if (event instanceof ServerEvent.HostClosed e) {
            return line(e, LogKind.HOST, "log.hostClosed", e.address(), orDash(e.why()));
        } else if (event instanceof ServerEvent.UserJoined e) {
            return line(e, LogKind.JOIN, "log.userJoined", e.user().name(), e.user().address());
        } else if (event instanceof ServerEvent.UserLeft e) {
            return userLeft(e);
        } else if (event instanceof ServerEvent.Announced e) {
            return line(e, LogKind.ANNOUNCE, "log.announced", e.recipients(), e.text());
        } else if (event instanceof ServerEvent.ClientError e) {
            return line(e, LogKind.ERROR, "log.clientError", e.who(), e.message(), e.code());
        } else if (event instanceof ServerEvent.Failure e) {
            return line(e, LogKind.ERROR, "log.failure", e.message());
        }
        throw new IllegalArgumentException("Unknown server event " + event);
    }

    private LogLine userLeft(ServerEvent.UserLeft e) {
        String name = e.user().name();
        switch (e.reason()) {
            case KICKED:
                return e.detail() == null || e.detail().isBlank()
                        ? line(e, LogKind.KICK, "log.userKickedNoReason", name)
                        : line(e, LogKind.KICK, "log.userKicked", name, e.detail());
            case LOST:
                return line(e, LogKind.LEAVE, "log.userLost", name, orDash(e.detail()));
            case LOGOUT:
                return line(e, LogKind.LEAVE, "log.userLoggedOut", name);
            case SERVER_STOPPED:
                return line(e, LogKind.LEAVE, "log.userServerStopped", name);
            case ROOM_CLOSED:
            case PART:
            case QUIT:
            default:
                return line(e, LogKind.LEAVE, "log.userQuit", name);
        }
    }

    private LogLine line(ServerEvent event, LogKind kind, String key, Object... args) {
        Object[] safe = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            // Numbers stay numbers (MessageFormat groups them); text, maybe a client's, is escaped and cut short.
            safe[i] = args[i] instanceof String s ? LogViewModel.shorten(SafeText.escape(s)) : args[i];
        }
        return new LogLine(event.at(), kind, messages.get(key, safe));
    }

    private static boolean isGeneral(String room) {
        return room == null || room.equals(ProtocolLimits.GENERAL_ROOM);
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "–" : text;
    }
}
