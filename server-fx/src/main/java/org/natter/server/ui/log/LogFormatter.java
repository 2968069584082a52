package org.natter.server.ui.log;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.natter.common.fx.Messages;
import org.natter.common.model.LeaveReason;
import org.natter.common.model.ServerEvent;
import org.natter.common.protocol.ProtocolLimits;
import org.natter.common.protocol.SafeText;

/**
 * Turns server events into the log lines the operator reads: one line per thing that happened. A connection that
 * logs in is one line ("ada joined from ..."), not a "host connected" line and then a "joined" one; a run of
 * joins or of leaves for the same reason within one batch becomes one line.
 */
public final class LogFormatter {

    /** A run of at least this many joins (or leaves) in one batch is written as one line. */
    static final int COLLAPSE_AT = 5;
    /** How many names a collapsed line lists before "and N more". */
    static final int NAMES_SHOWN = 8;

    private final Messages messages;

    public LogFormatter(Messages messages) {
        this.messages = messages;
    }

    /** The lines for one batch of events, in order, with runs of joins and leaves collapsed. */
    public List<LogLine> format(List<ServerEvent> batch) {
        List<LogLine> lines = new ArrayList<>(batch.size());
        List<ServerEvent> run = new ArrayList<>();
        for (ServerEvent event : batch) {
            if (event instanceof ServerEvent.HostPending e && !e.host().isWaiting()) {
                continue; // The pending table shows it; the log tells what the connection then does.
            }
            if (!run.isEmpty() && !sameRun(run.get(0), event)) {
                flush(run, lines);
            }
            if (runKey(event) != null) {
                run.add(event);
            } else {
                format(event).ifPresent(lines::add);
            }
        }
        flush(run, lines);
        return lines;
    }

    /** The line for one event; empty for an event the log does not show on its own (a host waiting to log in). */
    public Optional<LogLine> format(ServerEvent event) {
        // Java 17 has no pattern switch; the chain ends in an exception so a new event kind is noticed.
        if (event instanceof ServerEvent.MessageSent e && e.message().isDirect()) {
            return line(e, LogKind.MESSAGE, "log.directMessage", e.user().name(), e.message().to());
        } else if (event instanceof ServerEvent.MessageSent e && isGeneral(e.message().room())) {
            return line(e, LogKind.MESSAGE, "log.message", e.user().name(), e.message().text());
        } else if (event instanceof ServerEvent.MessageSent e) {
            return line(e, LogKind.MESSAGE, "log.roomMessage", e.message().room(), e.user().name(), e.message().text());
        } else if (event instanceof ServerEvent.Moderated e) {
            return line(e, LogKind.KICK, "log.moderated." + e.action(), e.target(), e.until(), orDash(e.reason()));
        } else if (event instanceof ServerEvent.RoomRemoved e) {
            return line(e, LogKind.SERVER, "log.roomRemoved", e.name());
        } else if (event instanceof ServerEvent.RoomUpdated) {
            return Optional.empty(); // Every join changes a room: that is for a rooms view, not the log.
        } else if (event instanceof ServerEvent.Started e) {
            return line(e, LogKind.SERVER, "log.started", e.port());
        } else if (event instanceof ServerEvent.Stopped e) {
            return line(e, LogKind.SERVER, "log.stopped");
        } else if (event instanceof ServerEvent.HostPending e && e.host().isWaiting()) {
            return line(e, LogKind.HOST, "log.waiting", e.host().waitingName(), e.host().address());
        } else if (event instanceof ServerEvent.HostPending) {
            return Optional.empty();
        } else if (event instanceof ServerEvent.HostClosed e) {
            return line(e, LogKind.HOST, "log.hostClosed", e.address(), orDash(e.why()));
        } else if (event instanceof ServerEvent.UserJoined e) {
            return line(e, LogKind.JOIN, "log.userJoined", e.user().name(), e.user().address());
        } else if (event instanceof ServerEvent.UserLeft e) {
            return userLeft(e);
        } else if (event instanceof ServerEvent.Announced e) {
            return line(e, LogKind.ANNOUNCE, "log.announced", e.recipients(), e.text());
        } else if (event instanceof ServerEvent.ClientError e) {
            return line(e, LogKind.REFUSED, "log.clientError", e.who(), e.message(), e.code());
        } else if (event instanceof ServerEvent.Failure e) {
            return line(e, LogKind.ERROR, "log.failure", e.message());
        }
        throw new IllegalArgumentException("Unknown server event " + event);
    }

    private Optional<LogLine> userLeft(ServerEvent.UserLeft e) {
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

    /** "joined", or the leave reason for a leave that may be collapsed; null for anything else (kicks stay single). */
    private static String runKey(ServerEvent event) {
        if (event instanceof ServerEvent.UserJoined) {
            return "joined";
        }
        if (event instanceof ServerEvent.UserLeft e && e.reason() != LeaveReason.KICKED) {
            return e.reason().name();
        }
        return null;
    }

    private static boolean sameRun(ServerEvent first, ServerEvent next) {
        String key = runKey(first);
        return key != null && key.equals(runKey(next));
    }

    private void flush(List<ServerEvent> run, List<LogLine> lines) {
        if (run.size() < COLLAPSE_AT) {
            run.forEach(event -> format(event).ifPresent(lines::add));
        } else {
            ServerEvent first = run.get(0);
            List<String> names = new ArrayList<>();
            int shown = Math.min(NAMES_SHOWN, run.size());
            for (ServerEvent event : run.subList(0, shown)) {
                names.add(event instanceof ServerEvent.UserJoined j ? j.user().name()
                        : ((ServerEvent.UserLeft) event).user().name());
            }
            LogKind kind = first instanceof ServerEvent.UserJoined ? LogKind.JOIN : LogKind.LEAVE;
            line(first, kind, "log.many." + runKey(first), run.size(), String.join(", ", names),
                    run.size() - shown).ifPresent(lines::add);
        }
        run.clear();
    }

    private Optional<LogLine> line(ServerEvent event, LogKind kind, String key, Object... args) {
        Object[] safe = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            // Numbers stay numbers (MessageFormat groups them); text, maybe a client's, is escaped and cut short.
            safe[i] = args[i] instanceof String s ? LogViewModel.shorten(SafeText.escape(s)) : args[i];
        }
        return Optional.of(new LogLine(event.at(), kind, messages.get(key, safe)));
    }

    private static boolean isGeneral(String room) {
        return room == null || room.equals(ProtocolLimits.GENERAL_ROOM);
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "–" : text;
    }
}
