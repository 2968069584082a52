package org.natter.client.net;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.natter.client.net.ConnectionFailure.Kind;
import org.natter.client.net.ConnectionPhase.Closed;
import org.natter.client.net.ConnectionPhase.Connected;
import org.natter.client.net.ConnectionPhase.Ended;
import org.natter.client.net.ConnectionPhase.Ending;
import org.natter.client.net.ConnectionPhase.Establishing;
import org.natter.client.net.ConnectionPhase.Idle;
import org.natter.client.net.ConnectionPhase.LoggedIn;
import org.natter.client.net.ConnectionPhase.LoggingOut;
import org.natter.client.net.ConnectionPhase.Reconnecting;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.Welcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every transition between the {@link ConnectionPhase}s of one connection, in one place. It does no I/O and starts
 * no thread: the {@link ChatConnection} facade acts on what a transition returns (a link to close, a retry to
 * schedule).
 *
 * <p><b>Threads:</b> the phase, the current {@link Link}, the name, the address and the welcome are guarded by this
 * object's lock. Transitions are called from callers' threads (connect, logout, quit, close), from the connector
 * thread (attempts) and from reader threads (frames, a link's end). A transition only enqueues events on the
 * {@link ListenerDispatch} while holding the lock, so the listeners see them in the order of the transitions, on
 * the event thread, and never under the lock.
 */
final class ConnectionLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionLifecycle.class);

    private final Object lock = new Object();
    private final ListenerDispatch events;
    private final Roster roster;
    private final OpenRooms rooms;
    private final ReconnectPolicy policy;

    private ConnectionPhase phase = new Idle();
    /** The socket of the current phase, if one is open. */
    private Link link;
    private ServerAddress address;
    private String name;
    private Welcome welcome;
    /** The link whose login waits for the server's operator, if any. */
    private Link waitingOn;

    ConnectionLifecycle(ListenerDispatch events, Roster roster, OpenRooms rooms, ReconnectPolicy policy) {
        this.events = Objects.requireNonNull(events, "events");
        this.roster = Objects.requireNonNull(roster, "roster");
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.policy = Objects.requireNonNull(policy, "policy");
    }

    ConnectionPhase phase() {
        synchronized (lock) {
            return phase;
        }
    }

    ConnectionState state() {
        return phase().state();
    }

    ServerAddress address() {
        synchronized (lock) {
            return address;
        }
    }

    String name() {
        synchronized (lock) {
            return name;
        }
    }

    Welcome welcome() {
        synchronized (lock) {
            return welcome;
        }
    }

    /** The link to send on while logged in, otherwise {@code null}. */
    Link loggedInLink() {
        synchronized (lock) {
            return phase instanceof LoggedIn ? link : null;
        }
    }

    // ---- a first connect (caller, then connector) ----

    /** Caller: starts a first connect; only from Idle or Ended. */
    void beginConnect(ServerAddress server, String userName) throws ConnectionFailure {
        synchronized (lock) {
            if (phase instanceof Closed) {
                throw new ConnectionFailure(Kind.CLOSED, "The connection is closed.");
            }
            if (!(phase instanceof Idle || phase instanceof Ended)) {
                throw new IllegalStateException("Already " + phase.state());
            }
            address = server;
            name = userName;
            forgetSession();
            moveTo(new Establishing(server, userName, false));
        }
    }

    /** Connector: a socket opened for the running attempt; false (close it) when the attempt is no longer wanted. */
    boolean linkOpened(Link opened) {
        synchronized (lock) {
            if (!(phase instanceof Establishing || phase instanceof Reconnecting)) {
                return false;
            }
            link = opened;
            return true;
        }
    }

    /** Connector: the server greeted on {@code from}. */
    void greeted(Link from, Welcome greeting) {
        synchronized (lock) {
            if (from != link) {
                return;
            }
            welcome = greeting;
            if (phase instanceof Establishing e && !e.greeted()) {
                moveTo(new Establishing(e.address(), e.name(), true));
            }
        }
    }

    /**
     * Connector: the first connect failed and its socket, if any, is closed; back to Idle if still trying. (After a
     * quit the phase is Ending, and the closing socket's end finishes it.)
     */
    void connectFailed() {
        synchronized (lock) {
            if (phase instanceof Establishing) {
                link = null;
                moveTo(new Idle());
            }
        }
    }

    // ---- reconnecting (connector) ----

    /** Connector: the phase to reconnect in when attempt {@code attempt} is still wanted, otherwise empty. */
    Optional<Reconnecting> beginAttempt(int attempt) {
        synchronized (lock) {
            return phase instanceof Reconnecting r && r.attempt() == attempt && link == null
                    ? Optional.of(r) : Optional.empty();
        }
    }

    /** Any thread: the attempt a reconnection is waiting to make, when no attempt is under way. */
    OptionalInt waitingAttempt() {
        synchronized (lock) {
            return phase instanceof Reconnecting r && link == null ? OptionalInt.of(r.attempt()) : OptionalInt.empty();
        }
    }

    /**
     * Connector: a reconnection attempt failed and its socket, if any, is closed; the next attempt to schedule, or
     * empty when the session ended.
     */
    Optional<ReconnectPolicy.Retry> attemptFailed(ConnectionFailure failure) {
        synchronized (lock) {
            if (!(phase instanceof Reconnecting r)) {
                return Optional.empty();
            }
            link = null;
            LOG.info("Reconnection attempt {} to {} failed: {}", r.attempt(), r.address(), failure.getMessage());
            ReconnectPolicy.Decision decision = policy.afterFailure(r.attempt(), r.droppedAtNanos(), failure);
            if (decision instanceof ReconnectPolicy.Retry retry) {
                moveTo(new Reconnecting(r.address(), r.name(), retry.attempt(), r.droppedAtNanos(), retry.delay()));
                events.dispatch(listener -> listener.onReconnecting(retry.attempt(), retry.delay()));
                return Optional.of(retry);
            }
            ReconnectPolicy.GiveUp giveUp = (ReconnectPolicy.GiveUp) decision;
            end(giveUp.reason(), giveUp.detail());
            return Optional.empty();
        }
    }

    // ---- frames (reader thread of the link) ----

    /** The login on {@code from} was accepted; false when that link is not the current attempt's. */
    boolean loggedIn(Link from, LoginOk ok) {
        boolean again;
        synchronized (lock) {
            if (from != link || !(phase instanceof Establishing || phase instanceof Reconnecting)) {
                return false;
            }
            again = phase instanceof Reconnecting;
            name = ok.name();
            moveTo(new LoggedIn(address, ok.name()));
            List<String> users = roster.replace(ok.users());
            rooms.loggedIn(ok.rooms(), again);
            List<OpenRoom> open = rooms.snapshot();
            events.dispatch(listener -> listener.onLoggedIn(ok, again));
            events.dispatch(listener -> listener.onUsersChanged(users));
            events.dispatch(listener -> listener.onRoomsChanged(open));
        }
        return true;
    }

    /** The login on {@code from} waits for the server's operator; false when that link is not the current attempt's. */
    boolean waiting(Link from) {
        synchronized (lock) {
            if (from != link || !(phase instanceof Establishing || phase instanceof Reconnecting)) {
                return false;
            }
            waitingOn = from;
            return true;
        }
    }

    /** True while the login on {@code on} waits for the server's operator (then it has no time limit). */
    boolean isWaiting(Link on) {
        synchronized (lock) {
            return on == link && on == waitingOn && (phase instanceof Establishing || phase instanceof Reconnecting);
        }
    }

    /** The server confirmed a logout on {@code from}. */
    void loggedOut(Link from) {
        synchronized (lock) {
            if (from != link || !(phase instanceof LoggedIn || phase instanceof LoggingOut)) {
                return;
            }
            moveTo(new Connected(address, name));
            forgetSession();
            events.dispatch(listener -> listener.onUsersChanged(List.of()));
            events.dispatch(listener -> listener.onRoomsChanged(List.of()));
        }
    }

    /** An administrator removed this user; the session ends when the server closes the socket. */
    void kicked(Link from, String reason) {
        String detail = reason == null ? "" : reason;
        synchronized (lock) {
            if (from == link && (phase instanceof LoggedIn || phase instanceof LoggingOut || phase instanceof Connected)) {
                moveTo(new Ending(DisconnectReason.KICKED, detail, phase.state()));
            }
            events.dispatch(listener -> listener.onKicked(reason));
        }
    }

    /** The link's reader ended; when a logged-in session dropped, the first retry to schedule. */
    Optional<ReconnectPolicy.Retry> linkEnded(Link ended, String cause) {
        synchronized (lock) {
            if (ended != link) {
                return Optional.empty();
            }
            link = null;
            if (phase instanceof LoggedIn in) {
                LOG.info("Connection to {} lost ({}); reconnecting", in.address(), cause);
                ReconnectPolicy.Retry retry = policy.afterDrop();
                moveTo(new Reconnecting(in.address(), in.name(), retry.attempt(), policy.now(), retry.delay()));
                roster.clear();
                // The rooms are remembered, to be joined again after the login that follows.
                rooms.dropped();
                events.dispatch(listener -> listener.onConnectionLost(cause));
                events.dispatch(listener -> listener.onUsersChanged(List.of()));
                events.dispatch(listener -> listener.onRoomsChanged(List.of()));
                events.dispatch(listener -> listener.onReconnecting(retry.attempt(), retry.delay()));
                return Optional.of(retry);
            }
            if (phase instanceof Ending ending) {
                end(ending.reason(), ending.detail());
            } else if (phase instanceof LoggingOut || phase instanceof Connected) {
                end(DisconnectReason.LOST, cause);
            }
            // Establishing and Reconnecting: the connector sees the failure of its attempt and handles it.
            return Optional.empty();
        }
    }

    // ---- the user's commands (callers' threads) ----

    /**
     * Logging out: the link to send the logout on. While reconnecting it stops the attempts instead and returns
     * null; {@link #quit} then closes an attempt's socket if one is open.
     */
    Link logoutRequested() throws ConnectionFailure {
        synchronized (lock) {
            if (phase instanceof Reconnecting) {
                stop();
                return null;
            }
            if (!(phase instanceof LoggedIn in) || link == null) {
                throw new ConnectionFailure(Kind.NOT_LOGGED_IN, "Not logged in.");
            }
            moveTo(new LoggingOut(in.address(), in.name()));
            return link;
        }
    }

    /**
     * Quitting: the session ends now when no socket is open, otherwise when the returned link (to say {@code quit}
     * on and close) has ended.
     */
    Link quit() {
        synchronized (lock) {
            return stop();
        }
    }

    /** Closing for good: the link still open, if any, to close. */
    Link close() {
        synchronized (lock) {
            Link open = link;
            link = null;
            forgetSession();
            moveTo(new Closed());
            return open;
        }
    }

    // ---- with the lock held ----

    private Link stop() {
        if (phase instanceof Idle || phase instanceof Ended || phase instanceof Closed) {
            return null;
        }
        if (link == null) {
            end(DisconnectReason.QUIT, "");
            return null;
        }
        if (!(phase instanceof Ending)) {
            moveTo(new Ending(DisconnectReason.QUIT, "", phase.state()));
        }
        return link;
    }

    private void end(DisconnectReason reason, String detail) {
        forgetSession();
        moveTo(new Ended(reason, detail));
        events.dispatch(listener -> listener.onDisconnected(reason, detail));
    }

    private void forgetSession() {
        roster.clear();
        rooms.forget();
    }

    private void moveTo(ConnectionPhase next) {
        ConnectionState before = phase.state();
        phase = next;
        ConnectionState after = next.state();
        if (after != before) {
            events.dispatch(listener -> listener.onStateChanged(after));
        }
    }
}
