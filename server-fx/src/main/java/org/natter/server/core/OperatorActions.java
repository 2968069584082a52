package org.natter.server.core;

import java.time.Duration;
import java.time.Instant;
import org.natter.common.model.LeaveReason;
import org.natter.common.model.ServerEvent;
import org.natter.common.protocol.ErrorCode;
import org.natter.common.protocol.ErrorReply;
import org.natter.common.protocol.Kicked;
import org.natter.common.protocol.Names;
import org.natter.server.core.moderation.AddressRange;
import org.natter.server.core.moderation.Sanction;

/**
 * What the operator does to users: kick, drop a pending host, ban (and remove whoever the ban matches), and the
 * events that tell the log. Called from the operator's thread; the changes to the chat run on its sequencer.
 */
final class OperatorActions {

    private OperatorActions() {
    }

    /** @param current the running registry, or null when stopped */
    static boolean kick(SessionRegistry current, String name, String why) {
        if (current == null) {
            return false;
        }
        return current.callInSequence(() -> {
            Session session = current.user(name);
            if (session == null || !current.leave(session, LeaveReason.KICKED, why)) {
                return false;
            }
            session.sendAndCloseInOrder(new Kicked(why), "kicked");
            return true;
        });
    }

    static boolean dropPending(SessionRegistry current, long connectionId) {
        if (current == null) {
            return false;
        }
        return current.callInSequence(() -> {
            Session session = current.session(connectionId);
            if (session == null || session.phase() != Session.Phase.PENDING) {
                return false;
            }
            session.close("dropped by the operator");
            return true;
        });
    }

    /** Lets a waiting login in; false when nobody waits under that name. */
    static boolean admit(SessionRegistry current, ServerEvents events, String name) {
        if (current == null) {
            return false;
        }
        return current.callInSequence(() -> {
            WaitingRoom.Held login = current.waitingRoom().take(name);
            if (login == null) {
                return false;
            }
            events.publish(new ServerEvent.Moderated(Instant.now(), "admit", login.name(), "", ""));
            current.waitingRoom().letIn(login, current);
            return true;
        });
    }

    /**
     * Turns a waiting login away: the client gets FORBIDDEN (BANNED with the sentence of {@code ban}, when the
     * operator banned the name too) and the connection closes. False when nobody waits under that name.
     */
    static boolean refuse(SessionRegistry current, ServerEvents events, String name, String reason, Sanction ban) {
        if (current == null) {
            return false;
        }
        return current.callInSequence(() -> {
            WaitingRoom.Held login = current.waitingRoom().take(name);
            if (login == null) {
                return false;
            }
            events.publish(new ServerEvent.Moderated(Instant.now(), "refuse", login.name(), "", reason));
            ErrorReply reply = ban != null
                    ? new ErrorReply(login.requestId(), ErrorCode.BANNED, ban.sentence("The host did not let you in, and the name "
                            + login.name() + " is banned"))
                    : new ErrorReply(login.requestId(), ErrorCode.FORBIDDEN, "The host did not let you in."
                            + (reason.isEmpty() ? "" : " " + reason));
            login.session().sendAndCloseInOrder(reply, "refused by the host");
            return true;
        });
    }

    static Sanction ban(Moderation moderation, ServerEvents events, SessionRegistry current, String target,
                        Duration duration, String reason) {
        Sanction ban = published(events, "ban", moderation.ban(target, duration, reason));
        if (current != null) {
            current.callInSequence(() -> {
                enforce(current, ban);
                return null;
            });
        }
        return ban;
    }

    static Sanction published(ServerEvents events, String action, Sanction sanction) {
        events.publish(new ServerEvent.Moderated(Instant.now(), action, sanction.target(), sanction.untilText(),
                sanction.reason()));
        return sanction;
    }

    static boolean lifted(ServerEvents events, String action, String target, boolean lifted) {
        if (lifted) {
            events.publish(new ServerEvent.Moderated(Instant.now(), action, target, "", ""));
        }
        return lifted;
    }

    /** Removes whoever a new ban matches now: users are kicked with its sentence, pending hosts closed. Sequencer only. */
    private static void enforce(SessionRegistry registry, Sanction ban) {
        for (Session session : registry.openSessions()) {
            boolean matches = ban.kind() == Sanction.Kind.ADDRESS_BAN
                    ? session.inetAddress() != null && AddressRange.parse(ban.target())
                            .map(r -> r.contains(session.inetAddress())).orElse(false)
                    : Names.key(ban.target()).equals(Names.key(session.isUser() ? session.name()
                            : session.heldName() == null ? "" : session.heldName()));
            if (!matches) {
                continue;
            }
            String sentence = ban.sentence(ban.kind() == Sanction.Kind.ADDRESS_BAN ? "Your address is banned"
                    : "You are banned");
            if (session.isUser() && registry.leave(session, LeaveReason.KICKED, sentence)) {
                session.sendAndCloseInOrder(new Kicked(sentence), "banned");
            } else if (!session.isClosing()) {
                WaitingRoom.Held login = registry.waitingRoom().remove(session);
                session.sendAndCloseInOrder(new ErrorReply(login == null ? null : login.requestId(), ErrorCode.BANNED,
                        sentence), "banned");
            }
        }
    }
}
