package org.natter.client.net;

/** Where a {@link ChatConnection} stands; the chat window binds its input and banner to it. */
public enum ConnectionState {
    /** No socket: not connected yet, or the session ended (quit, kick, or a failed login). */
    DISCONNECTED,
    /** Opening the socket and waiting for the server's {@code welcome}. */
    CONNECTING,
    /** Connected but not logged in: the login is on its way, or the user logged out. */
    CONNECTED,
    /** Logged in; messages can be sent. */
    LOGGED_IN,
    /** The connection dropped on its own; waiting to connect and log in again under the same name. */
    RECONNECTING
}
