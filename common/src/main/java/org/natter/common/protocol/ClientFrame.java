package org.natter.common.protocol;

/** A frame a client sends to the server. */
public sealed interface ClientFrame extends Frame permits Login, Say, Logout, Quit, Ping, Pong, Join, Part, ListRooms, SetTopic,
        HistoryRequest, Search {

    /** The id the client gave this request, echoed as {@code re} in the answer; null when none. */
    String requestId();

    /** Hands this frame to the visitor's method for its type. */
    void accept(ClientFrameVisitor visitor);
}
