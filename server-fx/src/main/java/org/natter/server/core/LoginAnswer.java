package org.natter.server.core;

import java.util.ArrayList;
import java.util.List;
import org.natter.common.protocol.FrameCodec;
import org.natter.common.protocol.LoginOk;
import org.natter.common.protocol.RoomState;
import org.natter.server.core.room.NamePages;
import org.natter.server.core.room.Room;

/**
 * What a login that was let in receives, in the form its protocol version takes: for version 3 {@code login_ok}
 * with the names online in {@code users} pages and {@code general} after them (its members in pages, or
 * {@code everyone}); for version 2 the names inside {@code login_ok} and {@code general}'s {@code room} frame; for
 * version 1 {@code login_ok} alone. The replay of {@code general} follows from the caller. Sequencer only.
 */
final class LoginAnswer {

    private LoginAnswer() {
    }

    static void send(Session session, LoginOk listed, NamePages online, Room general) {
        if (!session.takesNamePages()) {
            RoomState state = general.state(null);
            session.sendInOrder(new LoginOk(listed.re(), listed.name(), listed.number(), listed.text(), online.all(),
                    listed.welcome(), List.of(state)));
            if (session.speaksRooms()) {
                session.sendInOrder(state);
            }
            return;
        }
        // The names online and general's members in pages of bytes kept encoded: no JSON work per name.
        LoginOk ok = new LoginOk(listed.re(), listed.name(), listed.number(), listed.text(), List.of(), listed.welcome(),
                List.of(), online.size());
        List<byte[]> lines = new ArrayList<>();
        lines.add(FrameCodec.encodeLine(ok));
        lines.addAll(online.frames(NamePages.usersPrefix()));
        if (general.size() == online.size()) {
            // Nobody online has parted general: its members are the names just sent.
            lines.add(general.stateOfEveryone());
        } else {
            lines.addAll(general.stateInPages(null));
        }
        session.sendLinesInOrder(lines);
    }
}
