package org.natter.common.protocol;

/**
 * Handles each kind of client frame. A new frame type adds a method here, so every receiver that does not handle
 * it fails to compile (Java 17 has no exhaustive pattern {@code switch} over sealed types).
 */
public interface ClientFrameVisitor {

    void login(Login frame);

    void say(Say frame);

    void logout(Logout frame);

    void quit(Quit frame);

    void ping(Ping frame);

    void pong(Pong frame);

    void join(Join frame);

    void part(Part frame);

    void listRooms(ListRooms frame);

    void setTopic(SetTopic frame);

    void history(HistoryRequest frame);

    void search(Search frame);
}
