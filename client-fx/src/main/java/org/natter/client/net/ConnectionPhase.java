package org.natter.client.net;

import java.time.Duration;
import java.util.Objects;

/**
 * Where a {@link ChatConnection} is in its life, as immutable values; {@link ConnectionLifecycle} moves from one to
 * the next, and nothing else does. Each phase knows the {@link ConnectionState} it shows to the user interface.
 *
 * <pre>
 *  Idle/Ended --connect--> Establishing --login ok--> LoggedIn --drop--> Reconnecting --login ok--> LoggedIn
 *  Establishing --fails--> Idle          LoggedIn --logout--> LoggingOut --logged out--> Connected
 *  LoggedIn/LoggingOut/Connected --kick or quit--> Ending --socket ends--> Ended
 *  Reconnecting --policy gives up, quit--> Ended          any --close--> Closed
 * </pre>
 */
sealed interface ConnectionPhase {

    ConnectionState state();

    /** Never connected, or the last connect failed; {@code connect} may be called. */
    record Idle() implements ConnectionPhase {
        @Override
        public ConnectionState state() {
            return ConnectionState.DISCONNECTED;
        }
    }

    /** A first connect and login is under way on the connector; {@code greeted} once the welcome came. */
    record Establishing(ServerAddress address, String name, boolean greeted) implements ConnectionPhase {
        public Establishing {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(name, "name");
        }

        @Override
        public ConnectionState state() {
            return greeted ? ConnectionState.CONNECTED : ConnectionState.CONNECTING;
        }
    }

    /** Logged in under {@code name}; a dropped socket leads to {@link Reconnecting}. */
    record LoggedIn(ServerAddress address, String name) implements ConnectionPhase {
        @Override
        public ConnectionState state() {
            return ConnectionState.LOGGED_IN;
        }
    }

    /** The user asked to log out; the answer is on its way, and a dropped socket is not reconnected. */
    record LoggingOut(ServerAddress address, String name) implements ConnectionPhase {
        @Override
        public ConnectionState state() {
            return ConnectionState.LOGGED_IN;
        }
    }

    /** Logged out with the socket still open (until {@code quit}). */
    record Connected(ServerAddress address, String name) implements ConnectionPhase {
        @Override
        public ConnectionState state() {
            return ConnectionState.CONNECTED;
        }
    }

    /**
     * The socket dropped while logged in. {@code attempt} is the attempt scheduled or running (1 for the first);
     * {@code droppedAtNanos} is when the drop was noticed, on the {@link ReconnectPolicy}'s clock.
     */
    record Reconnecting(ServerAddress address, String name, int attempt, long droppedAtNanos, Duration delay)
            implements ConnectionPhase {
        @Override
        public ConnectionState state() {
            return ConnectionState.RECONNECTING;
        }
    }

    /**
     * The session is over on purpose (a kick, a quit) but the socket is still closing; when it has, the phase
     * becomes {@link Ended} with this reason. {@code shown} is the state the user keeps seeing meanwhile.
     */
    record Ending(DisconnectReason reason, String detail, ConnectionState shown) implements ConnectionPhase {
        @Override
        public ConnectionState state() {
            return shown;
        }
    }

    /** The session is over; {@code connect} may be called again. */
    record Ended(DisconnectReason reason, String detail) implements ConnectionPhase {
        @Override
        public ConnectionState state() {
            return ConnectionState.DISCONNECTED;
        }
    }

    /** The connection's threads are gone; nothing more happens. */
    record Closed() implements ConnectionPhase {
        @Override
        public ConnectionState state() {
            return ConnectionState.DISCONNECTED;
        }
    }
}
