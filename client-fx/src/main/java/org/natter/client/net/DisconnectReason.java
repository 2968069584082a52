package org.natter.client.net;

/** Why a {@link ChatConnection} ended up {@link ConnectionState#DISCONNECTED} after being logged in or connected. */
public enum DisconnectReason {
    /** This side quit or closed the connection. */
    QUIT,
    /** An administrator removed the user; no reconnection. */
    KICKED,
    /** Logging in again after a drop failed because someone else now has the name; no more attempts. */
    NAME_TAKEN,
    /** The connection dropped and reconnection gave up (or was not wanted, as after a logout). */
    LOST
}
