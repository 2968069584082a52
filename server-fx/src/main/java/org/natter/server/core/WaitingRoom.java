package org.natter.server.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.natter.common.model.ServerEvent;
import org.natter.common.protocol.ErrorReply;
import org.natter.common.protocol.Names;
import org.natter.common.protocol.Waiting;

/**
 * The logins that wait for the operator while the server admits new users by hand: each one's name is kept for
 * its connection (nobody else may log in with it) until the operator admits or refuses it, or it goes away.
 *
 * <p>Threads: the sequencer's alone (the registry calls it from inside its sequence); the names the admin
 * window shows travel as {@link org.natter.common.model.PendingHost#waitingName()} in events.
 */
final class WaitingRoom {

    /** A held {@code login}: what is needed to finish it later. */
    record Held(Session session, String name, int protocolVersion, String requestId) {
    }

    /** What a person waiting is told; the chat window and the terminal client show their own words. */
    static final String WAITING_TEXT = "Waiting for the host to let you in.";

    /** By name key, in the order they came. */
    private final Map<String, Held> held = new LinkedHashMap<>();
    private final ServerEvents events;

    WaitingRoom(ServerEvents events) {
        this.events = events;
    }

    /** True when someone waits under this name key (the name is taken for everyone else). */
    boolean holds(String key) {
        return held.containsKey(key);
    }

    /** Keeps a login for the operator: no login deadline while it waits; the client and the log are told. */
    void hold(Held login) {
        Session session = login.session();
        session.cancelLoginDeadline();
        held.put(Names.key(login.name()), login);
        session.holdAs(login.name());
        session.sendInOrder(new Waiting(login.requestId(), login.name(), WAITING_TEXT));
        events.publish(new ServerEvent.HostPending(SessionRegistry.now(), session.asPending()));
    }

    /**
     * Finishes a login the operator let in. Every check runs again, since a ban or a full server may have come while
     * it waited; a refusal then ends the connection, as the operator's refusal would.
     */
    void letIn(Held login, SessionRegistry registry) {
        Session session = login.session();
        if (session.isClosing()) {
            return;
        }
        ErrorReply refusal = registry.admit(session, login.name(), login.protocolVersion(), login.requestId(), true);
        if (refusal != null) {
            session.sendAndCloseInOrder(refusal, "not let in: " + refusal.message());
            events.publish(new ServerEvent.ClientError(SessionRegistry.now(), session.id(), session.who(),
                    refusal.code().name(), refusal.message()));
        }
    }

    /** The client withdrew its waiting login ({@code logout}): it is a plain pending host again. */
    boolean withdraw(Session session) {
        if (remove(session) == null) {
            return false;
        }
        events.publish(new ServerEvent.HostPending(SessionRegistry.now(), session.asPending()));
        return true;
    }

    /** Takes the login waiting under {@code name} out of the room; null when nobody waits under it. */
    Held take(String name) {
        Held login = name == null ? null : held.remove(Names.key(Names.normalize(name)));
        if (login != null) {
            login.session().holdAs(null);
        }
        return login;
    }

    /** Takes this connection's login out of the room (it closed or withdrew); null when it was not waiting. */
    Held remove(Session session) {
        String name = session.heldName();
        Held login = name == null ? null : held.get(Names.key(name));
        if (login == null || login.session() != session) {
            return null;
        }
        return take(name);
    }

    List<Held> all() {
        return new ArrayList<>(held.values());
    }

    void clear() {
        held.clear();
    }
}
