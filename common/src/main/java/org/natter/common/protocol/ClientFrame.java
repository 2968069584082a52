package org.natter.common.protocol;

/** A frame a client sends to the server. */
public sealed interface ClientFrame extends Frame permits Login, Say, Logout, Quit, Ping, Pong {
}
